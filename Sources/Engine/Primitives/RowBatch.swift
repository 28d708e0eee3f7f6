/// A block of generated rows in one flat buffer, handed from the engine to a
/// loader. Cells are fixed-size records; text lives in a shared arena, so a
/// batch of a million cells is three allocations that are reused batch after batch.
package struct RowBatch: Sendable {
    package struct Cell: Sendable {
        package var kind: Value.Kind
        /// Integer value, bool (0/1), double bit pattern, or arena offset.
        package var payload: Int64
        /// Byte length for text and bytes.
        package var length: Int32
    }

    package let columnCount: Int
    package private(set) var rowCount = 0
    package private(set) var cells: [Cell] = []
    package private(set) var arena: [UInt8] = []

    package init(columnCount: Int, capacity: Int = 1024) {
        self.columnCount = columnCount
        cells.reserveCapacity(columnCount * capacity)
        arena.reserveCapacity(columnCount * capacity * 16)
    }

    package mutating func removeAll() {
        rowCount = 0
        cells.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
    }

    /// Appends one cell; call `columnCount` times then `endRow()`.
    @inline(__always)
    package mutating func append(_ value: Value) {
        switch value.kind {
        case .null: cells.append(Cell(kind: .null, payload: 0, length: 0))
        case .int, .bool: cells.append(Cell(kind: value.kind, payload: value.int, length: 0))
        case .double: cells.append(Cell(kind: .double, payload: Int64(bitPattern: value.double.bitPattern), length: 0))
        case .text, .bytes:
            cells.append(Cell(kind: value.kind, payload: Int64(arena.count), length: Int32(value.bytes.count)))
            arena.append(contentsOf: value.bytes.bytes)
        }
    }

    @inline(__always) package mutating func endRow() { rowCount += 1 }

    /// Reads row `row` back into `values` (one per column), e.g. to change a few cells and append it again.
    package func load(row: Int, into values: inout [Value]) {
        if values.count != columnCount { values = [Value](repeating: Value(), count: columnCount) }
        for column in 0..<columnCount {
            let c = cell(row: row, column: column)
            switch c.kind {
            case .null: values[column].setNull()
            case .int: values[column].setInt(c.payload)
            case .bool: values[column].setBool(c.payload != 0)
            case .double: values[column].setDouble(Double(bitPattern: UInt64(bitPattern: c.payload)))
            case .text, .bytes:
                if c.kind == .text { values[column].beginText() } else { values[column].beginBytes() }
                let start = Int(c.payload)
                values[column].bytes.bytes.append(contentsOf: arena[start..<start + Int(c.length)])
            }
        }
    }

    /// Appends row `row` of `other` (same column count) as a whole row.
    package mutating func appendRow(of other: RowBatch, row: Int) {
        for column in 0..<columnCount {
            var c = other.cell(row: row, column: column)
            if c.kind == .text || c.kind == .bytes {
                let start = Int(c.payload)
                c.payload = Int64(arena.count)
                arena.append(contentsOf: other.arena[start..<start + Int(c.length)])
            }
            cells.append(c)
        }
        rowCount += 1
    }

    @inline(__always) package func cell(row: Int, column: Int) -> Cell {
        cells[row * columnCount + column]
    }

    /// Text of a cell as a `String` (tests, messages).
    package func text(row: Int, column: Int) -> String? {
        let c = cell(row: row, column: column)
        switch c.kind {
        case .null: return nil
        case .int: return String(c.payload)
        case .bool: return c.payload != 0 ? "true" : "false"
        case .double: return String(Double(bitPattern: UInt64(bitPattern: c.payload)))
        case .text, .bytes:
            return String(decoding: arena[Int(c.payload)..<Int(c.payload) + Int(c.length)], as: UTF8.self)
        }
    }
}

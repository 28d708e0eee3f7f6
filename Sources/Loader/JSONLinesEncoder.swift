import Engine
import SchemaModel

/// Writes generated rows as JSON Lines (`--out DIR --format jsonl`) straight
/// from the batch's bytes, one object per row with the columns in plan
/// order: numbers and booleans bare, text escaped, json/jsonb columns
/// embedded as they are, bytes as hex strings. No `String` per value.
package struct JSONLinesEncoder {
    /// `"name": ` per column, encoded once.
    let keys: [[UInt8]]
    /// Columns whose text is JSON already (json, jsonb).
    let embedsJSON: [Bool]

    package init(columns: [Column]) {
        keys = columns.map { c in
            var w = ByteWriter(capacity: c.name.utf8.count + 4)
            JSONText.appendString(c.name, into: &w)
            w.append(": ")
            return w.bytes
        }
        embedsJSON = columns.map { $0.type == .json || $0.type == .jsonb }
    }

    /// Appends one row and its line feed.
    package func encode(_ batch: RowBatch, row: Int, into out: inout ByteWriter) {
        out.append(UInt8(ascii: "{"))
        for c in 0..<batch.columnCount {
            if c > 0 { out.append(", ") }
            out.append(contentsOf: keys[c])
            let cell = batch.cell(row: row, column: c)
            switch cell.kind {
            case .null: out.append("null")
            case .int: out.appendInt(cell.payload)
            case .bool: out.append(cell.payload != 0 ? "true" : "false")
            case .double:
                let d = Double(bitPattern: UInt64(bitPattern: cell.payload))
                if d.isFinite { out.append(d.description) } else { out.append("null") }
            case .text:
                let text = batch.arena[Int(cell.payload)..<Int(cell.payload) + Int(cell.length)]
                if embedsJSON[c] { out.append(contentsOf: text) } else { JSONText.appendString(bytes: text, into: &out) }
            case .bytes:
                out.append(UInt8(ascii: "\""))
                for b in batch.arena[Int(cell.payload)..<Int(cell.payload) + Int(cell.length)] { out.appendHex(UInt64(b), digits: 2) }
                out.append(UInt8(ascii: "\""))
            }
        }
        out.append("}\n")
    }
}

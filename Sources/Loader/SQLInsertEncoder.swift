import Engine
import SchemaModel

/// Writes generated rows as `INSERT` statements (`--out DIR --format sql`)
/// straight from the batch's bytes: the statement head is encoded once per
/// table, text is quoted with its `'` doubled, bytes are `X'…'` hex,
/// booleans TRUE/FALSE, so the file loads into SQLite and PostgreSQL.
package struct SQLInsertEncoder {
    /// `INSERT INTO "t" ("a", "b") VALUES (`.
    let head: [UInt8]

    package init(table: QualifiedName, columns: [Column]) {
        head = Array(("INSERT INTO \(table.quoted) (" + columns.map { quoteIdentifier($0.name) }.joined(separator: ", ") + ") VALUES (").utf8)
    }

    /// Appends one row's statement and its line feed.
    package func encode(_ batch: RowBatch, row: Int, into out: inout ByteWriter) {
        out.append(contentsOf: head)
        for c in 0..<batch.columnCount {
            if c > 0 { out.append(", ") }
            let cell = batch.cell(row: row, column: c)
            switch cell.kind {
            case .null: out.append("NULL")
            case .int: out.appendInt(cell.payload)
            case .double:
                let d = Double(bitPattern: UInt64(bitPattern: cell.payload))
                if d.isFinite { out.append(d.description) } else { out.append("NULL") }
            case .bool: out.append(cell.payload != 0 ? "TRUE" : "FALSE")
            case .text:
                out.append(UInt8(ascii: "'"))
                for b in batch.arena[Int(cell.payload)..<Int(cell.payload) + Int(cell.length)] {
                    if b == UInt8(ascii: "'") { out.append(b) }
                    out.append(b)
                }
                out.append(UInt8(ascii: "'"))
            case .bytes:
                out.append("X'")
                for b in batch.arena[Int(cell.payload)..<Int(cell.payload) + Int(cell.length)] { out.appendHex(UInt64(b), digits: 2) }
                out.append(UInt8(ascii: "'"))
            }
        }
        out.append(");\n")
    }
}

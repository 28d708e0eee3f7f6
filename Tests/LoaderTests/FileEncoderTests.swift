import Foundation
import Testing
import SchemaModel
@testable import Engine
@testable import Loader

/// JSON Lines and INSERT output, byte for byte, and read back by real parsers.
@Suite struct FileEncoderTests {
    static let columns = [
        Column(name: "id", type: .integer(bytes: 8), declaredType: "bigint"),
        Column(name: "note", type: .text(maxLength: nil), declaredType: "text"),
        Column(name: "doc", type: .jsonb, declaredType: "jsonb"),
        Column(name: "raw", type: .bytes, declaredType: "bytea"),
        Column(name: "ok", type: .boolean, declaredType: "boolean"),
        Column(name: "price", type: .double, declaredType: "double precision"),
        Column(name: "gone", type: .text(maxLength: nil), declaredType: "text"),
    ]

    func batch() -> RowBatch {
        var batch = RowBatch(columnCount: 7)
        var v = Value()
        v.setInt(-7); batch.append(v)
        v.setText("it's \"q\"\n\tZoë\u{1}"); batch.append(v)
        v.setText("{\"a\": [1, 2]}"); batch.append(v)
        v.beginBytes(); v.bytes.append(0x0a); v.bytes.append(0xff); batch.append(v)
        v.setBool(true); batch.append(v)
        v.setDouble(2.5); batch.append(v)
        v.setNull(); batch.append(v)
        batch.endRow()
        return batch
    }

    @Test func jsonLinesEscapeTextAndEmbedJSONColumns() throws {
        var out = ByteWriter()
        JSONLinesEncoder(columns: Self.columns).encode(batch(), row: 0, into: &out)
        let line = String(decoding: out.bytes, as: UTF8.self)
        #expect(line == "{\"id\": -7, \"note\": \"it's \\\"q\\\"\\n\\tZoë\\u0001\", \"doc\": {\"a\": [1, 2]}, \"raw\": \"0aff\", \"ok\": true, \"price\": 2.5, \"gone\": null}\n")
        let object = try JSONSerialization.jsonObject(with: Data(out.bytes)) as? [String: Any]
        #expect(object?["note"] as? String == "it's \"q\"\n\tZoë\u{1}")
        #expect((object?["doc"] as? [String: Any])?["a"] as? [Int] == [1, 2])
        #expect(object?["gone"] is NSNull)
    }

    @Test func insertsQuoteTextAndHexBytes() {
        var out = ByteWriter()
        SQLInsertEncoder(table: QualifiedName("my table"), columns: Self.columns).encode(batch(), row: 0, into: &out)
        #expect(String(decoding: out.bytes, as: UTF8.self)
            == "INSERT INTO \"my table\" (\"id\", \"note\", \"doc\", \"raw\", \"ok\", \"price\", \"gone\") VALUES (-7, 'it''s \"q\"\n\tZoë\u{1}', '{\"a\": [1, 2]}', X'0aff', TRUE, 2.5, NULL);\n")
    }
}

import Testing
@testable import Engine
@testable import Loader

@Suite struct CSVEncoderTests {
    func sampleBatch() -> RowBatch {
        var batch = RowBatch(columnCount: 8)
        var v = Value()
        v.setText("plain"); batch.append(v)
        v.setText("a,b \"q\"\nline"); batch.append(v)
        v.setText(""); batch.append(v)
        v.setNull(); batch.append(v)
        v.setInt(-7); batch.append(v)
        v.beginBytes(); v.bytes.append(0x0a); v.bytes.append(0xff); batch.append(v)
        v.setBool(true); batch.append(v)
        v.setText("Zoë \\. back\\slash\ttab"); batch.append(v)
        batch.endRow()
        return batch
    }

    @Test func copyStyleKeepsEmptyApartFromNullAndPrefixesBytes() {
        var out: [UInt8] = []
        CSVEncoder(style: .postgresCopy).encode(sampleBatch(), into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "plain,\"a,b \"\"q\"\"\nline\",\"\",,-7,\\x0aff,t,Zoë \\. back\\slash\ttab\n")
    }

    @Test func fileStyleWritesWordsAndBareHex() {
        var out: [UInt8] = []
        CSVEncoder(style: .file).encode(sampleBatch(), into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "plain,\"a,b \"\"q\"\"\nline\",,,-7,0aff,true,Zoë \\. back\\slash\ttab\n")
    }

    @Test func quotesTheEndOfDataMarker() {
        var batch = RowBatch(columnCount: 1)
        var v = Value()
        v.setText("\\."); batch.append(v); batch.endRow()
        var out: [UInt8] = []
        CSVEncoder(style: .postgresCopy).encode(batch, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"\\.\"\n")
    }
}

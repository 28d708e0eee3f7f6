import Testing
@testable import Engine
@testable import Loader

@Suite struct CopyTextEncoderTests {
    @Test func escapesEveryCharacterThatWouldBreakARow() {
        var batch = RowBatch(columnCount: 6)
        var v = Value()
        v.setText("tab\there\nnew\\slash\rcr"); batch.append(v)
        v.setNull(); batch.append(v)
        v.setInt(-12); batch.append(v)
        v.setBool(true); batch.append(v)
        v.beginBytes(); v.bytes.append(0x00); v.bytes.append(0xff); batch.append(v)
        v.setDouble(1.5); batch.append(v)
        batch.endRow()
        var out: [UInt8] = []
        CopyTextEncoder.encode(batch, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "tab\\there\\nnew\\\\slash\\rcr\t\\N\t-12\tt\t\\\\x00ff\t1.5\n")
    }

    @Test func keepsNonASCIIBytesIntact() {
        var batch = RowBatch(columnCount: 1)
        var v = Value()
        v.setText("Zoë — 東京"); batch.append(v); batch.endRow()
        var out: [UInt8] = []
        CopyTextEncoder.encode(batch, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "Zoë — 東京\n")
    }
}

@Suite struct CopyCSVEncoderTests {
    @Test func quotesOnlyWhatNeedsQuotingAndKeepsEmptyApartFromNull() {
        var batch = RowBatch(columnCount: 7)
        var v = Value()
        v.setText("plain"); batch.append(v)
        v.setText("a,b \"q\"\nline"); batch.append(v)
        v.setText(""); batch.append(v)
        v.setNull(); batch.append(v)
        v.setInt(7); batch.append(v)
        v.beginBytes(); v.bytes.append(0x0a); batch.append(v)
        v.setText("back\\slash\ttab"); batch.append(v)
        batch.endRow()
        var out: [UInt8] = []
        CopyTextEncoder.encodeCSV(batch, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "plain,\"a,b \"\"q\"\"\nline\",\"\",,7,\\x0a,back\\slash\ttab\n")
    }
}

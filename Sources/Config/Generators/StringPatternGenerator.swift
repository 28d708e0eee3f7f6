import Engine

/// `string_pattern`: the template's literal text with each placeholder
/// filled from the row (`{sequential_id}` = row + 1, so values stay unique).
package struct StringPatternGenerator: ValueGenerator {
    package let template: StringTemplate
    package let stream: UInt64
    package let uuids: UUIDGenerator

    package init(template: StringTemplate, stream: UInt64) {
        self.template = template
        self.stream = stream
        uuids = UUIDGenerator(stream: stream ^ 0x5555_aaaa)
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        value.beginText()
        for part in template.parts {
            switch part {
            case .literal(let s): value.bytes.append(s)
            case .sequentialID: value.bytes.appendInt(row + 1)
            case .uniformInt(let lo, let hi): value.bytes.appendInt(r.int(lo...(hi - 1)))
            case .oneOf(let options): value.bytes.append(r.pick(options))
            case .uuid:
                var scratch = Value()
                uuids.generate(row: row, into: &scratch)
                value.bytes.append(contentsOf: scratch.bytes.bytes)
            }
        }
    }

    package var summary: String { "pattern \(template.source)" }
}

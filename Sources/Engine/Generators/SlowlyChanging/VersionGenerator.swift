/// One column of a type-2 slowly changing dimension laid out by a
/// `VersionLayout`: the business key, the version number, the validity
/// window, the current flag, or a stable attribute (a name, a birth date)
/// that every version of a key shares because it is drawn at the key's
/// first row.
package struct VersionGenerator: ValueGenerator {
    package enum Field: String, Sendable, CaseIterable {
        /// The business key, 1-based: the same on every version.
        case key
        case version
        case validFrom = "valid_from"
        /// The next version's `valid_from`; NULL on the current version.
        case validTo = "valid_to"
        case isCurrent = "is_current"
        /// The inner generator's value at the key's first row.
        case stable
    }

    package let layout: VersionLayout
    package let field: Field
    /// For `.stable`: the attribute's own generator.
    package let inner: (any ValueGenerator)?

    package init(layout: VersionLayout, field: Field, inner: (any ValueGenerator)? = nil) {
        precondition(field != .stable || inner != nil, "a stable attribute needs its generator")
        self.layout = layout
        self.field = field
        self.inner = inner
    }

    package func generate(row: Int64, into value: inout Value) {
        let slot = layout.slot(row: row)
        switch field {
        case .key: value.setInt(slot.key + 1)
        case .version: value.setInt(Int64(slot.version))
        case .isCurrent: value.setBool(slot.isCurrent)
        case .validFrom:
            value.beginText()
            CivilDate.writeDate(days: layout.change(key: slot.key, version: slot.version, of: slot.versions), into: &value.bytes)
        case .validTo:
            if slot.isCurrent { value.setNull(); return }
            value.beginText()
            CivilDate.writeDate(days: layout.change(key: slot.key, version: slot.version + 1, of: slot.versions), into: &value.bytes)
        case .stable: inner!.generate(row: layout.firstRow(of: slot, row: row), into: &value)
        }
    }

    package func epochSeconds(row: Int64) -> Int64? {
        guard field == .validFrom else { return nil }
        let slot = layout.slot(row: row)
        return layout.change(key: slot.key, version: slot.version, of: slot.versions) * 86_400
    }

    package var summary: String {
        field == .stable ? "\(inner!.summary), the same on every version" : "type-2 version \(field.rawValue)"
    }
}

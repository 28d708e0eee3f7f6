/// Which rows of a table carry a deliberate data-quality issue, and which:
/// a pure function of (stream, row) shared by every column of the table,
/// so the columns of one row agree on its issue and the flag column names it.
package struct QualityIssues: Sendable {
    package enum Kind: String, Sendable, CaseIterable {
        /// Every column but the key copies an earlier row: a double-ingested record.
        case duplicate
        /// The event date lies 7-60 days before the row's own: it arrived late.
        case lateArriving = "late_arriving"
        /// The nullable columns are NULL.
        case missingValue = "missing_value"
        /// Numeric columns are a hundred times their value (CHECKs still hold).
        case outlier
    }

    package let rate: Double
    package let kinds: [Kind]
    package let stream: UInt64

    package init(rate: Double, kinds: [Kind] = Kind.allCases, stream: UInt64) {
        precondition((0...1).contains(rate) && !kinds.isEmpty, "a rate in [0, 1] and at least one kind")
        self.rate = rate
        self.kinds = kinds
        self.stream = stream
    }

    /// The issue of `row`, or nil for a clean row.
    @inline(__always)
    package func issue(row: Int64) -> Kind? {
        var r = RowRandom(stream: stream, row: row)
        guard r.chance(rate) else { return nil }
        return kinds[Int(r.below(UInt64(kinds.count)))]
    }

    /// The earlier row a duplicate copies (row 0 copies itself).
    package func source(row: Int64) -> Int64 {
        var r = RowRandom(stream: stream ^ 0xD0B1_E0D0_B1E0_D0B1, row: row)
        return max(0, row - 1 - Int64(r.below(50)))
    }

    /// Days a late row's date is moved back.
    package func lateness(row: Int64) -> Int64 {
        var r = RowRandom(stream: stream ^ 0x1A7E_1A7E_1A7E_1A7E, row: row)
        return 7 + Int64(r.below(54))
    }
}

/// One column of a table with `QualityIssues`: the clean generator,
/// changed on the rows that carry an issue as the column's role allows.
package struct QualityIssueGenerator: ValueGenerator {
    package enum Role: Sendable {
        /// The flag column: the issue's name, NULL on clean rows.
        case flag
        /// A column that only follows duplicates (foreign keys, NOT NULL text).
        case plain
        /// A nullable column: NULL on missing_value rows.
        case nullable
        /// A number: outliers multiply it.
        case numeric(nullable: Bool)
        /// The event date: late rows move it back, not before `earliest` (days since the epoch).
        case eventDate(earliest: Int64)
    }

    package let inner: any ValueGenerator
    package let role: Role
    package let issues: QualityIssues

    package init(inner: any ValueGenerator, role: Role, issues: QualityIssues) {
        self.inner = inner
        self.role = role
        self.issues = issues
    }

    package func generate(row: Int64, into value: inout Value) {
        let issue = issues.issue(row: row)
        if case .flag = role {
            if let issue { value.setText(issue.rawValue) } else { value.setNull() }
            return
        }
        guard let issue else { inner.generate(row: row, into: &value); return }
        switch (issue, role) {
        case (.duplicate, _):
            inner.generate(row: issues.source(row: row), into: &value)
        case (.missingValue, .nullable), (.missingValue, .numeric(nullable: true)):
            value.setNull()
        case (.outlier, .numeric):
            inner.generate(row: row, into: &value)
            switch value.kind {
            case .int: value.setInt(value.int &* 100)
            case .double: value.setDouble(value.double * 100)
            case .text where value.number != nil:
                // A decimal written as text (`12.34`): two zeros before the point, `1200.34`.
                let point = value.bytes.bytes.firstIndex(of: UInt8(ascii: ".")) ?? value.bytes.bytes.count
                value.bytes.bytes.insert(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: "0")], at: point)
            default: break
            }
        case (.lateArriving, .eventDate(let earliest)):
            guard let seconds = inner.epochSeconds(row: row) else { inner.generate(row: row, into: &value); return }
            value.beginText()
            CivilDate.writeDate(days: max(earliest, seconds / 86_400 - issues.lateness(row: row)), into: &value.bytes)
        default:
            inner.generate(row: row, into: &value)
        }
    }

    package func epochSeconds(row: Int64) -> Int64? {
        guard case .eventDate(let earliest) = role, let issue = issues.issue(row: row) else { return inner.epochSeconds(row: row) }
        switch issue {
        case .duplicate: return inner.epochSeconds(row: issues.source(row: row))
        case .lateArriving: return inner.epochSeconds(row: row).map { max(earliest, $0 / 86_400 - issues.lateness(row: row)) * 86_400 }
        default: return inner.epochSeconds(row: row)
        }
    }

    package var summary: String { "\(inner.summary), \(Int((issues.rate * 100).rounded()))% rows with quality issues" }
}

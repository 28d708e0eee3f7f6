#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A column's constant DEFAULT, read as evidence of what its values look
/// like: `rental_rate numeric DEFAULT 4.99` is a price near 4.99, `visits
/// integer DEFAULT 0` a count starting at zero, `active boolean DEFAULT
/// true` mostly true, `status text DEFAULT 'active'` mostly active.
/// Expressions (`now()`, `nextval(…)`, arithmetic) say nothing and give nil.
package enum DefaultEvidence {
    /// Whether a DEFAULT stands for the moment of the insert:
    /// `now()`, `CURRENT_TIMESTAMP`, `CURRENT_DATE`, `localtimestamp`,
    /// SQLite's `datetime('now')`, possibly cast.
    package static func isNow(_ expression: String?) -> Bool {
        guard let e = expression?.lowercased().replacingOccurrences(of: " ", with: "") else { return false }
        return ["now()", "current_timestamp", "current_date", "localtimestamp", "transaction_timestamp()", "statement_timestamp()",
                "clock_timestamp()", "datetime('now')", "date('now')"].contains { e.hasPrefix($0) || e.hasPrefix("(" + $0) }
    }

    /// The literal a DEFAULT expression stands for: `4.99`, `(0)`,
    /// `'active'::character varying`, `true`, `'1'::integer`.
    package static func literal(_ expression: String?) -> Literal? {
        guard var text = expression?.trimmingSpaces(), !text.isEmpty else { return nil }
        while text.hasPrefix("("), text.hasSuffix(")") { text = String(text.dropFirst().dropLast()).trimmingSpaces() }
        // A trailing cast: `'x'::text`, `0::smallint`, `'4.99'::numeric(4,2)`.
        if let cast = text.range(of: "::", options: .backwards), !text[cast.upperBound...].contains("'") {
            text = String(text[..<cast.lowerBound]).trimmingSpaces()
        }
        while text.hasPrefix("("), text.hasSuffix(")") { text = String(text.dropFirst().dropLast()).trimmingSpaces() }
        if text.hasPrefix("'"), text.hasSuffix("'"), text.count >= 2 {
            let inner = String(text.dropFirst().dropLast())
            guard !inner.contains("'") || inner.contains("''") else { return nil }
            let unquoted = inner.replacingOccurrences(of: "''", with: "'")
            if let i = Int64(unquoted) { return .int(i) }
            if let d = Double(unquoted), d.isFinite, unquoted.contains(".") { return .double(d) }
            return .text(unquoted)
        }
        switch text.lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        if let i = Int64(text) { return .int(i) }
        if let d = Double(text), d.isFinite, text.first?.isNumber == true || text.first == "-" { return .double(d) }
        return nil
    }
}

/// Numbers drawn around a column's DEFAULT: the default itself on a share
/// of rows (applications write it when the user changes nothing), the rest
/// log-normal around it, rounded to the column's scale; a zero default
/// (counters, balances) gives zero on a share of rows and small positive
/// counts on the others.
package struct DefaultCenteredGenerator: ValueGenerator {
    package let center: Double
    /// Fractional digits written (0: integers).
    package let scale: Int
    package let lower: Double
    package let upper: Double
    package let stream: UInt64

    /// Share of rows that keep the default exactly.
    static let keepShare = 0.35
    static let sigma = 0.45

    package init(center: Double, scale: Int, lower: Double, upper: Double, stream: UInt64) {
        self.center = center
        self.scale = scale
        self.lower = lower
        self.upper = upper
        self.stream = stream
    }

    package func generate(row: Int64, into value: inout Value) {
        var r = RowRandom(stream: stream, row: row)
        var x = center
        if !r.chance(Self.keepShare) {
            // A zero default: counts with a median of 3; otherwise around the default.
            let median = center > 0 ? center : 3
            x = median * exp(Self.sigma * (center > 0 ? 1 : 2.2) * r.normal())
        }
        x = Swift.min(Swift.max(x, lower), upper)
        if scale == 0 {
            value.setInt(Int64(x.rounded()))
        } else {
            let units = Int64((x * Double(DecimalGenerator.power10(scale))).rounded())
            value.beginText()
            DecimalGenerator.write(units: units, scale: scale, into: &value.bytes)
        }
    }

    package var summary: String { "around its default \(CheckCalendar.formatNumber(center))" }
}

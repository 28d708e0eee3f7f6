#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension RealisticText {
    /// The number behind a numeric kind (nil for the others), for callers that
    /// format to a column's own precision and scale. Prices end in .99, .49,
    /// .95 or .00 and are mostly under 100; quantities are mostly under 10;
    /// ratings lean to 4 and 5; ages are adults.
    package static func numericValue(_ kind: SemanticKind, _ random: inout RowRandom) -> Double? {
        switch kind {
        case .price:
            let v = min(max(exp(2.9957 + 1.1 * random.normal()), 0.5), 9_999)
            let whole = v.rounded(.down)
            let u = random.unit()
            return whole + (u < 0.55 ? 0.99 : u < 0.7 ? 0.49 : u < 0.8 ? 0.95 : 0)
        case .salary:
            let v = min(max(exp(11.035 + 0.4 * random.normal()), 18_000), 450_000)
            return (v / 100).rounded() * 100
        case .quantity:
            let u = max(random.unit(), 0x1.0p-53)
            return min(1 + (-4 * log(u)).rounded(.down), 500)
        case .percentage:
            return (random.unit() * 10_000).rounded() / 100
        case .rating:
            let u = random.unit()
            return u < 0.05 ? 1 : u < 0.13 ? 2 : u < 0.30 ? 3 : u < 0.65 ? 4 : 5
        case .age:
            return min(max((42 + 15 * random.normal()).rounded(), 18), 90)
        case .latitude:
            return (coordinate(near: place(&random), &random).latitude * 1e6).rounded() / 1e6
        case .longitude:
            return (coordinate(near: place(&random), &random).longitude * 1e6).rounded() / 1e6
        default:
            return nil
        }
    }

    /// The epoch-second range a temporal kind draws from (nil for the others):
    /// created_at 2018-01-01 through 2024-12-31, updated_at 2023-01-01 through
    /// 2025-06-30, deleted_at 2023-07-01 through 2025-06-30, birth_date
    /// 1935-01-01 through 2006-12-31 (midnights). Fixed, never "now", so runs
    /// are reproducible.
    package static func epochSecondRange(_ kind: SemanticKind) -> ClosedRange<Int64>? {
        switch kind {
        case .createdAt: return Ranges.created
        case .updatedAt: return Ranges.updated
        case .deletedAt: return Ranges.deleted
        case .birthDate: return Ranges.birth
        default: return nil
        }
    }

    /// A time of a temporal kind in epoch seconds: a uniform day in the kind's
    /// range, mostly during waking hours (birth dates at midnight).
    package static func epochSecond(_ kind: SemanticKind, _ random: inout RowRandom) -> Int64 {
        guard let range = epochSecondRange(kind) else { return 0 }
        let firstDay = range.lowerBound / 86_400
        let lastDay = range.upperBound / 86_400
        let day = random.int(firstDay...lastDay)
        if kind == .birthDate { return day * 86_400 }
        let second = random.chance(0.8) ? random.int(28_800...79_199) : random.int(0...86_399)
        return day * 86_400 + second
    }

    /// `value` with exactly `scale` digits after the point (none for 0).
    package static func writeDecimal(_ value: Double, scale: Int, into out: inout ByteWriter) {
        var factor: Double = 1
        var ifactor: Int64 = 1
        for _ in 0..<max(scale, 0) { factor *= 10; ifactor *= 10 }
        let scaled = (value * factor).rounded()
        guard scaled.isFinite, abs(scaled) < 9.0e18 else { out.append("0" as StaticString); return }
        var n = Int64(scaled)
        if n < 0 { out.append(UInt8(ascii: "-")); n = -n }
        out.appendInt(n / ifactor)
        if scale > 0 {
            out.append(UInt8(ascii: "."))
            out.appendPadded(Int(n % ifactor), width: scale)
        }
    }

    private enum Ranges {
        static let created = CivilDate.days(year: 2018, month: 1, day: 1) * 86_400
            ... CivilDate.days(year: 2024, month: 12, day: 31) * 86_400 + 86_399
        static let updated = CivilDate.days(year: 2023, month: 1, day: 1) * 86_400
            ... CivilDate.days(year: 2025, month: 6, day: 30) * 86_400 + 86_399
        static let deleted = CivilDate.days(year: 2023, month: 7, day: 1) * 86_400
            ... CivilDate.days(year: 2025, month: 6, day: 30) * 86_400 + 86_399
        static let birth = CivilDate.days(year: 1935, month: 1, day: 1) * 86_400
            ... CivilDate.days(year: 2006, month: 12, day: 31) * 86_400
    }
}

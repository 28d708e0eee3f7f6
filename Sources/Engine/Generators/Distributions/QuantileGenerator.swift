#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws from a distribution known by its quantiles (a profile's 257
/// points): a uniform u picks a place between two neighbouring points and
/// the value is interpolated linearly between them, so the shape follows
/// the data and no value outside the outermost points appears.
package struct QuantileGenerator: ValueGenerator {
    /// What the numbers are and how they are written.
    package enum Output: Sendable, Equatable {
        /// Rounded to `scale` fractional digits (0: integers).
        case number(scale: Int)
        /// Days since 1970-01-01, written as a date.
        case date
        /// Seconds since the epoch, written as a timestamp.
        case timestamp(timeZone: Bool)
    }

    package let points: [Double]
    package let output: Output
    package let stream: UInt64
    /// Where each row's uniform comes from (its own stream unless a copula
    /// ties it to the table's other columns).
    package var source: UniformSource
    package var drivingUniform: UniformSource? { source }
    /// Integers rounded up or down at random in proportion (`3.4` is 4 on
    /// 40 % of rows), so their mean is the points' mean, not shifted by rounding.
    package var stochasticRounding = false

    package init(points: [Double], output: Output, stream: UInt64) {
        precondition(!points.isEmpty, "a quantile generator needs points")
        self.points = points
        self.output = output
        self.stream = stream
        source = .own(stream: stream)
    }

    /// The mean of the interpolated distribution.
    package var mean: Double {
        guard points.count > 1 else { return points[0] }
        return (points.reduce(0, +) - (points[0] + points[points.count - 1]) / 2) / Double(points.count - 1)
    }

    /// The same shape with every point scaled so the mean is `target`
    /// (children per parent whose clipped quantiles lost the mean of the
    /// long tail); unchanged when the mean is zero.
    package func rescaled(toMean target: Double) -> QuantileGenerator {
        let m = mean
        guard m > 0, target >= 0 else { return self }
        var g = QuantileGenerator(points: points.map { $0 * target / m }, output: output, stream: stream)
        g.stochasticRounding = stochasticRounding
        g.source = source
        return g
    }

    @inline(__always) func draw(row: Int64) -> Double {
        value(at: source.unit(row: row))
    }

    /// The interpolated inverse CDF at `u` in [0, 1).
    @inline(__always) package func value(at u: Double) -> Double {
        guard points.count > 1 else { return points[0] }
        let x = u * Double(points.count - 1)
        let i = min(points.count - 2, Int(x))
        return points[i] + (points[i + 1] - points[i]) * (x - Double(i))
    }

    package func generate(row: Int64, into value: inout Value) {
        write(draw(row: row), row: row, into: &value)
    }

    /// Writes `x` as the output asks (`row` draws the stochastic rounding).
    package func write(_ x: Double, row: Int64, into value: inout Value) {
        switch output {
        case .number(let scale):
            if scale == 0, stochasticRounding {
                var r = RowRandom(stream: stream ^ 0x726f_756e_64, row: row)
                let down = x.rounded(.down)
                value.setInt(Int64(max(min(r.unit() < x - down ? down + 1 : down, 4e18), -4e18)))
            } else if scale == 0 { value.setInt(Int64(max(min(x.rounded(), 4e18), -4e18))) }
            else {
                let f = pow(10, Double(scale))
                value.setDouble((x * f).rounded() / f)
            }
        case .date:
            value.beginText()
            CivilDate.writeDate(days: Int64(x.rounded(.down)), into: &value.bytes)
        case .timestamp(let tz):
            value.beginText()
            CivilDate.writeTimestamp(seconds: Int64(x.rounded(.down)), into: &value.bytes)
            if tz { value.bytes.append("+00") }
        }
    }

    package func epochSeconds(row: Int64) -> Int64? {
        switch output {
        case .number: return nil
        case .date: return Int64(draw(row: row).rounded(.down)) * 86_400
        case .timestamp: return Int64(draw(row: row).rounded(.down))
        }
    }

    package var summary: String {
        let lo = points.first!, hi = points.last!, mid = points[points.count / 2]
        return "as profiled: \(label(lo))…\(label(hi)), median \(label(mid))" + (source.isCopula ? ", correlated" : "")
    }

    /// A point as the column shows it: a day for dates and timestamps.
    func label(_ x: Double) -> String {
        let days: Int64
        switch output {
        case .number: return Self.short(x)
        case .date: days = Int64(x.rounded(.down))
        case .timestamp: days = Int64((x / 86_400).rounded(.down))
        }
        return CivilDate.dateText(days: days)
    }

    static func short(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String((x * 100).rounded() / 100)
    }
}

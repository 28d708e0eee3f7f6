/// Correlated uniforms for the columns of one table (a profile's copula):
/// row i's normal vector is L·ε, with L the Cholesky factor of the
/// correlation matrix and ε independent normals drawn from the row, and
/// each column turns its coordinate into a uniform through Φ and then into
/// a value through its own marginal. Every coordinate is a pure function of
/// the row, so columns stay independent generators that agree.
package struct GaussianCopula: Sendable {
    /// Lower-triangular: `lower[j][k]` for k ≤ j.
    package let lower: [[Double]]
    let streams: [UInt64]
    /// How far the off-diagonal correlations were shrunk toward 0 to make
    /// the matrix positive definite (1: not at all).
    package let shrink: Double

    /// nil when the matrix is not square or has no dimension.
    package init?(correlation: [[Double]], stream: UInt64) {
        let d = correlation.count
        guard d > 0, correlation.allSatisfy({ $0.count == d }) else { return nil }
        // Correlations estimated pairwise need not form a positive definite
        // matrix: the nearest one with every eigenvalue at least 1e-3
        // (rescaled to a unit diagonal) keeps the strong pairs strong;
        // shrinking the off-diagonal toward 0 is the last resort.
        var factor = 1.0
        var l = Self.cholesky(correlation, shrink: factor)
        if l == nil { l = Self.cholesky(Self.clippingEigenvalues(correlation), shrink: 1) }
        while l == nil, factor > 0.05 {
            factor *= 0.9
            l = Self.cholesky(correlation, shrink: factor)
        }
        guard let l else { return nil }
        lower = l
        shrink = factor
        streams = (0..<d).map { StableHash.mix(stream ^ StableHash.mix(UInt64($0) &+ 0x636f_7075_6c61)) }
    }

    package var dimensions: Int { lower.count }

    /// The normal score of dimension `j` for `row`.
    @inline(__always)
    package func normal(row: Int64, dimension j: Int) -> Double {
        let weights = lower[j]
        var z = 0.0
        for k in 0...j where weights[k] != 0 {
            var r = RowRandom(stream: streams[k], row: row)
            z += weights[k] * r.normal()
        }
        return z
    }

    /// The normal score of dimension `j` for `row` when the first
    /// `given.count` dimensions are fixed (a parent row's scores): their
    /// independent normals are solved from them (L is triangular), the
    /// rest drawn from the row, so dimension j follows its conditional law.
    package func normal(row: Int64, dimension j: Int, given: [Double]) -> Double {
        given.withUnsafeBufferPointer { normal(row: row, dimension: j, given: $0) }
    }

    /// As above, the fixed scores in a buffer (the caller's stack: no allocation per row).
    @inline(__always)
    func normal(row: Int64, dimension j: Int, given: UnsafeBufferPointer<Double>) -> Double {
        let g = given.count
        guard g > 0 else { return normal(row: row, dimension: j) }
        if j < g { return given[j] }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: g) { e in
            for k in 0..<g {
                var sum = given[k]
                for m in 0..<k { sum -= lower[k][m] * e[m] }
                e[k] = lower[k][k] > 0 ? sum / lower[k][k] : 0
            }
            let weights = lower[j]
            var z = 0.0
            for k in 0...j where weights[k] != 0 {
                if k < g { z += weights[k] * e[k] } else {
                    var r = RowRandom(stream: streams[k], row: row)
                    z += weights[k] * r.normal()
                }
            }
            return z
        }
    }

    /// The uniform of dimension `j` for `row`, in (0, 1).
    @inline(__always)
    package func unit(row: Int64, dimension j: Int) -> Double {
        StandardNormal.cdf(normal(row: row, dimension: j))
    }

    /// The symmetric matrix with its eigenvalues raised to at least
    /// `floor`, rescaled to ones on the diagonal (Jacobi rotations: the
    /// matrices are at most a few dozen wide).
    static func clippingEigenvalues(_ m: [[Double]], floor: Double = 1e-3) -> [[Double]] {
        let d = m.count
        var a = m
        var v = (0..<d).map { i in (0..<d).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<d { for j in 0..<d where i != j { off += a[i][j] * a[i][j] } }
            if off < 1e-20 { break }
            for p in 0..<d {
                for q in (p + 1)..<d where abs(a[p][q]) > 1e-15 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<d {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<d {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<d {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let values = (0..<d).map { max(a[$0][$0], floor) }
        var r = (0..<d).map { i in (0..<d).map { j in (0..<d).reduce(0.0) { $0 + v[i][$1] * values[$1] * v[j][$1] } } }
        let scale = (0..<d).map { 1 / r[$0][$0].squareRoot() }
        for i in 0..<d { for j in 0..<d { r[i][j] *= scale[i] * scale[j] } }
        return r
    }

    /// Cholesky factor of the matrix with off-diagonals times `shrink`; nil
    /// when it is not positive definite. Tiny weights are dropped so rows
    /// skip the draws they do not need.
    static func cholesky(_ m: [[Double]], shrink: Double) -> [[Double]]? {
        let d = m.count
        var l = Array(repeating: Array(repeating: 0.0, count: d), count: d)
        for i in 0..<d {
            for j in 0...i {
                var sum = i == j ? 1.0 : m[i][j] * shrink
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > 1e-9 else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        return l.map { $0.map { abs($0) < 1e-4 ? 0 : $0 } }
    }
}

/// Where a profiled column's uniform comes from: its own stream, or one
/// coordinate of its table's copula.
package enum UniformSource: Sendable {
    case own(stream: UInt64)
    case copula(GaussianCopula, dimension: Int)
    /// Row k of n takes the k-th of n evenly spaced places, shuffled: the
    /// values follow the distribution exactly and, where it rises
    /// steeply enough, are distinct (a profiled column under a UNIQUE).
    case stratified(Permutation)
    /// Row k of n takes the k-th of the n places 0, 1/(n−1), …, 1,
    /// shuffled: as `stratified`, with both ends of the distribution
    /// reached (a parent table's busiest row).
    case spanning(Permutation)
    /// Row i takes frac(offset + i·φ⁻¹) (a Weyl sequence): the first n rows
    /// spread evenly over [0, 1) for every n, so a share as small as 2
    /// stores of 500 holding all the stock comes out as 2, not 0 or 5.
    case evenlySpread(offset: Double)
    /// A copula coordinate whose leading dimensions are the parent row's
    /// (parent context: a child column that moves with its parent's).
    case conditional(GaussianCopula, dimension: Int, parent: ParentContext)
    /// Another source's values over the planned rows, by rank (`RankedUniforms`).
    case ranked(RankedUniforms, isCopula: Bool)

    @inline(__always)
    package func unit(row: Int64) -> Double {
        switch self {
        case .own(let stream):
            var r = RowRandom(stream: stream, row: row)
            return r.unit()
        case .copula(let copula, let j):
            return min(copula.unit(row: row, dimension: j), 1 - 0x1.0p-53)
        case .stratified(let p):
            return (Double(p.apply(UInt64(row) % p.count)) + 0.5) / Double(p.count)
        case .spanning(let p):
            guard p.count > 1 else { return 0.5 }
            return min(Double(p.apply(UInt64(row) % p.count)) / Double(p.count - 1), 1 - 0x1.0p-53)
        case .evenlySpread(let offset):
            let x = offset + Double(row) * 0.618_033_988_749_894_8
            return x - x.rounded(.down)
        case .conditional(let copula, let j, let parent):
            guard let parentRow = parent.parentRow(childRow: row) else { return min(copula.unit(row: row, dimension: j), 1 - 0x1.0p-53) }
            let z = withUnsafeTemporaryAllocation(of: Double.self, capacity: parent.columns.count) { given in
                for (k, column) in parent.columns.enumerated() { given[k] = StandardNormal.quantile(column.unit(row: parentRow)) }
                return copula.normal(row: row, dimension: j, given: UnsafeBufferPointer(given))
            }
            return min(StandardNormal.cdf(z), 1 - 0x1.0p-53)
        case .ranked(let ranked, _):
            return ranked.unit(row: row)
        }
    }

    /// Whether the rows' uniforms reach both ends of [0, 1] (`spanning`),
    /// so the values at them average to the points' own mean.
    package var spans: Bool {
        switch self {
        case .spanning: return true
        case .ranked(let r, _): return r.spanning
        default: return false
        }
    }

    package var isCopula: Bool {
        switch self {
        case .copula, .conditional: return true
        case .ranked(_, let isCopula): return isCopula
        default: return false
        }
    }
}

/// The parent row a child row points at, and the normal scores of the
/// parent's columns there: each parent column's own uniform at that row
/// (its copula coordinate or its stream), through Φ⁻¹.
package struct ParentContext: Sendable {
    package let picker: ParentRowPicker
    package let childFirst: Int64
    package let parentFirst: Int64
    package let columns: [UniformSource]

    package init(picker: ParentRowPicker, childFirst: Int64, parentFirst: Int64, columns: [UniformSource]) {
        self.picker = picker
        self.childFirst = childFirst
        self.parentFirst = parentFirst
        self.columns = columns
    }

    /// The parent row (in the parent's own numbering) a child row's uniforms
    /// are read at; nil for a child row without a parent (a NULL key).
    @inline(__always)
    func parentRow(childRow row: Int64) -> Int64? {
        picker.parentRow(for: row - childFirst).map { $0 + parentFirst }
    }
}

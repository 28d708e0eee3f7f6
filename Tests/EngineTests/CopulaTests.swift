import Testing
@testable import Engine

/// The pieces a profile's fill draws through: correlated uniforms, one
/// inverse CDF of atoms and quantiles, and children quotas.
@Suite struct CopulaTests {
    static func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) { sab += (x - ma) * (y - mb); saa += (x - ma) * (x - ma); sbb += (y - mb) * (y - mb) }
        return sab / (saa * sbb).squareRoot()
    }

    @Test func normalQuantileInvertsTheCDF() {
        for p in [1e-9, 0.001, 0.02, 0.3, 0.5, 0.77, 0.975, 0.9999] {
            #expect(abs(StandardNormal.cdf(StandardNormal.quantile(p)) - p) < 1e-9 * max(1, p * 1e3), "\(p)")
        }
        #expect(abs(StandardNormal.quantile(0.975) - 1.959964) < 1e-5)
    }

    @Test func coordinatesCarryTheCorrelation() throws {
        let copula = try #require(GaussianCopula(correlation: [[1, 0.8, -0.3], [0.8, 1, 0], [-0.3, 0, 1]], stream: 7))
        #expect(copula.shrink == 1)
        let rows = 20_000
        let z = (0..<3).map { j in (0..<rows).map { copula.normal(row: Int64($0), dimension: j) } }
        #expect(abs(Self.pearson(z[0], z[1]) - 0.8) < 0.03)
        #expect(abs(Self.pearson(z[0], z[2]) + 0.3) < 0.03)
        #expect(abs(Self.pearson(z[1], z[2])) < 0.05)
        let u = (0..<rows).map { copula.unit(row: Int64($0), dimension: 1) }
        #expect(u.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(abs(u.filter { $0 < 0.25 }.count - rows / 4) < rows / 50, "uniform margins")
        // The same row gives the same coordinates: columns agree without talking.
        #expect(copula.normal(row: 123, dimension: 2) == copula.normal(row: 123, dimension: 2))
    }

    @Test func aMatrixThatIsNotPositiveDefiniteIsRepaired() throws {
        let m: [[Double]] = [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]]
        #expect(GaussianCopula.cholesky(m, shrink: 1) == nil)
        let copula = try #require(GaussianCopula(correlation: m, stream: 1))
        #expect(copula.shrink == 1, "eigenvalues clipped instead")
        let repaired = GaussianCopula.clippingEigenvalues(m)
        #expect(repaired.indices.allSatisfy { abs(repaired[$0][$0] - 1) < 1e-9 })
        #expect(repaired[0][1] > 0.3 && repaired[1][2] < -0.3, "the signs and strengths survive: \(repaired)")
        // Already positive definite: unchanged.
        let fine: [[Double]] = [[1, 0.5], [0.5, 1]]
        #expect(abs(GaussianCopula.clippingEigenvalues(fine)[0][1] - 0.5) < 1e-9)
        #expect(GaussianCopula(correlation: [[1, 0.5]], stream: 1) == nil, "not square")
    }

    @Test func aMarginalPutsAtomsOnTheirIntervalsAndTheRestBetween() {
        // 0.99 on 60 % of rows starting at 10 %, the rest spread over 1…10.
        let rest = QuantileGenerator(points: [1, 5, 10], output: .number(scale: 2), stream: 3)
        let g = MarginalGenerator(atoms: [.init(literal: .double(0.99), start: 0.1, share: 0.6)], rest: .quantiles(rest), source: .own(stream: 9))
        var value = Value()
        var atoms = 0, inRest = 0
        for row in 0..<10_000 {
            g.generate(row: Int64(row), into: &value)
            if value.double == 0.99 { atoms += 1 } else if value.double >= 1 && value.double <= 10 { inRest += 1 }
        }
        #expect(abs(atoms - 6_000) < 200)
        #expect(atoms + inRest == 10_000)
        // With a stratified source the low places (u < 10 %) are the rest's lowest values.
        let ordered = MarginalGenerator(atoms: [.init(literal: .double(0.99), start: 0.1, share: 0.6)], rest: .quantiles(rest),
                                        source: .stratified(Permutation(count: 100, key: 1)))
        var low = 0
        for row in 0..<100 {
            ordered.generate(row: Int64(row), into: &value)
            if value.double >= 1 && value.double < 3 { low += 1 }
        }
        #expect(abs(low - 10) <= 1, "the first tenth of the CDF is the rest's first quarter: \(low)")
        // Categories without a rest fill [0, 1) in proportion to their shares.
        let labels = MarginalGenerator(atoms: [.init(literal: .text("a"), start: 0, share: 0.3), .init(literal: .text("b"), start: 0.3, share: 0.3)],
                                       rest: nil, source: .own(stream: 2))
        var a = 0
        for row in 0..<4_000 {
            labels.generate(row: Int64(row), into: &value)
            if value.bytes.bytes == Array("a".utf8) { a += 1 }
        }
        #expect(abs(a - 2_000) < 150, "\(a)")
    }

    @Test func aQuotaGivesEachParentItsShareOfTheChildren() throws {
        let quota = try #require(ParentQuota(counts: [0, 1, 3, 6, 0], childRows: 1_000, key: 5))
        var per = [Int](repeating: 0, count: 5)
        for row in 0..<1_000 { per[Int(ParentRowPicker.quota(quota).parentRow(for: Int64(row))!)] += 1 }
        #expect(per[0] == 0 && per[4] == 0)
        #expect(abs(per[1] - 100) <= 1 && abs(per[2] - 300) <= 1 && abs(per[3] - 600) <= 1, "\(per)")
        #expect(ParentQuota(counts: [0, 0], childRows: 10, key: 1) == nil)
    }
}

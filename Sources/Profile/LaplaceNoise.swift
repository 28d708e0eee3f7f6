#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--epsilon E`: Laplace noise of scale 1/E added to every count a
/// profile's frequencies and children-per-parent histogram come from (each
/// row changes one count by one, so this is E-differentially private for
/// those counts). Drawn from the system's generator on purpose: noise that
/// the seed could reproduce would protect nothing.
struct LaplaceNoise {
    let epsilon: Double

    /// `count` plus noise, rounded, never below zero.
    func noisy(_ count: Int) -> Int {
        var g = SystemRandomNumberGenerator()
        let u = Double.random(in: -0.5..<0.5, using: &g)
        let noise = -(1 / epsilon) * (u < 0 ? -1 : 1) * log(1 - 2 * abs(u))
        return max(0, Int((Double(count) + noise).rounded()))
    }
}

import Foundation

/// A value shared between the concurrent calls of one fill (the token
/// budget, the usage counters, whether the server takes structured output),
/// guarded by a lock. `Synchronization.Mutex` would do the same but needs
/// macOS 15; the package supports macOS 13.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, under the lock; keep it short.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

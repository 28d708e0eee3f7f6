import Synchronization

/// A request to stop a fill (SIGINT/SIGTERM), checked between batches so the
/// transaction is rolled back cleanly instead of the process dying mid-COPY.
///
/// The signal handler may only touch async-signal-safe state: one atomic.
package enum Cancellation {
    private static let requested = Atomic<Int32>(0)

    /// Records the signal; called from a signal handler.
    package static func request(signal: Int32) {
        requested.store(signal, ordering: .relaxed)
    }

    /// The signal that asked to stop, or 0.
    package static var signal: Int32 { requested.load(ordering: .relaxed) }

    /// Throws `Interrupted` once a stop was requested.
    package static func check() throws {
        let s = signal
        if s != 0 { throw Interrupted(signal: s) }
    }
}

/// The fill was stopped by a signal; everything was rolled back.
package struct Interrupted: Error, Sendable {
    package var signal: Int32
}

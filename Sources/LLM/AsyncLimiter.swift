/// At most `width` model calls in flight at once (`--llm-concurrency`),
/// over every column of the fill: a counting semaphore for tasks.
package actor AsyncLimiter {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    package init(width: Int) {
        precondition(width >= 1, "a limiter needs room for one task")
        available = width
    }

    /// Runs `body` once a slot is free.
    package func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { available += 1 } else { waiting.removeFirst().resume() }
    }
}

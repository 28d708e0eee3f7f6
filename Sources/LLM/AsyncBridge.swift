import Dispatch

/// Runs the model calls (async, concurrent) from the fill, which is
/// synchronous from flags to COMMIT. The calling thread waits on a
/// semaphore while the calls run on Swift's cooperative pool; the calling
/// thread is never one of the pool's, so the wait cannot starve it.
package enum AsyncBridge {
    package static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Locked<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let value = try await body()
                result.withLock { $0 = .success(value) }
            } catch {
                result.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}

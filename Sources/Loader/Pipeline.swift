import Foundation

/// Overlaps generation with loading: a background thread produces the next
/// chunks (generating and encoding rows) while the caller's thread sends the
/// current one to the database. At most `depth` chunks wait in between, so
/// memory stays flat however large the table is.
///
/// Chunks come out in order, so the loaded rows are the same as without the
/// pipeline: determinism does not depend on timing.
package enum Pipeline {
    /// Produces `produce(range)` for each range on `workers` background
    /// threads (range k on worker k mod workers) and hands the results to
    /// `consume` on the calling thread, in range order. If `consume` throws,
    /// production stops and the error is rethrown.
    package static func run<Chunk: Sendable>(
        ranges: [Range<Int64>], workers: Int = 1, depth: Int = 3,
        produce: @escaping @Sendable (Range<Int64>) -> Chunk,
        consume: (Chunk) throws -> Void
    ) throws {
        let workers = max(1, min(workers, ranges.count))
        let queues = (0..<workers).map { _ in ChunkQueue<Chunk>(capacity: depth) }
        for (w, queue) in queues.enumerated() {
            let thread = Thread {
                for index in stride(from: w, to: ranges.count, by: workers) {
                    guard queue.push(produce(ranges[index])) else { return }
                }
                queue.finish()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        defer { queues.forEach { $0.cancel() } }
        for index in ranges.indices {
            guard let chunk = queues[index % workers].pop() else { break }
            try consume(chunk)
        }
    }

    /// Row ranges of `batch` rows covering `range`.
    package static func ranges(_ range: Range<Int64>, batch: Int64) -> [Range<Int64>] {
        stride(from: range.lowerBound, to: range.upperBound, by: Int(batch)).map { start in
            start..<min(range.upperBound, start + batch)
        }
    }
}

/// A bounded FIFO between one producer and one consumer thread.
final class ChunkQueue<Chunk: Sendable>: @unchecked Sendable {
    // All state is guarded by `condition`.
    private let condition = NSCondition()
    private var items: [Chunk] = []
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Blocks while full; false when the consumer has gone away.
    func push(_ item: Chunk) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Blocks while empty; nil once the producer finished (or was cancelled).
    func pop() -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished && !cancelled { condition.wait() }
        if items.isEmpty { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

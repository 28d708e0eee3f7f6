import Foundation

/// A column's values, ready for the generator.
package struct PoolResult: Sendable {
    package var request: ColumnRequest
    /// The pool, or with `per_row` one value per row in row order.
    package var values: [String]
    package var usage: LLMUsage
    /// What the fill should say: values cut or dropped, a short pool.
    package var notes: [String]
}

/// Fills column pools through the model: batches of `request.batch`
/// values per call, run `--llm-concurrency` at a time across all columns;
/// top-up calls while a model returns fewer (or repeated) values than
/// asked; the cache before and after.
package struct PoolFetcher: Sendable {
    package let client: ChatClient
    package let limiter: AsyncLimiter
    package let cache: LLMCache?
    /// `--llm-refresh`: ask even when the cache has an answer (and replace it).
    package let refresh: Bool

    /// Rounds of top-up calls after the first; a round that adds nothing twice ends it early.
    static let topUpRounds = 5
    /// Asking again after an answer that is not the JSON asked for.
    static let invalidAnswerRetries = 1

    package init(client: ChatClient, limiter: AsyncLimiter, cache: LLMCache?, refresh: Bool) {
        self.client = client
        self.limiter = limiter
        self.cache = cache
        self.refresh = refresh
    }

    /// Every request's pool, in request order. The first failure cancels
    /// the rest and is thrown; with `keepGoing` (`--llm-fallback`) each
    /// column's failure is its own result instead.
    package func fetchAll(_ requests: [ColumnRequest], keepGoing: Bool = false) async throws -> [Result<PoolResult, LLMError>] {
        try await withThrowingTaskGroup(of: (Int, Result<PoolResult, LLMError>).self) { group in
            for (i, request) in requests.enumerated() {
                group.addTask {
                    do {
                        return (i, .success(try await fetch(request)))
                    } catch let error as LLMError where keepGoing {
                        return (i, .failure(error))
                    }
                }
            }
            var results: [(Int, Result<PoolResult, LLMError>)] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    package func fetch(_ request: ColumnRequest) async throws -> PoolResult {
        let key = LLMCache.key(for: request, endpoint: client.endpoint)
        if let cache, !refresh, let entry = cache.load(key), entry.values.count == (request.rows?.count ?? entry.values.count) {
            return PoolResult(request: request, values: entry.values, usage: LLMUsage(cacheHits: 1), notes: [])
        }
        var result: PoolResult
        do {
            result = request.rows == nil ? try await pool(request) : try await perRow(request)
        } catch let error as LLMError {
            throw error.prefixed(request.label)
        }
        try cache?.store(.init(model: client.endpoint.model, subject: request.label, values: result.values, usage: result.usage), key: key)
        return result
    }

    /// `count` distinct values.
    func pool(_ request: ColumnRequest) async throws -> PoolResult {
        var fitter = ValueFitter(maxLength: request.context.maxLength, domain: request.context.domain)
        var values: [String] = []
        var usage = LLMUsage()
        var idle = 0
        for _ in 0...Self.topUpRounds where values.count < request.count {
            let sizes = Self.batches(request.count - values.count, size: request.batch)
            let answers = try await askAll(request, sizes.enumerated().map { i, size in
                (PromptBuilder.user(request, count: size, batch: i + 1, of: sizes.count), size)
            })
            let before = values.count
            for (raw, cost) in answers {
                usage.add(cost)
                for text in raw where values.count < request.count {
                    if let v = fitter.fit(text) { values.append(v) }
                }
            }
            idle = values.count == before ? idle + 1 : 0
            if idle == 2 { break }
        }
        var notes = Self.notes(fitter, request)
        if values.isEmpty {
            let why = fitter.firstRejected.map { ": every value broke its CHECK, e.g. \($0.debugDescription)" } ?? ""
            throw LLMError(.invalidAnswer, "the model gave no usable value in \(usage.calls) calls\(why)")
        }
        if values.count < request.count {
            let message = "the model gave \(values.count) distinct values of the \(request.count) asked for in \(usage.calls) calls"
            if request.distinct { throw LLMError(.invalidAnswer, "\(message), and the column must be unique") }
            notes.append("\(request.label): \(message); rows draw from those")
        }
        return PoolResult(request: request, values: values, usage: usage, notes: notes)
    }

    /// One value per row of `request.rows`, matching that row's other columns.
    func perRow(_ request: ColumnRequest) async throws -> PoolResult {
        let rows = request.rows ?? []
        var fitter = ValueFitter(maxLength: request.context.maxLength, domain: request.context.domain)
        var values = [String?](repeating: nil, count: rows.count)
        var usage = LLMUsage()
        for _ in 0...Self.topUpRounds {
            let missing = values.indices.filter { values[$0] == nil }
            if missing.isEmpty { break }
            let chunks = stride(from: 0, to: missing.count, by: request.batch).map { Array(missing[$0..<min($0 + request.batch, missing.count)]) }
            let answers = try await askAll(request, chunks.enumerated().map { i, chunk in
                (PromptBuilder.user(request, count: chunk.count, rows: ArraySlice(chunk.map { rows[$0] }), batch: i + 1, of: chunks.count), chunk.count)
            })
            for (i, (raw, cost)) in answers.enumerated() {
                usage.add(cost)
                for (row, text) in zip(chunks[i], raw) { values[row] = fitter.fit(text, distinct: false) }
            }
        }
        let filled = values.compactMap { $0 }
        guard filled.count == rows.count else {
            throw LLMError(.invalidAnswer, "the model wrote values for \(filled.count) of the \(rows.count) rows in \(usage.calls) calls")
        }
        return PoolResult(request: request, values: filled, usage: usage, notes: Self.notes(fitter, request))
    }

    /// The calls of one round, concurrently (within the limiter), answers
    /// in call order rather than arrival order: the same answers give the same pool.
    func askAll(_ request: ColumnRequest, _ calls: [(user: String, expected: Int)]) async throws -> [([String], LLMUsage)] {
        try await withThrowingTaskGroup(of: (Int, [String], LLMUsage).self) { group in
            for (i, call) in calls.enumerated() {
                group.addTask {
                    let (values, usage) = try await ask(user: call.user, request: request, expected: call.expected)
                    return (i, values, usage)
                }
            }
            var out: [(Int, [String], LLMUsage)] = []
            for try await answer in group { out.append(answer) }
            return out.sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
        }
    }

    /// One call (and a second after an answer that is not JSON): the raw strings and the call's cost.
    func ask(user: String, request: ColumnRequest, expected: Int) async throws -> ([String], LLMUsage) {
        struct Values: Decodable { var values: [String] }
        let perValue = request.context.maxLength.map { max(4, $0 / 4) } ?? 60
        let prompt = ChatPrompt(system: PromptBuilder.system, user: user, schemaName: "column_values", schema: PromptBuilder.valuesSchema,
                                expectedOutputTokens: expected * perValue + 16, seed: request.seed)
        var usage = LLMUsage()
        var attempt = 0
        while true {
            // After another column's failure the group is cancelled: ask nothing more.
            try Task.checkCancellation()
            let answer = try await limiter.run { try await client.complete(prompt) }
            usage.add(answer)
            do {
                return (try answer.decode(Values.self).values, usage)
            } catch {
                guard attempt < Self.invalidAnswerRetries else { throw error }
                attempt += 1
            }
        }
    }

    /// `total` split into calls of at most `size`.
    static func batches(_ total: Int, size: Int) -> [Int] {
        stride(from: 0, to: total, by: size).map { min(size, total - $0) }
    }

    static func notes(_ fitter: ValueFitter, _ request: ColumnRequest) -> [String] {
        var notes: [String] = []
        if fitter.truncated > 0, let n = request.context.maxLength {
            notes.append("\(request.label): \(fitter.truncated) of the model's values were cut to \(n) characters")
        }
        if fitter.rejected > 0 {
            notes.append("\(request.label): \(fitter.rejected) of the model's values were empty or broke its CHECK and were left out")
        }
        return notes
    }
}

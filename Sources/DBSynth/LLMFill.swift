import Config
import Engine
import Foundation
import LLM
import SchemaModel

/// Plans a fill whose semantic columns a language model writes.
///
/// A draft plan comes first (without the model): it fixes every table's
/// row count, seed and the other columns' values, which the questions
/// need (pool sizes, `per_row` contexts). Then every column's pool is
/// asked for, concurrently, from the cache where it has the answer; then
/// the real plan is made with the pools as generators. All of it happens
/// before the first row is written, so a failed call (unreachable
/// endpoint, exhausted budget, invalid answer) refuses the fill with the
/// database unchanged, or with `--llm-fallback` leaves that column to the
/// local generator with a warning.
struct LLMFill {
    let options: LLMOptions
    let config: ConfigFile?
    let warn: (String) -> Void

    /// Default pool: as many values as rows, at most this many.
    static let defaultPool = 500
    static let poolBatch = 50
    static let perRowBatch = 25

    /// The plan, and what the model calls did (nil when no column asks for the model).
    func plan(_ schema: Schema, options planOptions: PlanOptions) throws -> (Plan, LLMReport?) {
        let targets = LLMColumns.targets(schema, config: config, automatic: options.automatic)
        let draft = try Planning.plan(schema, options: planOptions)
        guard !targets.isEmpty else { return (draft, nil) }

        var asked: [(target: LLMColumns.Target, request: ColumnRequest, mode: PooledTextGenerator.Mode)] = []
        for target in targets {
            guard let planned = draft.tables.first(where: { $0.table.name == target.table.name }), planned.rows > 0 else { continue }
            let seed = planOptions.overrides?.seed(for: target.table) ?? planOptions.seed
            let (request, mode) = try request(for: target, planned: planned, seed: seed, others: Set(targets.filter { $0.table.name == target.table.name }.map(\.column.name)))
            asked.append((target, request, mode))
        }
        guard !asked.isEmpty else { return (draft, nil) }

        let endpoint: LLMEndpoint
        do { endpoint = try LLMEndpoint.fromEnvironment(options.environment ?? ProcessInfo.processInfo.environment) } catch {
            throw DBSynthError.refused(error.description)
        }
        let client = ChatClient(endpoint: endpoint, timeout: options.timeout, budget: options.budgetTokens.map(TokenBudget.init))
        let fetcher = PoolFetcher(client: client, limiter: AsyncLimiter(width: options.concurrency),
                                  cache: options.cacheDirectory.map(LLMCache.init), refresh: options.refresh)
        let requests = asked.map(\.request)
        let fallback = options.fallback
        let results: [Result<PoolResult, LLMError>] = try AsyncBridge.run {
            try await fetcher.fetchAll(requests, keepGoing: fallback)
        }

        let prices = PriceTable(overrides: (config?.llmPrices ?? [:]).mapValues { PriceTable.Price(input: $0.input, output: $0.output) })
        var pools: [QualifiedName: [String: LLMOverrides.Pool]] = [:]
        var columns: [LLMReport.Column] = []
        for (item, result) in zip(asked, results) {
            switch result {
            case .success(let pool):
                for note in pool.notes { warn(note) }
                pools[item.target.table.name, default: [:]][item.target.column.name] = .init(values: pool.values, mode: item.mode)
                columns.append(.init(table: item.request.table, column: item.request.column, usage: pool.usage,
                                     cost: prices.cost(pool.usage, model: endpoint.model), values: pool.values.count,
                                     source: pool.usage.cacheHits > 0 ? "cache" : "model"))
            case .failure(let error):
                // keepGoing is only set with --llm-fallback; without it the first error was thrown.
                warn("\(error.description); --llm-fallback: the local generator fills \(item.request.label)")
                columns.append(.init(table: item.request.table, column: item.request.column, usage: LLMUsage(),
                                     cost: prices.cost(LLMUsage(), model: endpoint.model), values: 0, source: "fallback"))
            }
        }
        var withPools = planOptions
        withPools.overrides = LLMOverrides(pools: pools, base: planOptions.overrides)
        let plan = try Planning.plan(schema, options: withPools)
        return (plan, LLMReport(model: endpoint.model, endpoint: endpoint.description, columns: columns))
    }

    /// The question for one column and how its rows take the answers.
    func request(for target: LLMColumns.Target, planned: TablePlan, seed: UInt64, others: Set<String>) throws -> (ColumnRequest, PooledTextGenerator.Mode) {
        let (table, column, spec) = (target.table, target.column, target.spec)
        let label = "\(table.name).\(column.name)"
        let rows = planned.rows
        let domain = DomainDeriver.derive(table: table).domain(column.name)
        let context = ColumnContext(
            declaredType: column.declaredType.isEmpty ? column.type.summary : column.declaredType, comment: column.comment,
            maxLength: column.type.lengthLimit, checks: LLMColumns.checks(mentioning: column.name, in: table),
            siblings: table.columns.map(\.name).filter { $0 != column.name }, domain: domain)
        var request = ColumnRequest(table: table.name.description, column: column.name, prompt: spec.prompt, context: context,
                                    count: 0, distinct: true, batch: spec.batch ?? Self.poolBatch, seed: seed)
        let unique = spec.unique ?? LLMColumns.isUnique(column, in: table)
        if spec.perRow {
            guard !unique else {
                throw DBSynthError.refused("\(label): per_row and unique exclude each other; drop one (a unique column takes a pool as large as the table)")
            }
            guard rows <= options.maxRows else {
                throw DBSynthError.refused("\(label): per_row writes one value per row, and \(table.name) gets \(TextLayout.grouped(rows)) rows, more than --llm-max-rows \(options.maxRows); raise it or use a pool")
            }
            request.rows = (0..<rows).map { i in Self.rowContext(planned, row: planned.firstRow + i, skipping: others) }
            request.count = Int(rows)
            request.distinct = false
            request.batch = spec.batch ?? Self.perRowBatch
            return (request, .byRow(firstRow: planned.firstRow))
        }
        guard unique else {
            request.count = spec.pool ?? Int(min(rows, Int64(Self.defaultPool)))
            return (request, .drawn)
        }
        if rows <= max(Int64(spec.pool ?? 0), options.maxRows) {
            request.count = Int(rows)
            if request.count > spec.pool ?? 0, spec.pool != nil {
                warn("\(label) is unique: the pool is raised to its \(TextLayout.grouped(rows)) rows, one distinct value each")
            }
            return (request, .permuted)
        }
        // More rows than values worth asking for: the row number keeps them distinct.
        let room = column.type.lengthLimit.map { $0 >= 16 + String(planned.firstRow + rows).count } ?? true
        guard room, domain.patterns.isEmpty, domain.allowed == nil else {
            throw DBSynthError.refused("\(label) is unique and \(table.name) gets \(TextLayout.grouped(rows)) rows, more than --llm-max-rows \(options.maxRows), and the column leaves no room to append a row number; raise --llm-max-rows or give it another generator")
        }
        request.count = spec.pool ?? Self.defaultPool
        warn("\(label) is unique: its \(TextLayout.grouped(rows)) rows take the \(request.count) model values with the row number appended (\" #1\", \" #2\", …)")
        return (request, .numbered(maxLength: column.type.lengthLimit))
    }

    /// `rating=2, product_id=17`: the row's other values as the draft plan
    /// generates them (keys left out, long values cut), for `per_row`.
    static func rowContext(_ planned: TablePlan, row: Int64, skipping: Set<String>) -> String {
        var value = Value()
        var parts: [String] = []
        for c in planned.columns where !skipping.contains(c.column.name) && !planned.table.primaryKey.contains(c.column.name) {
            c.generator.generate(row: row, into: &value)
            let text: String
            switch value.kind {
            case .null: text = "NULL"
            case .int: text = String(value.int)
            case .bool: text = value.int != 0 ? "true" : "false"
            case .double: text = String(value.double)
            case .text: text = ValueFitter.cut(String(decoding: value.bytes.bytes, as: UTF8.self), to: 60)
            case .bytes: continue
            }
            parts.append("\(c.column.name)=\(text)")
            if parts.count == 8 { break }
        }
        return parts.joined(separator: ", ")
    }
}

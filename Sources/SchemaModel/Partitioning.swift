/// How a PostgreSQL partitioned table spreads its rows, read so generated
/// partition keys fall inside declared bounds: a row whose key matches no
/// partition is rejected when there is no DEFAULT partition.
public struct Partitioning: Sendable, Hashable {
    public enum Strategy: String, Sendable, Codable {
        case range, list, hash
    }

    public var strategy: Strategy
    /// Key columns in key order. Expression keys are not listed.
    public var keyColumns: [String]
    /// True when part of the key is an expression (not a plain column).
    public var hasExpressionKey: Bool
    public var partitions: [Partition]

    /// Key columns of this level and every sub-partitioning level below it.
    public var allKeyColumns: Set<String> {
        var keys = Set(keyColumns)
        for p in partitions { if let sub = p.subpartitioning { keys.formUnion(sub.allKeyColumns) } }
        return keys
    }

    public init(strategy: Strategy, keyColumns: [String], hasExpressionKey: Bool = false, partitions: [Partition] = []) {
        self.strategy = strategy
        self.keyColumns = keyColumns
        self.hasExpressionKey = hasExpressionKey
        self.partitions = partitions
    }
}

public struct Partition: Sendable, Hashable {
    /// One side of a range bound.
    public enum Bound: Sendable, Hashable {
        case value(String)
        case minValue
        case maxValue
    }

    public var name: QualifiedName
    /// The bound as PostgreSQL prints it (`FOR VALUES FROM (…) TO (…)`).
    public var boundText: String
    public var isDefault: Bool
    /// RANGE: lower (inclusive) and upper (exclusive) bounds per key column.
    public var from: [Bound]
    public var to: [Bound]
    /// LIST: the listed values (nil for NULL).
    public var values: [String?]
    /// A partition that is itself partitioned.
    public var subpartitioning: Partitioning?

    public init(name: QualifiedName, boundText: String) {
        self.name = name
        self.boundText = boundText
        isDefault = false
        from = []
        to = []
        values = []
        let tokens = SQLTokenizer.tokenize(boundText)
        if tokens.first?.isWord("DEFAULT") == true { isDefault = true; return }
        if let i = tokens.firstIndex(where: { $0.isWord("FROM") }) { from = Self.bounds(tokens, after: i) }
        if let i = tokens.firstIndex(where: { $0.isWord("TO") }) { to = Self.bounds(tokens, after: i) }
        if let i = tokens.firstIndex(where: { $0.isWord("IN") }) {
            values = Self.bounds(tokens, after: i).map { b in
                if case .value(let v) = b { return v }
                return nil
            }
        }
    }

    /// The literals of a parenthesised list: strings, numbers (with a sign),
    /// MINVALUE / MAXVALUE, NULL (as `.minValue` in lists, read as nil).
    static func bounds(_ tokens: [SQLToken], after index: Int) -> [Bound] {
        var out: [Bound] = []
        var i = index + 1
        guard i < tokens.count, tokens[i].isSymbol("(") else { return out }
        i += 1
        var negative = false
        while i < tokens.count, !tokens[i].isSymbol(")") {
            let t = tokens[i]
            switch t.kind {
            case .string: out.append(.value(t.text))
            case .number: out.append(.value(negative ? "-" + t.text : t.text)); negative = false
            case .symbol where t.text == "-": negative = true
            case .word:
                if t.isWord("MINVALUE") { out.append(.minValue) }
                else if t.isWord("MAXVALUE") { out.append(.maxValue) }
                else if t.isWord("NULL") { out.append(.minValue) }
                else if t.isWord("true") || t.isWord("false") { out.append(.value(t.text.lowercased())) }
            default: break
            }
            i += 1
        }
        return out
    }
}

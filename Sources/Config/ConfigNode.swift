import Introspect
import SchemaModel
import Yams

/// A YAML node with its line and dotted key path, detached from Yams so the
/// rest of the module is plain `Sendable` values and every accessor can throw
/// a `ConfigError` that names the file, line and key.
package struct ConfigNode: Sendable {
    package enum Content: Sendable {
        /// A scalar and whether it was quoted (quoted scalars are always text).
        case scalar(String, quoted: Bool)
        /// Key/value pairs in file order.
        case mapping([(key: String, value: ConfigNode)])
        case sequence([ConfigNode])
    }

    package let content: Content
    package let line: Int
    /// Dotted path from the root (`tables.customer.columns.email`).
    package let path: String
    package let file: String

    /// Parses YAML text, keeping line marks. Syntax errors become `ConfigError`s with the line.
    package static func parse(yaml: String, file: String) throws -> ConfigNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigError(file: file, line: Self.line(of: error), key: "", message: "not valid YAML: \(Self.problem(of: error))")
        }
        guard let root else { throw ConfigError(file: file, line: 1, key: "", message: "the file is empty") }
        return try ConfigNode(root, path: "", file: file)
    }

    /// - Parameter keyLine: the line of the key this node is the value of;
    ///   messages point there (a block mapping's own mark is on its first child).
    init(_ node: Node, path: String, file: String, keyLine: Int? = nil) throws {
        self.path = path
        self.file = file
        line = keyLine ?? node.mark?.line ?? 0
        switch node {
        case .scalar(let s):
            content = .scalar(s.string, quoted: s.style == .singleQuoted || s.style == .doubleQuoted)
        case .mapping(let m):
            var pairs: [(key: String, value: ConfigNode)] = []
            var seen: Set<String> = []
            for (k, v) in m {
                guard let key = k.scalar?.string else {
                    throw ConfigError(file: file, line: k.mark?.line ?? line, key: path, message: "a key must be a plain name")
                }
                let childPath = path.isEmpty ? key : path + "." + key
                guard seen.insert(key).inserted else {
                    throw ConfigError(file: file, line: k.mark?.line ?? line, key: childPath, message: "appears twice")
                }
                pairs.append((key, try ConfigNode(v, path: childPath, file: file, keyLine: k.mark?.line)))
            }
            content = .mapping(pairs)
        case .sequence(let s):
            content = .sequence(try s.enumerated().map { i, n in try ConfigNode(n, path: "\(path)[\(i)]", file: file) })
        }
    }

    private init(content: Content, line: Int, path: String, file: String) {
        self.content = content
        self.line = line
        self.path = path
        self.file = file
    }

    static func make(_ content: Content, _ line: Int, _ path: String, _ file: String) -> ConfigNode {
        ConfigNode(content: content, line: line, path: path, file: file)
    }

    /// A node with a different path (sequence items addressed by their `name`).
    package func renamed(_ path: String) -> ConfigNode {
        rebased(from: self.path, to: path)
    }

    /// This node and its children with the path prefix `old` replaced by `new`.
    private func rebased(from old: String, to new: String) -> ConfigNode {
        let newPath = path.hasPrefix(old) ? new + path.dropFirst(old.count) : path
        let newContent: Content
        switch content {
        case .scalar: newContent = content
        case .mapping(let pairs): newContent = .mapping(pairs.map { (key: $0.key, value: $0.value.rebased(from: old, to: new)) })
        case .sequence(let items): newContent = .sequence(items.map { $0.rebased(from: old, to: new) })
        }
        return ConfigNode(content: newContent, line: line, path: newPath, file: file)
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 0
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default: return "\(error)"
        }
    }

    // MARK: Errors

    package func error(_ message: String) -> ConfigError {
        ConfigError(file: file, line: line, key: path, message: message)
    }

    // MARK: Shape

    package var isNull: Bool {
        if case .scalar(let s, let quoted) = content, !quoted, ["", "~", "null", "Null", "NULL"].contains(s) { return true }
        return false
    }

    package var pairs: [(key: String, value: ConfigNode)]? {
        if case .mapping(let p) = content { return p }
        return nil
    }

    package var items: [ConfigNode]? {
        if case .sequence(let s) = content { return s }
        return nil
    }

    package var scalarText: String? {
        if case .scalar(let s, _) = content { return s }
        return nil
    }

    package subscript(key: String) -> ConfigNode? {
        pairs?.first { $0.key == key }?.value
    }

    // MARK: Typed accessors

    package func mapping() throws -> [(key: String, value: ConfigNode)] {
        guard let pairs else { throw error("expected a mapping (key: value lines), found \(kindName)") }
        return pairs
    }

    package func sequence() throws -> [ConfigNode] {
        guard let items else { throw error("expected a list, found \(kindName)") }
        return items
    }

    package func string() throws -> String {
        guard case .scalar(let s, _) = content, !isNull else { throw error("expected a string, found \(kindName)") }
        return s
    }

    package func integer() throws -> Int64 {
        guard case .scalar(let s, let quoted) = content, !quoted, let v = Int64(s.replacingOccurrences(of: "_", with: "")) else {
            throw error("expected an integer, found \(kindName)")
        }
        return v
    }

    package func number() throws -> Double {
        guard case .scalar(let s, let quoted) = content, !quoted, let v = Double(s.replacingOccurrences(of: "_", with: "")), v.isFinite else {
            throw error("expected a number, found \(kindName)")
        }
        return v
    }

    package func boolean() throws -> Bool {
        guard case .scalar(let s, let quoted) = content, !quoted else { throw error("expected true or false, found \(kindName)") }
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found \(kindName)")
        }
    }

    /// A scalar as a typed literal: plain numbers and booleans keep their type, quoted text stays text.
    package func literal() throws -> ConfigLiteral {
        guard case .scalar(let s, let quoted) = content else { throw error("expected a single value, found \(kindName)") }
        return ConfigLiteral(yamlScalar: s, quoted: quoted)
    }

    /// Fails on keys outside `allowed`, with a "did you mean".
    package func checkKeys(_ allowed: [String], what: String) throws {
        for (key, value) in try mapping() where !allowed.contains(key) {
            throw value.error("unknown \(what) '\(key)'\(Suggest.hint(key, among: allowed)) (allowed: \(allowed.joined(separator: ", ")))")
        }
    }

    /// A required key.
    package func require(_ key: String) throws -> ConfigNode {
        guard let node = self[key] else { throw error("missing required key '\(key)'") }
        return node
    }

    /// What the node is, for messages.
    package var kindName: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s, let quoted):
            if isNull { return "nothing (null)" }
            return quoted ? "the string \"\(s)\"" : "'\(s)'"
        }
    }
}

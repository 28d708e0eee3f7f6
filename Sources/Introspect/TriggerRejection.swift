import SchemaModel

/// Finds the trigger behind an error message: the one whose body raises a
/// message that the error's text matches (`RAISE(ABORT, 'msg')`, or
/// PL/pgSQL `RAISE EXCEPTION 'user % not found', …` with `%` standing for
/// anything). Triggers on `preferred` (the table being loaded) are tried first.
public enum TriggerRejection {
    public static func trigger(for message: String, among triggers: [Trigger], preferred: QualifiedName?) -> Trigger? {
        let ordered = triggers.filter { $0.table == preferred } + triggers.filter { $0.table != preferred }
        return ordered.first { trigger in
            raisedMessages(trigger.body).contains { matches(format: $0, message) }
        }
    }

    /// The message literals a body raises.
    static func raisedMessages(_ body: String) -> [String] {
        let t = SQLTokenizer.tokenize(body)
        var out: [String] = []
        for i in t.indices where t[i].isWord("RAISE") {
            // SQLite RAISE(ABORT, 'm'); PL/pgSQL RAISE [EXCEPTION] 'm' — the first string within a few tokens.
            if let s = t[(i + 1)..<min(t.count, i + 6)].first(where: { $0.kind == .string }) { out.append(s.text) }
        }
        return out
    }

    /// Whether `message` is `format` with each `%` replaced by some text.
    static func matches(format: String, _ message: String) -> Bool {
        let parts = format.components(separatedBy: "%").filter { !$0.isEmpty }
        guard parts.reduce(0, { $0 + $1.count }) >= 4 else { return false }
        var rest = Substring(message)
        for part in parts {
            guard let r = rest.range(of: part) else { return false }
            rest = rest[r.upperBound...]
        }
        return true
    }
}

/// What the labels of a status column mean: where each stands on the happy
/// path (`pending` → `paid` → `shipped` → `delivered`), which ones are
/// failures (`cancelled`, `refunded`), and so how often rows hold each and
/// which timestamps a row's status implies (`shipped_at` is set for a
/// shipped or delivered order, NULL for a pending or cancelled one).
///
/// Read from the labels themselves, not their order in the IN-list, which
/// is as often alphabetical as chronological.
package enum StatusLifecycle {
    /// Share of rows in the terminal happy state(s), the other happy-path
    /// states, and the failures; labels not recognised count as "other".
    static let terminalShare = 0.6
    static let otherShare = 0.3
    static let failureShare = 0.1

    /// Happy-path stages, earliest first.
    static let stages: [Set<String>] = [
        ["new", "draft", "created", "pending", "submitted", "queued", "open", "requested", "unpaid", "placed", "received",
         "initiated", "scheduled", "waiting", "todo", "backlog", "planned", "trial", "invited", "registered", "awaiting_payment"],
        ["processing", "in_progress", "paid", "confirmed", "approved", "accepted", "authorized", "active", "running", "started",
         "assigned", "verified", "packed", "ready", "review", "in_review", "on_hold", "reviewed"],
        ["shipped", "sent", "dispatched", "published", "in_transit", "out_for_delivery", "billed", "invoiced", "live"],
        ["delivered", "completed", "complete", "done", "closed", "resolved", "fulfilled", "finished", "succeeded", "success",
         "settled", "paid_out"],
    ]

    static let failures: Set<String> = [
        "cancelled", "canceled", "failed", "failure", "rejected", "refunded", "returned", "declined", "error", "void", "voided",
        "lost", "deleted", "suspended", "banned", "disputed", "chargeback", "inactive", "blocked", "abandoned", "expired",
        "denied", "bounced", "timeout", "timed_out", "aborted", "disabled", "terminated", "churned",
    ]

    /// `In Progress`, `in-progress` → `in_progress`.
    static func normalized(_ label: String) -> String {
        String(label.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }

    /// The stage of a happy-path label (0 earliest), nil for failures and
    /// unknown labels.
    static func stage(of label: String) -> Int? {
        let l = normalized(label)
        return stages.firstIndex { $0.contains(l) }
    }

    static func isFailure(_ label: String) -> Bool { failures.contains(normalized(label)) }

    /// Whether a column holds a status: `status`, `state`, `order_status`, `stage`, `phase`.
    package static func isStatusColumn(_ name: String) -> Bool {
        let n = name.lowercased()
        return ["status", "state", "stage", "phase"].contains(n) || ["_status", "_state", "_stage"].contains { n.hasSuffix($0) }
    }

    /// Row shares for the labels of a status column: most rows in the last
    /// happy stage present, few failures. nil unless at least two labels
    /// are recognised and one is on the happy path (`state IN ('CA', 'NY')`
    /// is not a lifecycle).
    package static func weights(_ labels: [String]) -> [Double]? {
        let stages = labels.map(stage(of:))
        let failed = labels.map(isFailure)
        let recognised = zip(stages, failed).filter { $0.0 != nil || $0.1 }.count
        guard recognised >= 2, let last = stages.compactMap({ $0 }).max() else { return nil }
        let terminal = stages.indices.filter { stages[$0] == last }
        let failures = failed.indices.filter { failed[$0] }
        let others = labels.indices.filter { stages[$0] != last && !failed[$0] }
        var weights = [Double](repeating: 0, count: labels.count)
        for i in terminal { weights[i] = terminalShare / Double(terminal.count) }
        for i in others { weights[i] = otherShare / Double(others.count) }
        for i in failures { weights[i] = failureShare / Double(failures.count) }
        return weights
    }

    /// The participle a timestamp column is named after: `shipped_at`,
    /// `date_shipped`, `cancelled_on`, `delivery_date` is not one.
    static func stem(ofTimestamp name: String) -> String? {
        let n = name.lowercased()
        for suffix in ["_at", "_on", "_date", "_time", "_ts", "_timestamp"] where n.hasSuffix(suffix) {
            return String(n.dropLast(suffix.count))
        }
        if n.hasPrefix("date_") { return String(n.dropFirst(5)) }
        return nil
    }

    /// Whether a column's name could be a state's timestamp (`shipped_at`), a
    /// cheap test before the status column is looked at.
    static func isTimestampNamedAfterAState(_ name: String) -> Bool {
        guard let stem = stem(ofTimestamp: name) else { return false }
        return stem.hasSuffix("d") || stem == "sent" || stem == "done"
    }

    /// The label a timestamp column is tied to: `shipped_at` ↔ `shipped`,
    /// `completed_at` ↔ `complete`, `canceled_at` ↔ `cancelled`.
    package static func tiedLabel(timestamp name: String, labels: [String]) -> Int? {
        guard let stem = stem(ofTimestamp: name) else { return nil }
        let s = stem.replacingOccurrences(of: "cancelled", with: "canceled")
        return labels.firstIndex { label in
            let l = normalized(label).replacingOccurrences(of: "cancelled", with: "canceled")
            return s == l || s == l + "d" || s == l + "ed"
        }
    }

    /// For each label, whether a row with it has passed through
    /// `labels[tied]`: the label itself, or a later happy-path stage when
    /// the tied label is on the happy path (a delivered order was shipped;
    /// a cancelled one was not).
    package static func implied(by labels: [String], tied: Int) -> [Bool] {
        let tiedStage = stage(of: labels[tied])
        return labels.indices.map { i in
            if i == tied { return true }
            guard let t = tiedStage, let s = stage(of: labels[i]) else { return false }
            return s > t
        }
    }
}

import SchemaModel

/// Columns that belong together in time, by name: a row's `updated_at` is not
/// before its `created_at`, `end_date` not before `start_date`, `return_date`
/// not before `rental_date`, `hire_date` at least 16 years after `birth_date`.
/// The later column is generated as the earlier one plus a gap, so the order
/// holds by construction (an EXCLUDE over `daterange(from, to)` needs it too).
package enum ColumnPairing {
    /// The column `name` follows, and the gap range in the column's unit
    /// (days for dates, seconds for timestamps).
    package static func earlier(than name: String, in table: Table) -> (column: String, minimumDays: Int64, maximumDays: Int64)? {
        let lower = name.lowercased()
        func find(_ candidates: [String]) -> String? {
            for c in candidates {
                if let col = table.columns.first(where: { $0.name.lowercased() == c }), col.name != name { return col.name }
            }
            return nil
        }
        // hire_date: 16–45 years after birth.
        if lower == "hire_date" || lower == "hired_at" || lower == "hiredate" {
            if let birth = find(["birth_date", "birthdate", "date_of_birth", "dob", "birthday"]) {
                return (birth, 16 * 366, 45 * 365)
            }
        }
        let pairs: [(later: [String], earlier: [String], maxDays: Int64)] = [
            (["updated_at", "modified_at", "updated", "modified", "last_update", "last_updated", "changed_at", "updated_on", "modified_date", "last_modified"],
             ["created_at", "created", "inserted_at", "created_on", "creation_date", "date_created", "create_date"], 365),
            (["deleted_at", "archived_at", "closed_at", "cancelled_at", "canceled_at", "completed_at", "resolved_at", "finished_at"],
             ["created_at", "created", "inserted_at", "created_on", "opened_at", "started_at"], 365),
            (["return_date", "returned_at", "returned_on"], ["rental_date", "rented_at", "checkout_date", "borrowed_at", "loan_date"], 14),
            (["shipped_date", "shipped_at", "ship_date", "delivered_at", "delivery_date", "required_date"], ["order_date", "ordered_at", "created_at", "purchase_date"], 30),
            (["check_out", "checkout", "check_out_date", "departure_date"], ["check_in", "checkin", "check_in_date", "arrival_date"], 21),
        ]
        for pair in pairs where pair.later.contains(lower) {
            if let e = find(pair.earlier) { return (e, 0, pair.maxDays) }
        }
        // Generic prefixes and suffixes: end/finish/to/until ↔ start/begin/from.
        let swaps: [(String, String)] = [
            ("end", "start"), ("end", "begin"), ("finish", "start"), ("ends", "starts"), ("to", "from"),
            ("until", "from"), ("valid_to", "valid_from"), ("stop", "start"), ("close", "open"), ("expires", "issued"),
            ("expiry", "issue"), ("expiration", "issue"),
        ]
        let words = lower.split(separator: "_").map(String.init)
        for (late, early) in swaps {
            guard let i = words.firstIndex(of: late) else { continue }
            var candidate = words
            candidate[i] = early
            if let e = find([candidate.joined(separator: "_")]) { return (e, 0, 400) }
        }
        if lower.hasSuffix("_to"), let e = find([String(lower.dropLast(3)) + "_from"]) { return (e, 0, 400) }
        return nil
    }
}

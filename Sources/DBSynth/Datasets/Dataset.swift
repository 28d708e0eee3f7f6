/// A ready-made database: a config in dbsynth's own format and the DDL it
/// fills, both shipped in the binary as Swift string constants rather than
/// SwiftPM `resources:` (no `Bundle.module` to find beside the executable,
/// nothing to lose when the binary is copied alone, and no Package.swift
/// change for the other branches to merge).
public struct Dataset: Sendable {
    public enum Kind: String, Sendable, Codable {
        case oltp = "OLTP"
        case star
    }

    public enum Size: String, Sendable, CaseIterable {
        case small, large
    }

    /// One table and its rows at each size.
    public struct TableSize: Sendable {
        public var name: String
        public var small: Int64
        public var large: Int64
        /// Rows that do not grow with the size or `--scale` (a date
        /// dimension holds every day of its range, a lookup its list).
        public var fixed: Bool

        public func rows(_ size: Size, scale: Double) -> Int64 {
            if fixed { return small }
            return max(1, Int64((Double(size == .small ? small : large) * scale).rounded()))
        }
    }

    public var name: String
    public var domain: String
    public var kind: Kind
    public var summary: String
    /// Tables in creation order (parents first).
    public var tables: [TableSize]
    /// The config for `fill --config` (its `rows:` are the small size).
    public var config: String
    /// CREATE TABLE and CREATE INDEX statements in the SQL both SQLite and
    /// PostgreSQL run alike (INTEGER/BIGINT, TEXT, NUMERIC(p,s), DATE,
    /// BOOLEAN, CHECK, REFERENCES), so one text serves both.
    public var ddl: String
    /// Fact tables' date columns: the Hive partition of `--out`.
    public var partitionColumns: [String: String]

    /// Rows per table for a size and scale.
    public func rows(_ size: Size, scale: Double = 1) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0.rows(size, scale: scale)) })
    }

    public func totalRows(_ size: Size) -> Int64 { tables.reduce(0) { $0 + $1.rows(size, scale: 1) } }

    /// The column that names a row's deliberate defect under `--quality-issues`.
    public static let qualityFlag = "_dq_issue"

    /// The dataset with a share `rate` of its fact rows defective
    /// (duplicates, late-arriving, missing values, outliers), each named
    /// in a `_dq_issue` column the DDL gains, NULL on clean rows.
    public func withQualityIssues(rate: Double) -> Dataset {
        var d = self
        for (table, dateColumn) in partitionColumns.sorted(by: { $0.key < $1.key }) {
            d.config = d.config.replacingOccurrences(
                of: "\n  \(table):\n",
                with: "\n  \(table):\n    quality_issues: { rate: \(rate), flag: \(Self.qualityFlag), date_column: \(dateColumn), not_before: \"\(DatasetParts.firstDay)\" }\n")
            d.ddl += "ALTER TABLE \(table) ADD COLUMN \(Self.qualityFlag) TEXT;\n"
        }
        return d
    }

    /// The config with a header naming the dataset and its sizes, as
    /// `datasets show` prints it.
    public var annotatedConfig: String {
        var lines = ["# \(name): \(summary)",
                     "# Rows below are --size small; --size large gives:"]
        for t in tables { lines.append("#   \(t.name): \(t.rows(.large, scale: 1))\(t.fixed ? " (fixed)" : "")") }
        lines.append("# Fill your own schema with it: dbsynth fill DB --config FILE")
        return lines.joined(separator: "\n") + "\n" + config
    }
}

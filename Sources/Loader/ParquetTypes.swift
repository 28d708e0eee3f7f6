/// How `--format parquet` types a table's columns.
package enum ParquetTypes: String, Sendable, CaseIterable {
    /// Each column's own type: INT64 for bigint, DATE, TIMESTAMP (micros),
    /// DECIMAL, UUID, JSON… The default for live schemas and dbsynth configs.
    case logical
    /// What smelt-datagen 0.3 writes, so its readers see the same schema:
    /// integers as INT32, floats as DOUBLE, booleans, and everything else
    /// (dates, timestamps, UUIDs, the partition column) as UTF8 strings in
    /// the text form the CSV output has. The default for smelt `datasets:` configs.
    case smelt
}

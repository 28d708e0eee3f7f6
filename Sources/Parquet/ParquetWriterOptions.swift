/// How a file is laid out: row groups, pages, dictionaries, compression.
/// The defaults follow Arrow's and parquet-rs's (1Mi-row row groups, 1 MiB
/// pages of at most 20,000 values, a 1 MiB dictionary limit), so readers
/// see the shapes they are tuned for.
package struct ParquetWriterOptions: Sendable {
    /// Rows per row group (the last one may have fewer).
    package var rowGroupRows = 1_048_576
    /// A row group also ends when its buffered pages reach this many bytes,
    /// so wide rows cannot make the writer hold more than this in memory.
    package var rowGroupBytes = 128 << 20
    /// A data page ends at this many bytes of encoded values…
    package var pageBytes = 1 << 20
    /// …or at this many values, whichever comes first.
    package var pageValues = 20_000
    /// Dictionary-encode columns (all but BOOLEAN); a chunk falls back to
    /// PLAIN once its dictionary passes `dictionaryPageBytes`, or when more
    /// than half of its first 1,024 values (or of its first page) are distinct.
    package var dictionary = true
    package var dictionaryPageBytes = 1 << 20
    package var compression: ParquetCompression = .zstd(level: 1)
    /// The footer's `created_by`.
    package var createdBy = "dbsynth"

    package init() {}
}

/// The page codec. zstd (Debian's libzstd) besides none: see docs/design.md.
package enum ParquetCompression: Sendable, Hashable {
    case none
    case zstd(level: Int32)

    /// parquet.thrift `CompressionCodec`.
    var thriftValue: Int32 {
        switch self {
        case .none: return 0
        case .zstd: return 6
        }
    }
}

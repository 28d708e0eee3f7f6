/// The writer itself failed (the output's own errors pass through as they
/// are, so a full disk still names the file and the system's reason).
package enum ParquetError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The codec refused a page.
    case compression(String)

    package var description: String {
        switch self {
        case .compression(let reason): return "compressing a Parquet page failed: \(reason)"
        }
    }
}

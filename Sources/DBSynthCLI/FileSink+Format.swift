import DBSynth
import Loader

extension FileSink.Format {
    /// `--format` with `--out` on `fill` and `create` (csv when absent); a
    /// name that is none of them is refused with the ones it could be.
    static func named(_ name: String?) throws -> FileSink.Format {
        guard let format = FileSink.Format(rawValue: name ?? "csv") else {
            let names = allCases.map(\.rawValue)
            throw DBSynthError(.refused, "--format \(name ?? ""): expected \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "")")
        }
        return format
    }
}

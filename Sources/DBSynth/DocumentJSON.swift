import Foundation

/// How dbsynth writes its JSON documents (inspect, report, profile,
/// compare): pretty, keys sorted, slashes as they are, so output diffs well
/// and reads the same run to run.
package enum DocumentJSON {
    package static func data<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    package static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }
}

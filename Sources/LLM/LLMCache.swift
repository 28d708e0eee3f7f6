import Engine
import Foundation

/// Pools kept between runs (`--llm-cache DIR`, default `.dbsynth/llm-cache`),
/// one JSON file per question, named by the hash of everything that shapes
/// the answer: the endpoint and model, the prompt text (which holds the
/// column's schema and the user's `prompt`), the pool size, uniqueness,
/// batch size and seed. The same fill again reads the file and asks
/// nothing, so it gives the same rows; a changed prompt, column or seed
/// asks again. The key is hashed, never stored, and the file holds no
/// request headers. Files are written whole or not at all (a temporary
/// name, then a rename).
package struct LLMCache: Sendable {
    package let directory: URL

    package init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
    }

    package struct Entry: Codable, Sendable {
        var format = "dbsynth-llm-cache"
        var version = 1
        package var model: String
        /// `table.column`, or `init` for an analysis answer (for people reading the directory).
        package var subject: String
        package var values: [String]
        /// What creating it cost.
        package var usage: LLMUsage
    }

    /// The file name for a question: 128 bits of two independent 64-bit
    /// FNV-1a/SplitMix hashes of its parts. Not cryptographic, and it need
    /// not be: it only has to tell one user's questions apart.
    package static func key(_ parts: [String]) -> String {
        let text = (["dbsynth-llm-v1"] + parts).joined(separator: "\u{1F}")
        let a = StableHash.mix(StableHash.of(text))
        let b = StableHash.mix(StableHash.of("\u{2}" + text) ^ 0x5851_f42d_4c95_7f2d)
        return hex(a) + hex(b)
    }

    /// The parts that shape a column's pool.
    package static func key(for request: ColumnRequest, endpoint: LLMEndpoint) -> String {
        key([
            endpoint.redactedURL, endpoint.model, PromptBuilder.system,
            PromptBuilder.user(request, count: request.count, rows: request.rows.map { ArraySlice($0) }),
            String(request.count), String(request.distinct), String(request.batch), String(request.seed),
        ])
    }

    static func hex(_ v: UInt64) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    func url(_ key: String) -> URL { directory.appendingPathComponent(key + ".json") }

    /// The stored entry, or nil when there is none or it is unreadable (then it is asked again).
    package func load(_ key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: url(key).path),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.format == "dbsynth-llm-cache", entry.version == 1, !entry.values.isEmpty else { return nil }
        return entry
    }

    package func store(_ entry: Entry, key: String) throws(LLMError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let temporary = directory.appendingPathComponent(".\(key).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try encoder.encode(entry).write(to: temporary)
            if FileManager.default.fileExists(atPath: url(key).path) { try FileManager.default.removeItem(at: url(key)) }
            try FileManager.default.moveItem(at: temporary, to: url(key))
        } catch {
            throw LLMError(.cache, "--llm-cache \(directory.path): cannot write the cache (\(error.localizedDescription))")
        }
    }
}

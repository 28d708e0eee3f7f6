import Foundation
import Introspect
import SchemaModel

/// Where the package, the built binary and the shared corpus are, and the
/// throwaway PostgreSQL the test script started.
public enum TestEnvironment {
    /// The package root (found from this file's path).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `../shared/corpus` beside the package, when present.
    public static var corpus: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The admin URL of the throwaway server (`DBSYNTH_TEST_PG`).
    public static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["DBSYNTH_TEST_PG"]
        return value?.isEmpty == false ? value : nil
    }

    /// PostgreSQL tests run when a server is there, and always in CI, where a
    /// missing server must fail them rather than skip them.
    public static var postgresTestsEnabled: Bool { postgresURL != nil || isCI }

    /// The built `dbsynth` binary next to the test bundle.
    public static var binary: URL {
        if let override = ProcessInfo.processInfo.environment["DBSYNTH_BIN"] { return URL(fileURLWithPath: override) }
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dbsynth"),
            Bundle.main.bundleURL.appendingPathComponent("dbsynth"),
            packageRoot.appendingPathComponent(".build/debug/dbsynth"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// A new empty directory under the system temp dir.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dbsynth-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

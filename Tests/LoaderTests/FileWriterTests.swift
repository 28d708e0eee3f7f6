import Foundation
import Testing
@testable import Loader

/// The writer of `fill --out` reports the system's reason with the path.
@Suite struct FileWriterTests {
    @Test func aFullDiskIsReportedWithThePathAndTheReason() throws {
        // /dev/full accepts the open and fails every write with ENOSPC.
        let writer = try FileWriter(path: "/dev/full")
        #expect {
            try writer.write(Array(repeating: UInt8(ascii: "x"), count: 1 << 16))
        } throws: { error in
            guard let error = error as? FileOutputError else { return false }
            return error.action == .writing && error.path == "/dev/full"
                && error.description == "writing /dev/full failed: No space left on device; no output file was changed"
        }
    }

    @Test func aMissingDirectoryIsReportedWhenCreatingTheFile() throws {
        #expect {
            _ = try FileWriter(path: "/nonexistent-dbsynth-dir/t.csv")
        } throws: { error in
            (error as? FileOutputError)?.description == "creating /nonexistent-dbsynth-dir/t.csv failed: No such file or directory; no output file was changed"
        }
    }

    @Test func writesEveryByte() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dbsynth-writer-\(getpid()).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try FileWriter(path: path)
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0) }
        try writer.write(bytes)
        try writer.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
    }
}

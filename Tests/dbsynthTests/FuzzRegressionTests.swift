import Foundation
import Testing
import TestSupport

/// Every input the fuzzers kept (Tests/FuzzCorpus/TARGET, see
/// scripts/fuzz.sh) goes through its parser again: no crash, no hang.
@Suite struct FuzzRegressionTests {
    static let corpus = TestEnvironment.packageRoot.appendingPathComponent("Tests/FuzzCorpus")

    @Test(arguments: ["check", "config", "trigger"])
    func savedInputsStillParse(target: String) throws {
        let dir = Self.corpus.appendingPathComponent(target)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(files.count >= 2, "the \(target) corpus holds its seeds")
        let tool = TestEnvironment.binary.deletingLastPathComponent().appendingPathComponent("DBSynthFuzz")
        let r = try CommandRunner.run(tool, [target, dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(files.count) \(target) inputs replayed"), "\(r.stdout)")
    }

    @Test func unknownTargetIsAUsageError() throws {
        let tool = TestEnvironment.binary.deletingLastPathComponent().appendingPathComponent("DBSynthFuzz")
        let r = try CommandRunner.run(tool, ["nothing"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("usage: DBSynthFuzz check|config|trigger"))
    }
}

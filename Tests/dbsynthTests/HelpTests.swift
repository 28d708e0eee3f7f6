import Testing
import TestSupport

/// `--help`, `help` and `--version` print and exit 0, naming every command.
@Suite struct HelpTests {
    @Test(arguments: [["--help"], ["help"], ["help", "fill"], ["fill", "--help"], ["profile", "--help"], ["compare", "--help"]])
    func helpIsPrintedNotReportedAsAnError(arguments: [String]) throws {
        let r = try CommandRunner.dbsynth(arguments)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        #expect(r.stdout.contains("USAGE:"), "\(arguments): \(r.stdout)")
        #expect(!r.stderr.contains("error:"), "\(r.stderr)")
    }

    @Test func theRootHelpListsEveryCommandAndFillItsShape() throws {
        let root = try CommandRunner.dbsynth(["--help"]).stdout
        for command in ["fill", "inspect", "profile", "compare", "reset", "init", "generators", "datasets", "create"] {
            #expect(root.contains("  \(command) "), "\(command) in \(root)")
        }
        #expect(try CommandRunner.dbsynth(["fill", "--help"]).stdout.contains("--shape <SHAPE>"))
        #expect(try CommandRunner.dbsynth(["--version"]).stdout.contains("0.1.0"))
    }
}

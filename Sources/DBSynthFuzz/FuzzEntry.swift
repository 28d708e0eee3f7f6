// Two builds of one file:
// - `scripts/fuzz.sh TARGET SECONDS` builds it with `-sanitize=fuzzer
//   -DFUZZING`: `main` hands over to libFuzzer's driver, which calls
//   `fuzzOneInput` with inputs it mutates; the target comes from
//   DBSYNTH_FUZZ_TARGET.
// - A normal build is the replay tool: `DBSynthFuzz TARGET FILE|DIR...` runs
//   every saved input once (the regression corpus in Tests/FuzzCorpus).
import Foundation

#if FUZZING
let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["DBSYNTH_FUZZ_TARGET"] ?? "check"
    guard let target = FuzzTarget(rawValue: name) else { fatalError("DBSYNTH_FUZZ_TARGET: no target \(name)") }
    return target
}()

/// libFuzzer's driver, for programs whose `main` is their own (SwiftPM
/// always links the executable's entry point as `main`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data else { return 0 }
    fuzzTarget.run(String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self))
    return 0
}
#endif

/// The entry point: the replay tool, or in the fuzzing build libFuzzer's driver.
@main
struct Replay {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #endif
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: DBSynthFuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE|DIR...\n".utf8))
            exit(64)
        }
        var files: [String] = []
        for path in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("error: no such file: \(path)\n".utf8))
                exit(66)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            target.run(String(decoding: data, as: UTF8.self))
        }
        print("\(files.count) \(target.rawValue) inputs replayed")
    }
}

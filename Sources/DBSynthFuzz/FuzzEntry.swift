// Two builds of one file:
// - `scripts/fuzz.sh TARGET SECONDS` builds it with `-sanitize=fuzzer
//   -DFUZZING -parse-as-library`: libFuzzer calls `LLVMFuzzerTestOneInput`
//   with inputs it mutates; the target comes from DBSYNTH_FUZZ_TARGET.
// - A normal build is the replay tool: `DBSynthFuzz TARGET FILE|DIR...` runs
//   every saved input once (the regression corpus in Tests/FuzzCorpus).
import Foundation

#if FUZZING
let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["DBSYNTH_FUZZ_TARGET"] ?? "check"
    guard let target = FuzzTarget(rawValue: name) else { fatalError("DBSYNTH_FUZZ_TARGET: no target \(name)") }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    fuzzTarget.run(String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self))
    return 0
}
#endif

/// The replay tool's entry point. SwiftPM names it `DBSynthFuzz_main`, so in
/// the fuzzing build libFuzzer's own `main` runs instead.
@main
struct Replay {
    static func main() {
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

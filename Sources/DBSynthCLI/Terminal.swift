#if canImport(Glibc)
import Glibc
import DBSynth
#elseif canImport(Darwin)
import Darwin
#endif

/// stdout/stderr writing. Messages go to stderr; only requested output
/// (summaries, `inspect`) goes to stdout.
enum Terminal {
    static func error(_ message: String) {
        writeErr("error: \(message)\n")
    }

    static func warning(_ message: String) {
        writeErr("warning: \(message)\n")
    }

    /// Writes straight to file descriptor 2 (unbuffered, no shared `FILE*`).
    static func writeErr(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

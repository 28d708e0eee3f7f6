#if canImport(Glibc)
import Glibc
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

    /// Right-aligns `text` in `width` columns.
    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let n = text.count
        guard n < width else { return text }
        let spaces = String(repeating: " ", count: width - n)
        return left ? text + spaces : spaces + text
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }
}

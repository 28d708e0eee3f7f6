#if canImport(Glibc)
import Glibc
private let systemClose = Glibc.close
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemClose = Darwin.close
private let systemWrite = Darwin.write
#endif

/// One output file opened for writing. The class owns the file descriptor
/// and is the only place it is closed; writes go straight to `write(2)`, so
/// a full disk or a lost mount is reported with the system's own reason
/// (`No space left on device`) and the path.
final class FileWriter {
    let path: String
    private var descriptor: Int32

    /// `appending`: after what the file holds (a partition the rows come back to), else emptied first.
    init(path: String, appending: Bool = false) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | (appending ? O_APPEND : O_TRUNC) | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileOutputError(.creating, path, reason: FileOutputError.systemReason()) }
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }

    func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileOutputError(.writing, path, reason: FileOutputError.systemReason())
                }
                offset += written
            }
        }
    }

    /// Closes the file; `close(2)` is where some file systems report a
    /// write that did not make it.
    func close() throws {
        guard descriptor >= 0 else { return }
        let result = systemClose(descriptor)
        descriptor = -1
        if result != 0 { throw FileOutputError(.writing, path, reason: FileOutputError.systemReason()) }
    }
}

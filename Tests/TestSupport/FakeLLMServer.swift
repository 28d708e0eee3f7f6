import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The local OpenAI-compatible server of `Tests/LLMServer/fake_openai.py`,
/// started on a free port for one test and stopped by `stop()`. It speaks
/// the real wire format; `script` queues scripted failures and `requests`
/// returns what it received (headers included), so tests assert calls,
/// batching, prompts and the Authorization header.
public final class FakeLLMServer: @unchecked Sendable {
    public let port: Int
    let process: Process

    /// A key the tests pass and then look for in every output and file.
    public static let key = "sk-dbsynth-test-9f2c61d07e"

    public init() throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestEnvironment.packageRoot.appendingPathComponent("Tests/LLMServer/fake_openai.py").path, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // First line: `port N`.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let text = String(data: line, encoding: .utf8), text.hasPrefix("port "),
              let port = Int(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw TestSetupError("the fake LLM server did not start (python3 Tests/LLMServer/fake_openai.py)")
        }
        self.port = port
    }

    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// DBSYNTH_LLM_* for this server, with the test key.
    public func environment(model: String = "gpt-4o-mini") -> [String: String] {
        ["DBSYNTH_LLM_URL": baseURL, "DBSYNTH_LLM_MODEL": model, "DBSYNTH_LLM_KEY": Self.key, "OPENAI_API_KEY": ""]
    }

    /// Replaces the queue of scripted answers (see the server's doc comment).
    public func script(_ script: [String: Any]) throws {
        _ = try send("/_script", body: try JSONSerialization.data(withJSONObject: script))
    }

    /// Every chat request received, in order: `headers`, `body`, `in_flight`.
    public func requests() throws -> [[String: Any]] {
        (try JSONSerialization.jsonObject(with: try send("/_log", body: nil)) as? [[String: Any]]) ?? []
    }

    /// The text of every message of request `r`.
    public static func prompt(_ r: [String: Any]) -> String {
        let messages = (r["body"] as? [String: Any])?["messages"] as? [[String: Any]] ?? []
        return messages.compactMap { $0["content"] as? String }.joined(separator: "\n")
    }

    /// SIGKILL: a SIGTERM can be ignored when the test process passes an
    /// ignored disposition down, and this server has nothing to clean up.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func send(_ path: String, body: Data?) throws -> Data {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = body == nil ? "GET" : "POST"
        request.httpBody = body
        let result = LockedResult()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, error in
            result.set(data, error)
            done.signal()
        }.resume()
        done.wait()
        if let error = result.error { throw error }
        return result.data ?? Data()
    }
}

private final class LockedResult: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var data: Data?
    private(set) var error: (any Error)?

    func set(_ data: Data?, _ error: (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        self.data = data
        self.error = error
    }
}

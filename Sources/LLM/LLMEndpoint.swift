import Foundation

/// Where the model is: an OpenAI-compatible base URL (OpenAI, Ollama's
/// `/v1`, llama.cpp's server, vLLM), the model name and the key.
///
/// Read from the environment only (`DBSYNTH_LLM_URL`, `DBSYNTH_LLM_MODEL`,
/// `DBSYNTH_LLM_KEY` or `OPENAI_API_KEY`), never from a flag or the config,
/// so the key never lands in shell history or a committed file. The
/// description names the URL and model, never the key.
package struct LLMEndpoint: Sendable, CustomStringConvertible {
    package static let defaultURL = "https://api.openai.com/v1"
    package static let defaultModel = "gpt-4o-mini"

    /// The base URL; requests go to `<base>/chat/completions`.
    package var baseURL: URL
    package var model: String
    package var key: APIKey?

    package init(baseURL: URL, model: String, key: APIKey?) {
        self.baseURL = baseURL
        self.model = model
        self.key = key
    }

    /// The endpoint the environment names. A malformed URL is an error
    /// naming the variable.
    package static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(LLMError) -> LLMEndpoint {
        let text = environment["DBSYNTH_LLM_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultURL
        guard let url = URL(string: text.hasSuffix("/") ? String(text.dropLast()) : text),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw LLMError(.configuration, "DBSYNTH_LLM_URL '\(text)' is not an http(s) URL such as http://localhost:11434/v1")
        }
        let model = environment["DBSYNTH_LLM_MODEL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultModel
        let key = (environment["DBSYNTH_LLM_KEY"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["OPENAI_API_KEY"].flatMap { $0.isEmpty ? nil : $0 })
        return LLMEndpoint(baseURL: url, model: model, key: key.map(APIKey.init))
    }

    package var chatURL: URL { baseURL.appendingPathComponent("chat/completions") }

    /// The base URL without a user name or password in it.
    package var redactedURL: String {
        guard var c = URLComponents(url: baseURL, resolvingAgainstBaseURL: false), c.user != nil || c.password != nil else { return baseURL.absoluteString }
        c.user = nil
        c.password = nil
        return c.string ?? baseURL.absoluteString
    }

    /// `model at URL`: what messages, reports and the cache key may name.
    package var description: String { "\(model) at \(redactedURL)" }
}

/// A bearer token that does not print: `description`, `debugDescription`
/// and reflection all give `<redacted>`, so no message, log line, report or
/// cache file can carry it by accident. Only `authorizationHeader` reads it.
package struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let secret: String

    package init(_ secret: String) { self.secret = secret }

    package var authorizationHeader: String { "Bearer " + secret }
    package var description: String { "<redacted>" }
    package var debugDescription: String { "<redacted>" }
    package var customMirror: Mirror { Mirror(self, children: []) }
}

import Foundation

/// One question to the model: instructions, the question, and the JSON
/// shape the answer must have.
package struct ChatPrompt: Sendable {
    package var system: String
    package var user: String
    /// Names the schema in `response_format` (`column_values`, `generator_choices`).
    package var schemaName: String
    /// An object: strict structured output cannot have an array at the top.
    package var schema: JSONSchema
    /// Output tokens the answer should take, for the budget's estimate.
    package var expectedOutputTokens: Int
    /// Sent as the request's `seed` (OpenAI and Ollama honour it), so the
    /// same question at the same seed tends to the same answer.
    package var seed: UInt64?

    package init(system: String, user: String, schemaName: String, schema: JSONSchema, expectedOutputTokens: Int, seed: UInt64? = nil) {
        self.system = system
        self.user = user
        self.schemaName = schemaName
        self.schema = schema
        self.expectedOutputTokens = expectedOutputTokens
        self.seed = seed
    }
}

/// The model's text and what it cost.
package struct ChatAnswer: Sendable {
    package var content: String
    package var inputTokens: Int
    package var outputTokens: Int

    /// The answer's JSON as `T`. Plain-JSON servers (structured output
    /// refused) often wrap it in a Markdown fence or a sentence, so the
    /// outermost `{…}` is tried when the whole text does not decode.
    package func decode<T: Decodable>(_ type: T.Type) throws(LLMError) -> T {
        let decoder = JSONDecoder()
        var candidates = [content]
        if let open = content.firstIndex(of: "{"), let close = content.lastIndex(of: "}"), open < close {
            candidates.append(String(content[open...close]))
        }
        for candidate in candidates {
            if let value = try? decoder.decode(T.self, from: Data(candidate.utf8)) { return value }
        }
        let preview = content.count > 80 ? String(content.prefix(80)) + "…" : content
        throw LLMError(.invalidAnswer, "the model's answer is not the JSON asked for: \(preview.debugDescription)")
    }
}

/// Asks an OpenAI-compatible `/chat/completions` endpoint, with the retry
/// policy, the token budget and the structured-output fallback.
///
/// Requests ask for strict `json_schema` output. A server that answers 400
/// to that (older llama.cpp, some vLLM builds, proxies) is asked again
/// without `response_format`, and from then on every call of this client
/// goes without it; the answer is then read as plain JSON.
package final class ChatClient: Sendable {
    package let endpoint: LLMEndpoint
    let transport: HTTPTransport
    let policy: RetryPolicy
    let budget: TokenBudget?
    private let structuredOutput = Locked(true)

    package init(endpoint: LLMEndpoint, timeout: Double, policy: RetryPolicy = RetryPolicy(), budget: TokenBudget?) {
        self.endpoint = endpoint
        transport = HTTPTransport(timeout: timeout)
        self.policy = policy
        self.budget = budget
    }

    /// Whether requests still carry `response_format: json_schema`.
    package var usesStructuredOutput: Bool { structuredOutput.withLock { $0 } }

    package func complete(_ prompt: ChatPrompt) async throws(LLMError) -> ChatAnswer {
        let estimate = TokenBudget.estimate(prompt.system) + TokenBudget.estimate(prompt.user) + prompt.expectedOutputTokens
        try budget?.reserve(estimate)
        var used = 0
        defer { budget?.settle(reserved: estimate, used: used) }
        let answer = try await send(prompt)
        used = answer.inputTokens + answer.outputTokens
        return answer
    }

    func send(_ prompt: ChatPrompt) async throws(LLMError) -> ChatAnswer {
        var headers: [String: String] = [:]
        if let key = endpoint.key { headers["Authorization"] = key.authorizationHeader }
        var rng = SystemRandomNumberGenerator()
        var attempt = 1
        while true {
            let structured = usesStructuredOutput
            let body = try Self.body(prompt, model: endpoint.model, structured: structured)
            let response: HTTPResponse
            do {
                response = try await transport.post(endpoint.chatURL, body: body, headers: headers)
            } catch {
                switch error {
                case .timeout:
                    guard attempt < policy.attempts else {
                        throw LLMError(.unreachable, "\(endpoint) gave no answer within \(Self.seconds(transport.timeout)) in \(attempt) attempts (--llm-timeout)")
                    }
                    await Self.sleep(policy.delay(afterAttempt: attempt, retryAfter: nil, using: &rng))
                    attempt += 1
                    continue
                case .connection(let message):
                    throw LLMError(.unreachable, "cannot reach \(endpoint): \(message) (set DBSYNTH_LLM_URL)")
                }
            }
            if response.status == 200 { return try Self.answer(response, endpoint: endpoint) }
            if response.status == 400, structured {
                structuredOutput.withLock { $0 = false }
                continue
            }
            if RetryPolicy.isTransient(status: response.status), attempt < policy.attempts {
                let wait = policy.delay(afterAttempt: attempt, retryAfter: RetryPolicy.retryAfter(response.headers["retry-after"]), using: &rng)
                await Self.sleep(wait)
                attempt += 1
                continue
            }
            let detail = Self.errorMessage(response.body)
            let hint: String
            switch response.status {
            case 401, 403: hint = " (check DBSYNTH_LLM_KEY or OPENAI_API_KEY)"
            case 404: hint = " (check DBSYNTH_LLM_URL and DBSYNTH_LLM_MODEL)"
            default: hint = RetryPolicy.isTransient(status: response.status) ? " after \(attempt) attempts" : ""
            }
            throw LLMError(.http(status: response.status), "\(endpoint) answered HTTP \(response.status)\(detail.map { ": \($0)" } ?? "")\(hint)")
        }
    }

    static func body(_ prompt: ChatPrompt, model: String, structured: Bool) throws(LLMError) -> Data {
        let request = ChatWire.Request(
            model: model,
            messages: [.init(role: "system", content: prompt.system), .init(role: "user", content: prompt.user)],
            temperature: 0.9, seed: prompt.seed,
            responseFormat: structured ? .init(jsonSchema: .init(name: prompt.schemaName, schema: prompt.schema)) : nil)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(request)
        } catch {
            throw LLMError(.configuration, "cannot encode the request: \(error)")
        }
    }

    static func answer(_ response: HTTPResponse, endpoint: LLMEndpoint) throws(LLMError) -> ChatAnswer {
        guard let decoded = try? JSONDecoder().decode(ChatWire.Response.self, from: response.body) else {
            throw LLMError(.invalidAnswer, "\(endpoint) answered HTTP 200 with a body that is not a chat completion")
        }
        guard let content = decoded.choices.first?.message?.content else {
            throw LLMError(.invalidAnswer, "\(endpoint) answered without a message")
        }
        return ChatAnswer(content: content, inputTokens: decoded.usage?.promptTokens ?? 0, outputTokens: decoded.usage?.completionTokens ?? 0)
    }

    /// The server's own explanation, shortened: never the request.
    static func errorMessage(_ body: Data) -> String? {
        if let parsed = try? JSONDecoder().decode(ChatWire.ErrorBody.self, from: body), let message = parsed.error?.message {
            return String(message.prefix(200))
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? "\(Int(s))s" : "\(s)s" }

    static func sleep(_ seconds: Double) async {
        try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
}

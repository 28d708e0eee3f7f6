import Foundation

/// The JSON of `POST /chat/completions` as OpenAI defines it and the
/// compatible servers accept it: only the fields dbsynth sends or reads.
package enum ChatWire {
    package struct Message: Codable, Sendable, Equatable {
        package var role: String
        package var content: String

        package init(role: String, content: String) {
            self.role = role
            self.content = content
        }
    }

    package struct Request: Encodable, Sendable {
        var model: String
        var messages: [Message]
        var temperature: Double
        var seed: UInt64?
        /// nil after a server rejected structured output: the answer is then parsed as plain JSON.
        var responseFormat: ResponseFormat?

        enum CodingKeys: String, CodingKey {
            case model, messages, temperature, seed
            case responseFormat = "response_format"
        }
    }

    /// `{type: json_schema, json_schema: {name, strict: true, schema}}`.
    struct ResponseFormat: Encodable, Sendable {
        var type = "json_schema"
        var jsonSchema: NamedSchema

        struct NamedSchema: Encodable, Sendable {
            var name: String
            var strict = true
            var schema: JSONSchema
        }

        enum CodingKeys: String, CodingKey {
            case type
            case jsonSchema = "json_schema"
        }
    }

    package struct Response: Decodable, Sendable {
        package struct Choice: Decodable, Sendable {
            package var message: Message?
        }

        package struct Usage: Decodable, Sendable {
            package var promptTokens: Int?
            package var completionTokens: Int?

            enum CodingKeys: String, CodingKey {
                case promptTokens = "prompt_tokens"
                case completionTokens = "completion_tokens"
            }
        }

        package var choices: [Choice]
        package var usage: Usage?
    }

    /// `{"error": {"message": ...}}`, what OpenAI and most servers send with a 4xx/5xx.
    struct ErrorBody: Decodable {
        struct Detail: Decodable { var message: String? }
        var error: Detail?
    }
}

/// The small subset of JSON Schema that OpenAI's strict mode accepts and
/// dbsynth needs: objects with every property required and no others,
/// arrays, strings (optionally an enum).
package indirect enum JSONSchema: Encodable, Sendable {
    case string(enumeration: [String]? = nil)
    case array(of: JSONSchema)
    case object([(name: String, schema: JSONSchema)])

    enum Keys: String, CodingKey {
        case type, items, properties, required, additionalProperties
        case enumeration = "enum"
    }

    struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .string(let values):
            try c.encode("string", forKey: .type)
            if let values { try c.encode(values, forKey: .enumeration) }
        case .array(let items):
            try c.encode("array", forKey: .type)
            try c.encode(items, forKey: .items)
        case .object(let properties):
            try c.encode("object", forKey: .type)
            var p = c.nestedContainer(keyedBy: Name.self, forKey: .properties)
            for property in properties { try p.encode(property.schema, forKey: Name(stringValue: property.name)) }
            try c.encode(properties.map(\.name), forKey: .required)
            try c.encode(false, forKey: .additionalProperties)
        }
    }
}

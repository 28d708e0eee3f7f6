/// A problem in a config file, located by file, line and key so the user can
/// go straight to it: `dbsynth.yml:12: tables.orders.columns.status: …`.
package struct ConfigError: Error, Sendable, CustomStringConvertible {
    package var file: String
    /// 1-based line of the offending node (0 when the file could not be read at all).
    package var line: Int
    /// The dotted path of the key (`tables.orders.columns.status.values`).
    package var key: String
    package var message: String

    package init(file: String, line: Int, key: String, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `FILE:LINE: key: message` — the one line the CLI prints after `error: `.
    package var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if !key.isEmpty { text += ": \(key)" }
        return text + ": " + message
    }
}

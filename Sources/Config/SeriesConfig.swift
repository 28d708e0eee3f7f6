import Engine

/// A table's `series:` block: the date column the series runs along and
/// the days of this run; the table's rows are the days' rows.
package struct SeriesConfig: Sendable {
    package var column: String
    /// Days since the epoch; keys and draws count from here.
    package var origin: Int64
    package var from: Int64
    package var days: Int
    package var perDay: Double
    package var shape: SeasonalDateGenerator.Shape
    package var node: ConfigNode

    package var layout: SeriesLayout { SeriesLayout(origin: origin, first: from, days: days, perDay: perDay, shape: shape) }

    static func parse(_ node: ConfigNode) throws -> SeriesConfig {
        try node.checkKeys(["column", "origin", "from", "days", "per_day", "growth"], what: "series key")
        let origin = try GeneratorParser.day(try node.require("origin"), default: 0)
        let from = try GeneratorParser.day(try node.require("from"), default: 0)
        guard from >= origin else { throw try node.require("from").error("from must not be before origin") }
        let days = try node.require("days").integer()
        guard (0...36_600).contains(days) else { throw try node.require("days").error("days must be 0 to 36,600") }
        let perDay = try node.require("per_day").number()
        guard perDay >= 0, perDay <= Double(SeriesLayout.stride) / 10 else { throw try node.require("per_day").error("per_day must be 0 to 100,000") }
        var shape = SeasonalDateGenerator.Shape.retail
        shape.growth = try node["growth"]?.number() ?? 0
        return SeriesConfig(column: try node.require("column").string(), origin: origin, from: from, days: Int(days), perDay: perDay, shape: shape, node: node)
    }
}

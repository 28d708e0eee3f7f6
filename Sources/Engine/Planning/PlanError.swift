/// Why a plan cannot be made; reported before anything is written.
package struct PlanError: Error, Sendable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

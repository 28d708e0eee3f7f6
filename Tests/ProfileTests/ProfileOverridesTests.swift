import Foundation
import Testing
@testable import Engine
@testable import Profile

/// How a profile is turned into generators before any row is drawn: what
/// a child lends its parent, and the parent block of a child's copula.
@Suite struct ProfileOverridesTests {
    /// A client table whose 40 cities were each seen once (none kept), and
    /// its bills, which copy the client's city and country on 6 rows each
    /// (all kept, with the country fixed by the city).
    static let clientsAndBills = """
        {"format": "dbsynth-profile", "version": 1, "source": "test", "dialect": "sqlite", "min_count": 5,
         "sample_limit": 100000, "suppressed_values": 80, "tables": [
          {"name": "client", "rows": 40, "sampled": 40, "foreign_keys": [], "columns": [
            {"name": "city", "type": "text", "kind": "text", "null_fraction": 0, "distinct": 40, "unique": true, "frequent": []},
            {"name": "country", "type": "text", "kind": "text", "null_fraction": 0, "distinct": 3, "unique": false,
             "frequent": [{"value": "Norway", "share": 0.5}, {"value": "Peru", "share": 0.5}]},
            {"name": "rank", "type": "text", "kind": "text", "null_fraction": 0, "distinct": 9, "unique": false,
             "frequent": [{"value": "A", "share": 0.5}, {"value": "B", "share": 0.5}]}]},
          {"name": "bill", "rows": 240, "sampled": 240,
           "foreign_keys": [{"columns": ["client_id"], "references": "client", "null_fraction": 0, "childless_share": 0,
                             "mean_children": 6, "children_quantiles": [6, 6]}],
           "columns": [
            {"name": "city", "type": "text", "kind": "text", "null_fraction": 0, "distinct": 2, "unique": false,
             "frequent": [{"value": "Oslo", "share": 0.6}, {"value": "Lima", "share": 0.4}]},
            {"name": "country", "type": "text", "kind": "text", "null_fraction": 0, "distinct": 2, "unique": false,
             "frequent": [{"value": "Norway", "share": 0.6}, {"value": "Peru", "share": 0.4}]},
            {"name": "rank", "type": "text", "kind": "text", "null_fraction": 0, "distinct": 9, "unique": false,
             "frequent": [{"value": "A", "share": 0.9}]}],
           "rules": [
            {"kind": "copied_from_parent", "column": "city", "of": ["city"], "foreign_key": ["client_id"], "holds": 1},
            {"kind": "copied_from_parent", "column": "country", "of": ["country"], "foreign_key": ["client_id"], "holds": 1},
            {"kind": "copied_from_parent", "column": "rank", "of": ["rank"], "foreign_key": ["client_id"], "holds": 0.96},
            {"kind": "determined_by", "column": "country", "of": ["city"], "holds": 1,
             "map": [["Oslo", "Norway"], ["Lima", "Peru"]]}],
           "copula": {"dimensions": [{"column": "rank", "parent": ["client_id"]}, {"column": "country", "parent": ["client_id"]},
                                     {"column": "city"}],
                      "correlation": [[1, 0.999, 0.5], [0.999, 1, 0.1], [0.5, 0.1, 1]]}}]}
        """

    static func profile() throws -> DataProfile {
        try JSONDecoder().decode(DataProfile.self, from: Data(clientsAndBills.utf8))
    }

    @Test func aParentDrawsTheColumnsItsChildrenCopyFromWhatTheChildrenKnew() throws {
        let lifted = try Self.profile().liftingCopies()
        let client = try #require(lifted.tables.first { $0.name == "client" })
        let city = try #require(client.columns.first { $0.name == "city" })
        #expect(city.frequent.map(\.value) == ["Oslo", "Lima"], "the bills' cities, which the clients' sample was too small to keep")
        #expect(city.type == "text" && city.unique, "the parent's own type and uniqueness stay")
        // Known as well in the parent (both values, all rows): its own profile stays.
        #expect(client.columns.first { $0.name == "country" }?.frequent.map(\.value) == ["Norway", "Peru"])
        #expect(client.columns.first { $0.name == "rank" }?.frequent.map(\.value) == ["A", "B"], "the child knows its rank less well")
        // The bills' map between two copied columns now fixes the client's country by its city.
        let rule = try #require(client.rules?.first)
        #expect(rule.kind == .determinedBy && rule.column == "country" && rule.of == ["city"] && rule.map?.count == 2)
        // Nothing changes where nothing is copied.
        #expect(lifted.tables.first { $0.name == "bill" } == (try Self.profile()).tables.first { $0.name == "bill" })
    }

    @Test func aChildsCopulaMeetsItsParentsColumnsAsTheFillDrawsThem() throws {
        let profile = try Self.profile()
        let bill = try #require(profile.tables.first { $0.name == "bill" })
        let copula = try #require(bill.copula)
        // The client has no copula: its rank and country are drawn independently,
        // however collinear they looked at the bills' rows.
        let block = ProfileOverrides.parentBlockAsFilled(copula, of: bill, in: profile)
        #expect(block[0][1] == 0 && block[1][0] == 0)
        #expect(block[0][2] == 0.5 && block[1][2] == 0.1 && block[2][2] == 1, "the rest as profiled")
        // Conditioned on independent parent scores, a child coordinate
        // stays standard normal with the block as drawn; with the collinear
        // block it is pushed to the tails.
        func tailShare(_ matrix: [[Double]]) throws -> Double {
            let g = try #require(GaussianCopula(correlation: matrix, stream: 7))
            var tails = 0
            for row in Int64(0)..<4_000 {
                var r = RowRandom(stream: 99, row: row)
                let z = g.normal(row: row, dimension: 2, given: [r.normal(), r.normal()])
                if abs(z) > 2.576 { tails += 1 }
            }
            return Double(tails) / 4_000
        }
        #expect(try tailShare(block) < 0.02, "about 1 % beyond the 0.5 % quantiles")
        #expect(try tailShare(copula.correlation) > 0.05)
    }
}

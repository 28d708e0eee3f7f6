import SchemaModel

/// One leaf partition's requirements on the partition key columns.
package struct PartitionLeaf: Sendable {
    package enum Requirement: Sendable {
        /// `from` inclusive, `to` exclusive (RANGE).
        case range(from: Partition.Bound, to: Partition.Bound)
        /// One of these values (LIST); nil is NULL.
        case list([String?])
    }

    package var name: QualifiedName
    package var requirements: [String: Requirement]

    /// The leaves of a partitioning tree, each with the requirements of every
    /// level above it. Partitions with sub-partitions but no leaves receive
    /// no rows and are left out.
    package static func leaves(of partitioning: Partitioning) -> [PartitionLeaf] {
        func walk(_ p: Partitioning, inherited: [String: Requirement]) -> [PartitionLeaf] {
            var out: [PartitionLeaf] = []
            for partition in p.partitions {
                var requirements = inherited
                if !partition.isDefault, let column = p.keyColumns.first {
                    switch p.strategy {
                    case .range:
                        if let from = partition.from.first, let to = partition.to.first {
                            requirements[column] = .range(from: from, to: to)
                        }
                    case .list: requirements[column] = .list(partition.values)
                    case .hash: break
                    }
                }
                if let sub = partition.subpartitioning {
                    out += walk(sub, inherited: requirements)
                } else {
                    out.append(PartitionLeaf(name: partition.name, requirements: requirements))
                }
            }
            return out
        }
        return walk(partitioning, inherited: [:])
    }
}

/// A partition key column: each row first picks a leaf partition (from a
/// stream shared by all key columns of the table, so they agree), then a
/// value inside that leaf's bounds. Every partition gets rows.
package struct PartitionKeyGenerator: ValueGenerator {
    package let leaves: [PartitionLeaf]
    package let column: String
    package let type: DataType
    package let leafStream: UInt64
    package let stream: UInt64
    /// For leaves that do not constrain this column (hash, default).
    package let fallback: any ValueGenerator

    package init(leaves: [PartitionLeaf], column: String, type: DataType, leafStream: UInt64, stream: UInt64, fallback: any ValueGenerator) {
        self.leaves = leaves
        self.column = column
        self.type = type
        self.leafStream = leafStream
        self.stream = stream
        self.fallback = fallback
    }

    package func generate(row: Int64, into value: inout Value) {
        var pick = RowRandom(stream: leafStream, row: row)
        let leaf = leaves[Int(pick.below(UInt64(leaves.count)))]
        var r = RowRandom(stream: stream, row: row)
        switch leaf.requirements[column] {
        case .list(let values)?:
            if let v = values[Int(r.below(UInt64(values.count)))] {
                if type.isInteger, let i = Int64(v) { value.setInt(i) } else { value.setText(v) }
            } else {
                value.setNull()
            }
        case .range(let from, let to)?:
            writeInRange(from: from, to: to, random: &r, into: &value)
        case nil:
            fallback.generate(row: row, into: &value)
        }
    }

    func writeInRange(from: Partition.Bound, to: Partition.Bound, random r: inout RowRandom, into value: inout Value) {
        switch type {
        case .date:
            let lo = bound(from, parse: CivilDate.parseDays) ?? (bound(to, parse: CivilDate.parseDays).map { $0 - 365 } ?? DefaultWindow.startDays)
            let hi = (bound(to, parse: CivilDate.parseDays).map { $0 - 1 }) ?? lo + 365
            value.beginText()
            CivilDate.writeDate(days: r.int(lo...max(lo, hi)), into: &value.bytes)
        case .timestamp(let tz):
            let lo = bound(from, parse: CivilDate.parseSeconds) ?? (bound(to, parse: CivilDate.parseSeconds).map { $0 - 365 * 86_400 } ?? DefaultWindow.startDays * 86_400)
            let hi = (bound(to, parse: CivilDate.parseSeconds).map { $0 - 1 }) ?? lo + 365 * 86_400
            value.beginText()
            CivilDate.writeTimestamp(seconds: r.int(lo...max(lo, hi)), into: &value.bytes)
            if tz { value.bytes.append("+00") }
        case .integer:
            let lo = bound(from, parse: { Int64($0) }) ?? (bound(to, parse: { Int64($0) }).map { $0 - 1000 } ?? 0)
            let hi = (bound(to, parse: { Int64($0) }).map { $0 - 1 }) ?? lo + 1000
            value.setInt(r.int(lo...max(lo, hi)))
        case .numeric, .real, .double:
            let lo = bound(from, parse: { Double($0) }) ?? (bound(to, parse: { Double($0) }).map { $0 - 1000 } ?? 0)
            let hi = bound(to, parse: { Double($0) }) ?? lo + 1000
            value.setDouble((lo + r.unit() * (hi - lo) * 0.999).rounded(.down))
            if value.double < lo { value.setDouble(lo) }
        default:
            // Text and other ordered types: the inclusive lower bound itself.
            if case .value(let v) = from { value.setText(v) } else { fallback.generate(row: 0, into: &value) }
        }
    }

    func bound<T>(_ b: Partition.Bound, parse: (String) -> T?) -> T? {
        if case .value(let v) = b { return parse(v) }
        return nil
    }

    package var summary: String { "inside one of \(leaves.count) partitions" }
}

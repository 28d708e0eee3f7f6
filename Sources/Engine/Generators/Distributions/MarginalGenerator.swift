/// A profiled column's distribution as one inverse CDF: its frequent values
/// are atoms, each on its own interval of [0, 1) (where it sat among the
/// sorted values, or one after another for categories), and the gaps
/// between them hold the rest, drawn from the rest's quantiles at the
/// matching place or from the rule-based generator of the column's kind.
/// One uniform per row picks the value, so a copula coordinate can drive it.
package struct MarginalGenerator: ValueGenerator {
    /// A value with its interval `start ..< start + share` of the CDF.
    package struct Atom: Sendable {
        package var literal: Literal
        package var start: Double
        package var share: Double

        package init(literal: Literal, start: Double, share: Double) {
            self.literal = literal
            self.start = start
            self.share = share
        }
    }

    /// What fills the CDF outside the atoms.
    package enum Rest: Sendable {
        /// The rest's quantiles, read at the rest's own uniform.
        case quantiles(QuantileGenerator)
        /// Any generator, drawn independently of the uniform.
        case generator(any ValueGenerator)
    }

    /// Consecutive pieces of [0, 1): an atom, or a stretch of the rest
    /// starting at `restStart` of the rest's own [0, 1).
    struct Piece: Sendable {
        var end: Double
        var atom: Int?
        var restStart: Double
    }

    package let atoms: [Atom]
    package let rest: Rest?
    package let source: UniformSource
    package var drivingUniform: UniformSource? { source }
    let pieces: [Piece]
    let restMass: Double

    /// `atoms` may overlap or leave no rest; they are sorted and trimmed.
    package init(atoms: [Atom], rest: Rest?, source: UniformSource) {
        var sorted = atoms.filter { $0.share > 0 }.sorted { $0.start < $1.start }
        var at = 0.0
        for i in sorted.indices {
            sorted[i].start = max(sorted[i].start, at)
            sorted[i].share = max(0, min(sorted[i].share, 1 - sorted[i].start))
            at = sorted[i].start + sorted[i].share
        }
        sorted = sorted.filter { $0.share > 0 }
        let restMass = rest == nil ? 0 : max(0, 1 - sorted.reduce(0) { $0 + $1.share })
        // Without a rest, the atoms' shares are scaled to fill [0, 1).
        if rest == nil || restMass < 1e-9, !sorted.isEmpty {
            let total = sorted.reduce(0) { $0 + $1.share }
            var start = 0.0
            for i in sorted.indices {
                sorted[i].share /= total
                sorted[i].start = start
                start += sorted[i].share
            }
        }
        var pieces: [Piece] = []
        var position = 0.0, restSoFar = 0.0
        for (i, atom) in sorted.enumerated() {
            if atom.start > position + 1e-12, restMass > 0 {
                pieces.append(Piece(end: atom.start, atom: nil, restStart: restSoFar / restMass))
                restSoFar += atom.start - position
            }
            pieces.append(Piece(end: atom.start + atom.share, atom: i, restStart: 0))
            position = atom.start + atom.share
        }
        if position < 1 - 1e-12, restMass > 0 { pieces.append(Piece(end: 1, atom: nil, restStart: restSoFar / restMass)) }
        if pieces.isEmpty { pieces.append(Piece(end: 1, atom: nil, restStart: 0)) }
        pieces[pieces.count - 1].end = 1
        self.atoms = sorted
        self.rest = rest
        self.source = source
        self.pieces = pieces
        self.restMass = restMass
    }

    package func generate(row: Int64, into value: inout Value) {
        let u = source.unit(row: row)
        var lo = 0, hi = pieces.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if pieces[mid].end > u { hi = mid } else { lo = mid + 1 }
        }
        let piece = pieces[lo]
        if let atom = piece.atom { atoms[atom].literal.write(into: &value); return }
        switch rest {
        case .quantiles(let q):
            let start = lo == 0 ? 0 : pieces[lo - 1].end
            let v = min(max(piece.restStart + (u - start) / max(restMass, 1e-12), 0), 1 - 0x1.0p-53)
            q.write(q.value(at: v), row: row, into: &value)
        case .generator(let g):
            g.generate(row: row, into: &value)
        case nil:
            value.setNull()
        }
    }

    package var summary: String {
        let top = atoms.sorted { $0.share > $1.share }.prefix(4)
            .map { "\($0.literal) \(WeightedChoiceGenerator.percent($0.share))" }.joined(separator: ", ")
        let restText: String
        switch rest {
        case .quantiles(let q): restText = q.summary
        case .generator(let g): restText = g.summary
        case nil: restText = ""
        }
        let parts = [top.isEmpty ? nil : top + (atoms.count > 4 ? ", …" : ""),
                     restMass > 0 && !restText.isEmpty ? "else \(restText)" : nil].compactMap { $0 }
        return "as profiled: " + parts.joined(separator: "; ").replacingOccurrences(of: "as profiled: ", with: "")
            + (source.isCopula ? ", correlated" : "")
    }
}

/// A regular expression compiled to a Thompson NFA, with the search semantics
/// of PostgreSQL's `~`: an unanchored pattern matches anywhere (the program
/// is wrapped in `.*` on both sides; `^` and `$` are assertions at the ends
/// of the whole text). Immutable, so one program is shared by every thread.
///
/// `matches` simulates the NFA (no backtracking: linear in text × states);
/// `RegexLanguage` determinises it to count and enumerate matching strings.
package final class RegexProgram: Sendable {
    package enum Op: Sendable, Equatable {
        /// Consume one character of `sets[index]`, go to `next`.
        case char(Int)
        /// Go to both `next` and `alt`.
        case split
        /// Go to `next` only at the start of the text.
        case start
        /// Go to `next` only at the end of the text.
        case end
        case accept
    }

    package struct State: Sendable {
        package var op: Op
        package var next: Int32
        package var alt: Int32
    }

    /// Programs larger than this are refused (counted repetition expands).
    static let maxStates = 60_000

    package let states: [State]
    package let sets: [SimplePattern.CharSet]
    package let initial: Int32
    package let caseInsensitive: Bool
    package let node: RegexNode

    /// Compiles `node`; `search` wraps it in `.*` on both sides (the meaning
    /// of `~`), otherwise the whole text must match it.
    package init(_ node: RegexNode, caseInsensitive: Bool, search: Bool = true) throws {
        var b = Builder()
        let accept = b.add(.init(op: .accept, next: -1, alt: -1))
        let body: RegexNode = search ? .concat([.repetition(.set(.any), min: 0, max: nil), node, .repetition(.set(.any), min: 0, max: nil)]) : node
        let entry = try b.compile(body, next: accept)
        states = b.states
        sets = b.sets
        initial = entry
        self.caseInsensitive = caseInsensitive
        self.node = node
    }

    private struct Builder {
        var states: [State] = []
        var sets: [SimplePattern.CharSet] = []

        mutating func add(_ s: State) -> Int32 {
            states.append(s)
            return Int32(states.count - 1)
        }

        mutating func setIndex(_ s: SimplePattern.CharSet) -> Int {
            if let i = sets.firstIndex(of: s) { return i }
            sets.append(s)
            return sets.count - 1
        }

        /// The entry state of `node` followed by `next`.
        mutating func compile(_ node: RegexNode, next: Int32) throws -> Int32 {
            guard states.count < RegexProgram.maxStates else {
                throw SimplePattern.UnsupportedPattern(reason: "the expression is too large (counted repetitions expand to over \(RegexProgram.maxStates) states)")
            }
            switch node {
            case .set(let s):
                return add(.init(op: .char(setIndex(s)), next: next, alt: -1))
            case .start: return add(.init(op: .start, next: next, alt: -1))
            case .end: return add(.init(op: .end, next: next, alt: -1))
            case .concat(let items):
                var k = next
                for item in items.reversed() { k = try compile(item, next: k) }
                return k
            case .alternation(let items):
                guard var k = try items.last.map({ try compile($0, next: next) }) else { return next }
                for item in items.dropLast().reversed() {
                    let e = try compile(item, next: next)
                    k = add(.init(op: .split, next: e, alt: k))
                }
                return k
            case .repetition(let inner, let lo, let hi):
                var k = next
                if let hi {
                    for _ in 0..<max(0, hi - lo) {
                        let body = try compile(inner, next: k)
                        k = add(.init(op: .split, next: body, alt: next))
                    }
                } else {
                    let loop = add(.init(op: .split, next: -1, alt: next))
                    let body = try compile(inner, next: loop)
                    states[Int(loop)].next = body
                    k = loop
                }
                for _ in 0..<lo { k = try compile(inner, next: k) }
                return k
            }
        }
    }

    // MARK: Closure

    /// Adds the states reachable from `s` without consuming a character to
    /// `out`: character, accept and (when not `atEnd`) end-assertion states;
    /// `mark[state] == generation` marks those already visited.
    @inline(__always)
    func close(_ s: Int32, atStart: Bool, atEnd: Bool, mark: inout [UInt32], generation: UInt32, stack: inout [Int32], out: inout [Int32]) {
        stack.append(s)
        while let x = stack.popLast() {
            let i = Int(x)
            if mark[i] == generation { continue }
            mark[i] = generation
            let st = states[i]
            switch st.op {
            case .char, .accept: out.append(x)
            case .split:
                stack.append(st.alt)
                stack.append(st.next)
            case .start: if atStart { stack.append(st.next) }
            case .end:
                if atEnd { stack.append(st.next) } else { out.append(x) }
            }
        }
    }

    @inline(__always)
    func setContains(_ index: Int, _ c: Unicode.Scalar) -> Bool {
        sets[index].contains(c, caseInsensitive: caseInsensitive)
    }

    // MARK: Matching

    /// Whether `text` matches (anywhere for an unanchored search program).
    package func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        var mark = [UInt32](repeating: 0, count: states.count)
        var generation: UInt32 = 1
        var stack: [Int32] = []
        var current: [Int32] = []
        var next: [Int32] = []
        close(initial, atStart: true, atEnd: n == 0, mark: &mark, generation: generation, stack: &stack, out: &current)
        for (pos, c) in scalars.enumerated() {
            generation += 1
            next.removeAll(keepingCapacity: true)
            let atEnd = pos + 1 == n
            for s in current {
                let st = states[Int(s)]
                if case .char(let k) = st.op, setContains(k, c) {
                    close(st.next, atStart: false, atEnd: atEnd, mark: &mark, generation: generation, stack: &stack, out: &next)
                }
            }
            if next.isEmpty { return false }
            swap(&current, &next)
        }
        return current.contains { states[Int($0)].op == .accept }
    }

    /// Whether a state set (as built by `close` with `atEnd == false`)
    /// accepts at the end of the text.
    func accepts(_ set: [Int32], mark: inout [UInt32], generation: UInt32, stack: inout [Int32]) -> Bool {
        var out: [Int32] = []
        for s in set {
            switch states[Int(s)].op {
            case .accept: return true
            case .end: close(states[Int(s)].next, atStart: false, atEnd: true, mark: &mark, generation: generation, stack: &stack, out: &out)
            default: break
            }
        }
        return out.contains { states[Int($0)].op == .accept }
    }
}

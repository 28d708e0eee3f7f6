import Engine
import Loader

/// One updating line on stderr while a table loads (only on a terminal).
final class Progress {
    let enabled: Bool
    private var lastDraw = 0.0
    private var tableStart = 0.0
    private var current = ""

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ table: TablePlan, _ done: Int64) {
        guard enabled else { return }
        let now = Filler.now()
        if table.table.name.description != current {
            current = table.table.name.description
            tableStart = now
        }
        guard now - lastDraw > 0.1 || done == table.rows else { return }
        lastDraw = now
        let elapsed = max(now - tableStart, 1e-6)
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(table.rows - done) / rate : 0
        Terminal.writeErr("\r\u{1B}[K\(current): \(Terminal.grouped(done))/\(Terminal.grouped(table.rows)) rows, \(Terminal.grouped(Int64(rate))) rows/s, ETA \(Int(eta))s")
    }

    func finish() {
        if enabled { Terminal.writeErr("\r\u{1B}[K") }
    }
}

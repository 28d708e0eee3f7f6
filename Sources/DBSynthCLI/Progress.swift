import Engine
import DBSynth
import Loader

/// One updating line on stderr while a table loads (only on a terminal).
final class Progress {
    let enabled: Bool
    private var lastDraw = 0.0
    private var tableStart = 0.0
    private var current = ""

    init(enabled: Bool) { self.enabled = enabled }

    /// Called when a table starts loading: its rate is measured from here.
    func start(_ table: TablePlan) {
        current = table.table.name.description
        tableStart = Filler.now()
    }

    func update(_ table: TablePlan, _ done: Int64) {
        guard enabled else { return }
        let now = Filler.now()
        let elapsed = now - tableStart
        // Redraw at most ten times a second, and not before a rate means anything.
        guard elapsed > 0.05, now - lastDraw > 0.1 || done == table.rows else { return }
        lastDraw = now
        let rate = Double(done) / elapsed
        let eta = rate > 0 ? Double(table.rows - done) / rate : 0
        Terminal.writeErr("\r\u{1B}[K\(current): \(TextLayout.grouped(done))/\(TextLayout.grouped(table.rows)) rows, \(TextLayout.grouped(Int64(rate))) rows/s, ETA \(Int(eta.rounded(.up)))s")
    }

    func finish() {
        if enabled { Terminal.writeErr("\r\u{1B}[K") }
    }
}

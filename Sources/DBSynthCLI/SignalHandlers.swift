import Loader
import DBSynth

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM stop a fill between batches: the transaction is rolled
/// back and dbsynth exits with 130 / 143, leaving the database as it was.
/// (A SIGKILL cannot be caught; the server or SQLite's journal undoes the
/// uncommitted transaction then.)
enum SignalHandlers {
    static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { received in Cancellation.request(signal: received) }
            sigaddset(&set, sig)
        }
        // A parent may have started us with these signals blocked (a spawned
        // child inherits the spawning thread's mask); unblock them.
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }
}

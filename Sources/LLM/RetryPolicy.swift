import Foundation

/// When and how long to wait before asking again.
///
/// Rate limits (429), server errors (5xx, and 408) and timeouts are
/// transient and retried with exponential backoff and full jitter (AWS's
/// "Exponential Backoff And Jitter": a uniform wait in [0, base·2ⁿ], so
/// concurrent callers spread out instead of retrying in lockstep); a 429's
/// `Retry-After` is honoured instead. Client errors (400, 401, 403, 404…)
/// are not retried: asking again cannot change the answer.
package struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    package var attempts = 5
    package var baseDelay = 0.5
    package var maxDelay = 30.0
    /// A longer `Retry-After` than this is cut to it.
    package var maxRetryAfter = 120.0

    package init() {}

    package static func isTransient(status: Int) -> Bool {
        status == 429 || status == 408 || (500...599).contains(status)
    }

    /// Seconds to wait before attempt `attempt + 1` (after `attempt` failed,
    /// counting from 1): the server's `Retry-After` when it sent one, else
    /// a jittered exponential delay.
    package func delay<G: RandomNumberGenerator>(afterAttempt attempt: Int, retryAfter: Double?, using rng: inout G) -> Double {
        if let retryAfter { return min(max(0, retryAfter), maxRetryAfter) }
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        return Double.random(in: 0...ceiling, using: &rng)
    }

    /// `Retry-After` as seconds from `now`: delta-seconds (`2`) or an
    /// HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`); nil when absent or unreadable.
    package static func retryAfter(_ header: String?, now: Date = Date()) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Double(header), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}

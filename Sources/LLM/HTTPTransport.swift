import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP answer: status, headers (names lowercased) and body.
package struct HTTPResponse: Sendable {
    package var status: Int
    package var headers: [String: String]
    package var body: Data
}

/// Why an HTTP exchange produced no answer at all.
package enum TransportFailure: Error, Sendable {
    /// Nothing came back within the timeout.
    case timeout
    /// No connection (refused, DNS, TLS): the message libcurl gave.
    case connection(String)
}

/// POSTs JSON over FoundationNetworking's `URLSession`, which on Linux is
/// libcurl underneath (see docs/design.md for why not a libcurl module of
/// our own). An ephemeral session: no cookies, no URL cache, no
/// credential store, so nothing of a request outlives it.
package struct HTTPTransport: Sendable {
    let session: URLSession
    /// Seconds for one request, connection and answer together.
    package let timeout: Double

    package init(timeout: Double) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.urlCredentialStorage = nil
        session = URLSession(configuration: configuration)
        self.timeout = timeout
    }

    package func post(_ url: URL, body: Data, headers: [String: String]) async throws(TransportFailure) -> HTTPResponse {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.timeoutInterval = timeout
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let data: Data, response: URLResponse
        do {
            (data, response) = try await exchange(request)
        } catch let error as URLError where error.code == .timedOut {
            throw .timeout
        } catch let error as URLError {
            // The underlying message names host and port, never a header.
            let underlying = (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.userInfo[NSLocalizedDescriptionKey] as? String
            throw .connection(underlying ?? error.localizedDescription)
        } catch {
            throw .connection(String(describing: type(of: error)))
        }
        guard let http = response as? HTTPURLResponse else { throw .connection("not an HTTP answer") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: fields, body: data)
    }

    /// The completion-handler API, not `session.data(for:)`: on Linux a task
    /// group cancelling an async `data(for:)` while libcurl reports its
    /// failure deadlocks FoundationNetworking (`URLSessionTask.cancel` waits
    /// on the session queue, which waits on the task's status lock). A
    /// cancelled fill's calls here simply run out, bounded by the timeout.
    func exchange(_ request: URLRequest) async throws -> (Data, URLResponse) {
        try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else if let response {
                    continuation.resume(returning: (data ?? Data(), response))
                } else {
                    continuation.resume(throwing: URLError(.badServerResponse))
                }
            }.resume()
        }
    }
}

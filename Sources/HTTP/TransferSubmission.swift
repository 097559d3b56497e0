import Hashing

/// Where a transfer's body goes, and the continuation awaiting it.
enum TransferDestination: Sendable {
    /// Into memory, for ``HTTPClient/get(_:)``.
    case memory(CheckedContinuation<Result<HTTPResponse, HTTPError>, Never>)
    /// Into a file, for ``HTTPClient/download(_:to:expectedSHA256:)``.
    case file(path: String, expectedSHA256: SHA256Digest?, CheckedContinuation<Result<DownloadResult, HTTPError>, Never>)

    /// Resumes the awaiting task with an error.
    func fail(_ error: HTTPError) {
        switch self {
        case .memory(let continuation): continuation.resume(returning: .failure(error))
        case .file(_, _, let continuation): continuation.resume(returning: .failure(error))
        }
    }
}

/// A request on its way from a caller's task to the event loop.
struct TransferSubmission: Sendable {
    let token: TransferToken
    let request: HTTPRequest
    let destination: TransferDestination
}

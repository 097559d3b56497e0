import HTTP
import Hashing
import SuvBasics
import Testing

@Suite struct HTTPErrorTests {
    @Test func statusMessagesFollowReqwestShape() {
        #expect(HTTPError.status(url: "https://h/x", code: 404).message
            == "HTTP status client error (404 Not Found) for url (https://h/x)")
        #expect(HTTPError.status(url: "https://h/x", code: 503).message
            == "HTTP status server error (503 Service Unavailable) for url (https://h/x)")
        #expect(HTTPError.status(url: "https://h/x", code: 599).message
            == "HTTP status server error (599) for url (https://h/x)")
    }

    @Test func exhaustedRetriesChainToTheLastAttempt() {
        let last = HTTPError.truncated(url: "https://h/f", expected: 10, received: 5)
        let error = HTTPError.retriesExhausted(retries: 3, last: last)
        #expect(error.lastAttempt == last)
        let chain = ErrorChain(error.context("Failed to download `f`"))
        #expect(chain.messages == [
            "Failed to download `f`",
            "Request failed after 3 retries",
            "Connection closed after 5 of 10 bytes of `https://h/f`",
        ])
    }

    @Test func hashMismatchNamesBothDigests() {
        let expected = SHA256.hash(utf8: "a")
        let actual = SHA256.hash(utf8: "b")
        let message = HTTPError.hashMismatch(url: "https://h/f", expected: expected, actual: actual).message
        #expect(message.contains(expected.hex))
        #expect(message.contains(actual.hex))
        #expect(message.contains("`https://h/f`"))
    }

    @Test func descriptionIsTheMessage() {
        let error = HTTPError.timedOut(url: "https://h/")
        #expect("\(error)" == error.message)
        #expect(!error.hints.isEmpty)
    }
}

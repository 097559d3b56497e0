@testable import HTTP
import Testing

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(
        maxRetries: 5, baseDelay: .milliseconds(500), maxDelay: .seconds(10), maxRetryAfter: .seconds(60)
    )

    @Test func backoffDoublesUpToTheCap() {
        #expect(policy.delay(beforeRetry: 0, retryAfter: nil, jitter: 1) == .milliseconds(500))
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, jitter: 1) == .seconds(1))
        #expect(policy.delay(beforeRetry: 2, retryAfter: nil, jitter: 1) == .seconds(2))
        #expect(policy.delay(beforeRetry: 10, retryAfter: nil, jitter: 1) == .seconds(10))
        #expect(policy.delay(beforeRetry: 1000, retryAfter: nil, jitter: 1) == .seconds(10))
    }

    @Test func jitterScalesBetweenHalfAndWhole() {
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, jitter: 0.5) == .milliseconds(500))
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, jitter: 0) == .milliseconds(500))
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, jitter: 7) == .seconds(1))
    }

    @Test func retryAfterRaisesTheDelayWithinItsCap() {
        #expect(policy.delay(beforeRetry: 0, retryAfter: .seconds(3), jitter: 1) == .seconds(3))
        #expect(policy.delay(beforeRetry: 3, retryAfter: .zero, jitter: 1) == .seconds(4))
        #expect(policy.delay(beforeRetry: 0, retryAfter: .seconds(3600), jitter: 1) == .seconds(60))
    }

    @Test func retryAfterParses() {
        #expect(RetryPolicy.parseRetryAfter("120", now: 0) == .seconds(120))
        #expect(RetryPolicy.parseRetryAfter(" 7 ", now: 0) == .seconds(7))
        // 784111777 is Sun, 06 Nov 1994 08:49:37 GMT.
        #expect(RetryPolicy.parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now: 784_111_770) == .seconds(7))
        #expect(RetryPolicy.parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now: 784_111_800) == .zero)
        #expect(RetryPolicy.parseRetryAfter("soon", now: 0) == nil)
        #expect(RetryPolicy.parseRetryAfter("-1", now: 0) == nil)
    }

    @Test(arguments: [(408, true), (429, true), (500, true), (503, true), (599, true),
                      (400, false), (401, false), (403, false), (404, false), (304, false)])
    func retryableStatuses(status: Int, retryable: Bool) {
        #expect(RetryPolicy.isRetryable(status: status) == retryable)
    }
}

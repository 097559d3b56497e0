import Cache
import Foundation
import Testing

/// One row of the decision table: response (and request) headers, how long after the response
/// the cache is consulted, and what it must decide.
struct PolicyCase: Sendable, CustomTestStringConvertible {
    var name: String
    var response: [String]
    var request: [String] = []
    var status = 200
    var method = "GET"
    var after: Int64 = 0
    var refreshing = false
    var storable = true
    var freshness: CacheFreshness = .stale

    var testDescription: String { name }
}

/// When the exchanges in these tests happen.
let t0: Int64 = 1_700_000_000

func headers(_ lines: [String]) -> [(name: String, value: String)] {
    lines.map { line in
        let colon = line.firstIndex(of: ":")!
        return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
    }
}

func makePolicy(
    _ response: [String], request: [String] = [], status: Int = 200, method: String = "GET",
    requestTime: Int64 = t0, responseTime: Int64 = t0, date: Int64? = t0
) -> HTTPCachePolicy {
    var lines = response
    if let date, !lines.contains(where: { $0.lowercased().hasPrefix("date:") }) {
        lines.append("Date: \(HTTPDate.format(date))")
    }
    return HTTPCachePolicy(
        url: "https://mirror.example/simple/flask/", method: method, requestHeaders: headers(request), status: status,
        responseHeaders: headers(lines), requestTime: requestTime, responseTime: responseTime
    )
}

@Suite struct HTTPCachePolicyTests {
    static let table: [PolicyCase] = [
        PolicyCase(name: "max-age, just stored", response: ["Cache-Control: max-age=600"], freshness: .fresh),
        PolicyCase(name: "max-age, one second left", response: ["Cache-Control: max-age=600"], after: 599, freshness: .fresh),
        PolicyCase(name: "max-age, expired", response: ["Cache-Control: max-age=600"], after: 600),
        PolicyCase(name: "Age header counts", response: ["Cache-Control: max-age=600", "Age: 500"], after: 100),
        PolicyCase(name: "Age header within lifetime", response: ["Cache-Control: max-age=600", "Age: 500"], after: 99, freshness: .fresh),
        PolicyCase(name: "Expires in an hour", response: ["Expires: \(HTTPDate.format(t0 + 3600))"], after: 3599, freshness: .fresh),
        PolicyCase(name: "Expires reached", response: ["Expires: \(HTTPDate.format(t0 + 3600))"], after: 3600),
        PolicyCase(name: "invalid Expires means expired", response: ["Expires: 0"]),
        PolicyCase(name: "max-age beats Expires", response: ["Cache-Control: max-age=10", "Expires: \(HTTPDate.format(t0 + 3600))"], after: 20),
        PolicyCase(name: "no-cache stores but revalidates", response: ["Cache-Control: no-cache, max-age=600"]),
        PolicyCase(name: "no-store", response: ["Cache-Control: no-store, max-age=600"], storable: false, freshness: .fresh),
        PolicyCase(name: "request no-store", response: ["Cache-Control: max-age=600"], request: ["Cache-Control: no-store"], storable: false, freshness: .fresh),
        PolicyCase(name: "s-maxage is ignored by a private cache", response: ["Cache-Control: s-maxage=600"]),
        PolicyCase(name: "private is fine", response: ["Cache-Control: private, max-age=60"], freshness: .fresh),
        PolicyCase(
            name: "heuristic: 10% of ten days",
            response: ["Last-Modified: \(HTTPDate.format(t0 - 864_000))"], after: 86_399, freshness: .fresh
        ),
        PolicyCase(name: "heuristic expired", response: ["Last-Modified: \(HTTPDate.format(t0 - 864_000))"], after: 86_400),
        PolicyCase(
            name: "no heuristic with an explicit lifetime",
            response: ["Cache-Control: max-age=0", "Last-Modified: \(HTTPDate.format(t0 - 864_000))"]
        ),
        PolicyCase(
            name: "no heuristic for a status that is not heuristically cacheable",
            response: ["Last-Modified: \(HTTPDate.format(t0 - 864_000))"], status: 302, storable: false
        ),
        PolicyCase(name: "nothing to go on", response: []),
        PolicyCase(name: "immutable ignores a refresh", response: ["Cache-Control: max-age=31536000, immutable"], refreshing: true, freshness: .fresh),
        PolicyCase(name: "refresh revalidates", response: ["Cache-Control: max-age=31536000"], refreshing: true),
        PolicyCase(name: "immutable still expires", response: ["Cache-Control: max-age=10, immutable"], after: 20),
        PolicyCase(name: "request max-age=0", response: ["Cache-Control: max-age=600"], request: ["Cache-Control: max-age=0"], after: 1),
        PolicyCase(name: "request min-fresh", response: ["Cache-Control: max-age=600"], request: ["Cache-Control: min-fresh=100"], after: 550),
        PolicyCase(name: "max-stale allows staleness", response: ["Cache-Control: max-age=10"], request: ["Cache-Control: max-stale=60"], after: 30, freshness: .fresh),
        PolicyCase(
            name: "must-revalidate forbids staleness",
            response: ["Cache-Control: max-age=10, must-revalidate"], request: ["Cache-Control: max-stale=60"], after: 30
        ),
        PolicyCase(name: "206 is not storable", response: ["Cache-Control: max-age=600"], status: 206, storable: false, freshness: .fresh),
        PolicyCase(name: "304 is not storable", response: ["Cache-Control: max-age=600"], status: 304, storable: false, freshness: .fresh),
        PolicyCase(name: "1xx is not storable", response: ["Cache-Control: max-age=600"], status: 103, storable: false, freshness: .fresh),
        PolicyCase(name: "POST is not storable", response: ["Cache-Control: max-age=600"], method: "POST", storable: false, freshness: .fresh),
        PolicyCase(name: "HEAD is storable", response: ["Cache-Control: max-age=600"], method: "head", freshness: .fresh),
        PolicyCase(name: "302 with max-age is storable", response: ["Cache-Control: max-age=600"], status: 302, freshness: .fresh),
        PolicyCase(name: "404 is heuristically cacheable", response: [], status: 404),
        PolicyCase(name: "500 without lifetime is not storable", response: [], status: 500, storable: false),
        PolicyCase(name: "public makes anything storable", response: ["Cache-Control: public"], status: 500),
    ]

    @Test(arguments: table)
    func decides(_ row: PolicyCase) {
        let policy = makePolicy(row.response, request: row.request, status: row.status, method: row.method)
        #expect(policy.isStorable == row.storable)
        var request = policy.requestCacheControl
        if row.refreshing { request.noCache = true }
        #expect(policy.freshness(at: t0 + row.after, request: request) == row.freshness)
    }

    @Test func lifetimes() {
        #expect(makePolicy(["Cache-Control: max-age=600"]).freshnessLifetime == 600)
        #expect(makePolicy(["Expires: \(HTTPDate.format(t0 + 60))"]).freshnessLifetime == 60)
        #expect(makePolicy(["Expires: \(HTTPDate.format(t0 - 60))"]).freshnessLifetime == 0)
        #expect(makePolicy(["Last-Modified: \(HTTPDate.format(t0 - 1000))"]).freshnessLifetime == 100)
        #expect(makePolicy([]).freshnessLifetime == 0)
        #expect(!makePolicy(["Last-Modified: \(HTTPDate.format(t0 - 1000))"]).hasExplicitLifetime)
        #expect(makePolicy(["Expires: garbage"]).hasExplicitLifetime)
    }

    @Test func ageFollowsRFC9111() {
        // Apparent age: the response's Date is 100 s before it arrived.
        let skewed = makePolicy(["Cache-Control: max-age=600"], date: t0 - 100)
        #expect(skewed.currentAge(at: t0) == 100)
        #expect(skewed.freshness(at: t0 + 499) == .fresh)
        #expect(skewed.freshness(at: t0 + 500) == .stale)
        // Corrected age: Age header plus the request's round trip.
        let delayed = makePolicy(["Age: 10"], requestTime: t0 - 5, responseTime: t0)
        #expect(delayed.currentAge(at: t0 + 1) == 16)
        // A Date in the future does not make the age negative.
        #expect(makePolicy([], date: t0 + 1000).currentAge(at: t0) == 0)
        // Without a Date header the arrival time stands in.
        #expect(makePolicy(["Cache-Control: max-age=5"], date: nil).currentAge(at: t0 + 3) == 3)
    }

    @Test func conditionalHeaders() {
        let both = makePolicy(["ETag: \"abc\"", "Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT"])
        #expect(both.conditionalHeaders == [
            ConditionalHeader(name: "If-None-Match", value: "\"abc\""),
            ConditionalHeader(name: "If-Modified-Since", value: "Sun, 06 Nov 1994 08:49:37 GMT"),
        ])
        #expect(makePolicy(["ETag: W/\"weak\""]).conditionalHeaders == [ConditionalHeader(name: "If-None-Match", value: "W/\"weak\"")])
        #expect(makePolicy(["Cache-Control: max-age=1"]).conditionalHeaders.isEmpty)
    }

    @Test func revalidationOutcomes() {
        let stored = makePolicy(["ETag: \"v1\"", "Last-Modified: \(HTTPDate.format(t0 - 100))", "Cache-Control: max-age=60"])
        let later = t0 + 1000
        func reply(_ lines: [String], status: Int = 304) -> HTTPCachePolicy {
            makePolicy(lines, status: status, requestTime: later, responseTime: later, date: later)
        }
        #expect(stored.isConfirmed(by: reply(["ETag: \"v1\""])))
        #expect(stored.isConfirmed(by: reply(["ETag: W/\"v1\""])))
        #expect(!stored.isConfirmed(by: reply(["ETag: \"v2\""])))
        #expect(stored.isConfirmed(by: reply([])))
        #expect(!stored.isConfirmed(by: reply(["ETag: \"v1\""], status: 200)))
        let byDate = makePolicy(["Last-Modified: \(HTTPDate.format(t0 - 100))"])
        #expect(byDate.isConfirmed(by: reply(["Last-Modified: \(HTTPDate.format(t0 - 100))"])))
        #expect(!byDate.isConfirmed(by: reply(["Last-Modified: \(HTTPDate.format(t0 - 50))"])))
        #expect(!byDate.isConfirmed(by: reply(["ETag: \"new\""])))
    }

    @Test func aConfirmedEntryIsFreshAgain() {
        let stored = makePolicy(["ETag: \"v1\"", "Cache-Control: max-age=60"])
        let later = t0 + 1000
        #expect(stored.freshness(at: later) == .stale)
        let reply = makePolicy(["Cache-Control: max-age=120"], status: 304, requestTime: later, responseTime: later, date: later)
        let refreshed = stored.refreshed(by: reply)
        #expect(refreshed.status == 200)
        #expect(refreshed.entityTag == stored.entityTag)
        #expect(refreshed.responseCacheControl.maxAge == 120)
        #expect(refreshed.freshness(at: later + 119) == .fresh)
        #expect(refreshed.freshness(at: later + 120) == .stale)
        // A 304 without Cache-Control keeps the stored directives.
        let bare = makePolicy([], status: 304, requestTime: later, responseTime: later, date: later)
        #expect(stored.refreshed(by: bare).responseCacheControl.maxAge == 60)
    }
}

import Cache
import Testing

@Suite struct CacheControlTests {
    @Test func parsesTheDirectivesThatMatter() {
        let control = CacheControl(headerValues: [
            "public, max-age=600, s-maxage=60, no-cache, no-store, must-revalidate, immutable, private, max-stale=5, min-fresh=3",
        ])
        #expect(control.isPublic && control.isPrivate)
        #expect(control.maxAge == 600)
        #expect(control.sharedMaxAge == 60)
        #expect(control.noCache && control.noStore && control.mustRevalidate && control.immutable)
        #expect(control.maxStale == 5)
        #expect(control.minFresh == 3)
    }

    @Test func namesAreCaseInsensitiveAndSpacingIsFlexible() {
        let control = CacheControl(headerValues: ["Max-Age = 10 ,IMMUTABLE", "No-Store"])
        #expect(control.immutable)
        #expect(control.noStore)
    }

    @Test func quotedValuesAndUnknownDirectives() {
        let control = CacheControl(headerValues: [#"max-age="120", community="UCI", no-cache="Set-Cookie""#])
        #expect(control.maxAge == 120)
        #expect(control.noCache)
    }

    @Test func severalHeaderLinesAreOneList() {
        let control = CacheControl(headerValues: ["max-age=60", "immutable"])
        #expect(control.maxAge == 60)
        #expect(control.immutable)
    }

    @Test(arguments: ["max-age=abc", "max-age=-1", "max-age=", "max-age=1, max-age=2", "s-maxage=x", "min-fresh=1.5"])
    func suspiciousInputMeansMustRevalidate(_ value: String) {
        #expect(CacheControl(headerValues: [value]).mustRevalidate)
    }

    @Test func bareMaxStaleAcceptsAnyStaleness() {
        #expect(CacheControl(headerValues: ["max-stale"]).maxStale == Int64.max)
    }

    @Test func emptyMeansNothing() {
        #expect(CacheControl(headerValues: []) == CacheControl())
        #expect(CacheControl(headerValues: ["", " , "]) == CacheControl())
    }

    @Test func hugeNumbersSaturate() {
        #expect(CacheControl(headerValues: ["max-age=99999999999999999999999"]).maxAge == Int64.max)
    }
}

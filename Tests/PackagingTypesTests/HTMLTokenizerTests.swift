@testable import PackagingTypes
import Testing

@Suite struct HTMLTokenizerTests {
    private func startTags(_ html: String, wanted: Set<String> = ["a", "base", "meta"]) -> [HTMLStartTag] {
        var tokenizer = HTMLTokenizer(Array(html.utf8), wantedTags: wanted)
        var tags: [HTMLStartTag] = []
        while let token = tokenizer.next() {
            if case .startTag(let tag) = token { tags.append(tag) }
        }
        return tags
    }

    @Test func readsQuotedUnquotedAndBareAttributes() {
        let tags = startTags(#"<A HREF="x.whl" data-yanked data-requires-python='&gt;=3.8' rel=nofollow>x</A>"#)
        #expect(tags.count == 1)
        #expect(tags[0].name == "a")
        #expect(tags[0]["href"] == "x.whl")
        #expect(tags[0]["data-yanked"] == "")
        #expect(tags[0]["data-requires-python"] == ">=3.8")
        #expect(tags[0]["rel"] == "nofollow")
    }

    @Test func firstOfRepeatedAttributesWins() {
        let tags = startTags(#"<a href="first" HREF="second">"#)
        #expect(tags[0]["href"] == "first")
        #expect(tags[0].attributes.count == 1)
    }

    @Test func skipsCommentsDoctypeScriptsAndOtherTags() {
        let html = """
        <!DOCTYPE html><!-- <a href="commented"> --><?xml version="1.0"?>
        <script>var s = "<a href='scripted'>";</script><style>a{}</style>
        <div class="x"><a href="real" /></div><![CDATA[ <a> ]]>
        """
        let tags = startTags(html)
        #expect(tags.map { $0["href"] } == ["real"])
    }

    @Test func toleratesBrokenMarkup() {
        let tags = startTags("a < b <a href=x.whl>x</a> <a href=\"unterminated")
        #expect(tags.map { $0["href"] } == ["x.whl", "unterminated"])
        #expect(startTags("<").isEmpty)
        #expect(startTags("<a").count == 1)
    }

    @Test func decodesEntities() {
        #expect(HTMLEntities.decode(Array("&lt;&gt;&amp;&quot;&#39;&#x2B;&#43;&nbsp;&unknown; &amp &".utf8)[...])
            == "<>&\"'++\u{00A0}&unknown; & &")
        #expect(HTMLEntities.decode(Array("&#0;&#x110000;&#xD800;".utf8)[...]) == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func reportsTextOnlyWhenAsked() {
        var tokenizer = HTMLTokenizer(Array("<a href=x>Foo &amp; Bar</a>tail".utf8), wantedTags: ["a"])
        #expect(tokenizer.next() == .startTag(HTMLStartTag(name: "a", attributes: [("href", "x")])))
        tokenizer.reportsText = true
        #expect(tokenizer.next() == .text("Foo & Bar"))
        #expect(tokenizer.next() == .endTag("a"))
        tokenizer.reportsText = false
        #expect(tokenizer.next() == nil)
    }
}

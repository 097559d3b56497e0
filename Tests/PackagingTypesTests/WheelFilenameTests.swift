import PEP440
import PackagingTypes
import Testing

@Suite struct WheelFilenameTests {
    /// Every case of `wheel-tags.json`: validity, name, version, build tag, expanded tags and
    /// whether `validate_order=True` accepts it.
    @Test func parsesEveryVectorLikePackaging() throws {
        let cases = try WheelTagVectors.load().cases
        #expect(!cases.isEmpty)
        var agree = 0
        for item in cases {
            let input = item.input.debugDescription
            var ok = true
            func check(_ condition: Bool, _ what: String) {
                if !condition {
                    ok = false
                    Issue.record("parse_wheel_filename(\(input)): \(what)")
                }
            }
            let parsed = try? WheelFilename(parsing: item.input)
            check((parsed != nil) == item.valid, "valid should be \(item.valid)")
            if let parsed, item.valid {
                check(parsed.name.normalized == item.name, "name \(parsed.name.normalized.debugDescription) ≠ \(item.name ?? "nil")")
                check(parsed.version.description == item.version, "version \(parsed.version) ≠ \(item.version ?? "nil")")
                let build = parsed.buildTag.map { [$0.digits, $0.rest] }
                check(build == item.build.map { [$0.digits, $0.rest] }, "build \(String(describing: build))")
                check(parsed.sortedTagStrings == item.tags, "tags \(parsed.sortedTagStrings)")
                check(parsed.hasSortedTagSet == item.tagOrderValid, "tag_order_valid should be \(String(describing: item.tagOrderValid))")
                let strict = try? WheelFilename(parsing: item.input, validateOrder: true)
                check((strict != nil) == item.tagOrderValid, "validateOrder: true should agree with tag_order_valid")
            }
            if ok { agree += 1 }
        }
        print("wheel-tags.json filenames: \(agree)/\(cases.count)")
    }

    @Test func splitsBuildTagIntoNumberAndRest() throws {
        let wheel = try WheelFilename(parsing: "Foo_Bar-1.0-007abc-CP311-CP311-WIN_AMD64.whl")
        #expect(wheel.name.normalized == "foo-bar")
        #expect(wheel.buildTag?.number == 7)
        #expect(wheel.buildTag?.rest == "abc")
        #expect(wheel.sortedTagStrings == ["cp311-cp311-win_amd64"])
    }

    @Test func buildTagsOrderByNumberThenRest() throws {
        let tags = ["10", "9z", "9a", "100000000000000000000001", "99999999999999999999999"].compactMap(BuildTag.init(parsing:))
        #expect(tags.sorted().map(\.description) == ["9a", "9z", "10", "99999999999999999999999", "100000000000000000000001"])
        #expect(BuildTag(parsing: "_1") == nil)
    }

    @Test func expandsCompressedTagSets() throws {
        let wheel = try WheelFilename(parsing: "foo-1.0-py2.py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")
        #expect(wheel.tags.count == 4)
        #expect(!wheel.hasSortedTagSet)
        #expect(throws: WheelFilenameError.unsortedTags(filename: wheel.filename)) {
            try WheelFilename(parsing: wheel.filename, validateOrder: true)
        }
    }

    @Test(arguments: [
        ("foo-1.0-py3-none-any.zip", "missingExtension"), ("foo-py3-none-any.whl", "wrongNumberOfParts"),
        ("foo__bar-1.0-py3-none-any.whl", "invalidName"), ("foo-latest-py3-none-any.whl", "invalidVersion"),
        ("foo-1.0-x1-py3-none-any.whl", "invalidBuildTag"),
    ])
    func rejectsWithTypedErrors(filename: String, kind: String) {
        do {
            _ = try WheelFilename(parsing: filename)
            Issue.record("\(filename) should be rejected")
        } catch {
            #expect(String(describing: error).hasPrefix(kind), "\(filename): \(error)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test func acceptsPackagingsPermissiveNames() throws {
        #expect(try WheelFilename(parsing: "café-1.0-py3-none-any.whl").name.normalized == "café")
        #expect(try WheelFilename(parsing: "-1.0-py3-none-any.whl").name.normalized == "")
        #expect(try WheelFilename(parsing: "foo-1.0---.whl").sortedTagStrings == ["--"])
    }
}

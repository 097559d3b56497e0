import PackagingTypes
import Testing

@Suite struct WheelSelectionTests {
    /// Every selection of every environment: the compatible wheels in order, their ranks and best
    /// tags, and the best wheel.
    @Test func selectsLikePackaging() throws {
        let environments = try WheelTagVectors.load().environments
        for vector in environments {
            let supported = try EnvironmentConstruction(vector.construction).environment.supportedTags()
            var agree = 0
            for selection in vector.selections {
                let wheels = selection.wheels.compactMap { try? WheelFilename(parsing: $0) }
                let ranked = supported.rankCompatible(wheels)
                let actual = ranked.map {
                    WheelTagVectors.Compatible(filename: $0.candidate.filename, rank: $0.rank, bestTag: $0.bestTag.description)
                }
                let best = supported.bestWheel(wheels)?.candidate.filename
                let context = "\(vector.id) \(selection.project) \(selection.version)"
                #expect(actual == selection.compatible, "\(context): compatible")
                #expect(best == selection.best, "\(context): best")
                if actual == selection.compatible, best == selection.best { agree += 1 }
            }
            print("\(vector.id) selections: \(agree)/\(vector.selections.count)")
        }
    }

    @Test func tiesKeepInputOrder() throws {
        let supported = SupportedTags([WheelTag(interpreter: "py3", abi: "none", platform: "any")])
        let wheels = try ["b-1.0-py3-none-any.whl", "a-1.0-py2.py3-none-any.whl", "c-1.0-cp311-cp311-linux_x86_64.whl"]
            .map { try WheelFilename(parsing: $0) }
        #expect(supported.rankCompatible(wheels).map(\.candidate.name.normalized) == ["b", "a"])
        #expect(supported.bestWheel(Array(wheels.suffix(1))) == nil)
    }

    @Test func repeatedTagsKeepTheirFirstRank() {
        let any = WheelTag(interpreter: "py3", abi: "none", platform: "any")
        let other = WheelTag(interpreter: "cp311", abi: "none", platform: "any")
        let supported = SupportedTags([any, other, any])
        #expect(supported.count == 2)
        #expect(supported.rank(of: any) == 0)
        #expect(supported.rank(of: other) == 1)
    }
}

import Foundation
import SuvTestSupport

/// The decoded `wheel-tags.json`: wheel file name cases and tag environments (see the vectors
/// README, section `wheel-tags.json`). Loaded once and shared by the suites.
struct WheelTagVectors: Decodable {
    let environments: [Environment]
    let cases: [FilenameCase]

    /// One `parse_wheel_filename(input)` case.
    struct FilenameCase: Decodable {
        let input: String
        let valid: Bool
        let name: String?
        let version: String?
        let build: Build?
        let tags: [String]?
        let tagOrderValid: Bool?

        enum CodingKeys: String, CodingKey {
            case input, valid, name, version, build, tags
            case tagOrderValid = "tag_order_valid"
        }
    }

    /// A build tag as `[number, rest]`; the number may be a decimal string when it is huge.
    struct Build: Decodable, Equatable {
        let digits: String
        let rest: String

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            if let number = try? container.decode(Int.self) {
                digits = String(number)
            } else {
                digits = try container.decode(String.self)
            }
            rest = try container.decode(String.self)
        }
    }

    /// One interpreter environment with its tag lists and wheel selections.
    struct Environment: Decodable {
        let id: String
        let construction: String
        let platforms: [String]
        let supportedTags: [String]
        let selections: [Selection]

        enum CodingKeys: String, CodingKey {
            case id, construction, platforms, selections
            case supportedTags = "supported_tags"
        }
    }

    /// The wheels of one project's latest release and the compatible ones, best first.
    struct Selection: Decodable {
        let project: String
        let version: String
        let wheels: [String]
        let compatible: [Compatible]
        let best: String?
    }

    struct Compatible: Decodable, Equatable {
        let filename: String
        let rank: Int
        let bestTag: String

        enum CodingKeys: String, CodingKey {
            case filename, rank
            case bestTag = "best_tag"
        }
    }

    static func load() throws -> WheelTagVectors {
        let url = try RepositoryPaths.vectors().appendingPathComponent("wheel-tags.json")
        return try JSONDecoder().decode(WheelTagVectors.self, from: Data(contentsOf: url))
    }
}

import Testing
@testable import PEP508

@Suite struct MarkerEnvironmentTests {
    static let values: [String: String] = [
        "implementation_name": "cpython", "implementation_version": "3.11.9", "os_name": "posix",
        "platform_machine": "x86_64", "platform_release": "6.5.0", "platform_system": "Linux",
        "platform_version": "#1 SMP", "python_full_version": "3.11.9",
        "platform_python_implementation": "CPython", "python_version": "3.11", "sys_platform": "linux",
    ]

    @Test func dictionaryRoundTrip() throws {
        let environment = try MarkerEnvironment(values: Self.values.merging(["extra": "ignored"]) { $1 })
        #expect(environment.values == Self.values)
        #expect(environment[.pythonVersion] == "3.11")
        #expect(environment[.extra] == nil)
        #expect(environment.platformRelease == "6.5.0")
    }

    @Test func everyStandardKeyIsRequired() {
        var partial = Self.values
        partial["sys_platform"] = nil
        #expect(throws: MarkerEnvironmentError.missingKey("sys_platform")) { try MarkerEnvironment(values: partial) }
    }

    @Test func changingAVersionValueReparsesIt() throws {
        var environment = try MarkerEnvironment(values: Self.values)
        let marker = try MarkerTree(parsing: #"python_version >= "3.12""#)
        #expect(try marker.evaluate(environment) == false)
        environment.pythonVersion = "3.13"
        #expect(try marker.evaluate(environment))
        #expect(environment != (try MarkerEnvironment(values: Self.values)))
    }
}

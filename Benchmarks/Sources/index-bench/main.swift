// Fetches every project page of an index and downloads every file it lists, through suv's
// registry client, and prints the wall time of each phase.
//
//   index-bench --index URL --projects FILE --cache DIR [--refresh]
import Cache
import Dispatch
import Foundation
import HTTP
import IndexClient
import PackagingTypes
import Settings
import SuvBasics

func argument(_ name: String) -> String? {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[index + 1]
}

guard let indexURL = argument("--index"), let projectsFile = argument("--projects"), let cacheDirectory = argument("--cache") else {
    print("usage: index-bench --index URL --projects FILE --cache DIR [--refresh]")
    exit(2)
}
let refresh = CommandLine.arguments.contains("--refresh")
let projects = try String(contentsOfFile: projectsFile, encoding: .utf8).split(separator: "\n").map { PackageName(String($0)) }
let index = ConfiguredIndex(url: try IndexURL(indexURL), isDefault: true, origin: .commandLine(flag: "--index"))
let client = RegistryClient(
    locations: IndexLocations(definitions: [index]), http: CurlHTTPClient(),
    cache: CacheStore(root: cacheDirectory),
    mode: HTTPCacheMode(refresh: refresh ? .all(since: .max) : .none))

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

let pagesStart = DispatchTime.now().uptimeNanoseconds
let listings = try await withThrowingTaskGroup(of: [SimpleFile].self) { group in
    for project in projects {
        group.addTask { try await client.files(for: project).flatMap(\.files) }
    }
    var all: [[SimpleFile]] = []
    for try await files in group { all.append(files) }
    return all
}
let pagesTime = seconds(since: pagesStart)
let files = listings.flatMap { $0 }

let filesStart = DispatchTime.now().uptimeNanoseconds
let getOnly = CommandLine.arguments.contains("--get-only")
let http = CurlHTTPClient()
try await withThrowingTaskGroup(of: Void.self) { group in
    for file in files {
        guard let name = file.distribution?.name else { continue }
        if getOnly {
            group.addTask { _ = try await http.get(HTTPRequest(url: file.url)) }
        } else {
            group.addTask { _ = try await client.download(file, package: name, index: index) }
        }
    }
    try await group.waitForAll()
}
let filesTime = seconds(since: filesStart)
print("pages \(projects.count) \(pagesTime)")
print("files \(files.count) \(filesTime)")

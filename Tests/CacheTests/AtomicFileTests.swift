import Cache
import Foundation
import Testing

private struct Interrupted: Error {}

@Suite struct AtomicFileTests {
    @Test func writesAndCreatesParents() throws {
        let directory = TestDirectory()
        let target = directory.at("a/b/file.json")
        try AtomicFile.write("{}", to: target)
        #expect(readText(target) == "{}")
        #expect(directory.listing() == ["a", "a/b", "a/b/file.json"])
    }

    @Test func replacesExistingContentsWhole() throws {
        let directory = TestDirectory()
        let target = directory.write("file", "old contents")
        try AtomicFile.write(Array("new".utf8), to: target)
        #expect(readText(target) == "new")
        #expect(directory.listing() == ["file"])
    }

    @Test func streamsThroughAWriter() throws {
        let directory = TestDirectory()
        let target = directory.at("stream")
        try AtomicFile.write(to: target) { writer in
            try writer.write(Array("one ".utf8))
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(FileManager.default.fileExists(atPath: writer.temporaryPath))
            try writer.write(Array("two".utf8))
        }
        #expect(readText(target) == "one two")
    }

    @Test func anInterruptedWriteLeavesNoPartialFile() throws {
        let directory = TestDirectory()
        let target = directory.write("file", "intact")
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: target) { writer in
                try writer.write(Array("half of the new cont".utf8))
                throw Interrupted()
            }
        }
        #expect(readText(target) == "intact")
        #expect(directory.listing() == ["file"])
    }

    @Test func aNewFileInterruptedLeavesNothing() {
        let directory = TestDirectory()
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: directory.at("new")) { writer in
                try writer.write([1, 2, 3])
                throw Interrupted()
            }
        }
        #expect(directory.listing().isEmpty)
    }

    @Test func droppingAnUncommittedWriterRemovesItsTemporaryFile() throws {
        let directory = TestDirectory()
        do {
            var writer = try AtomicFileWriter(destination: directory.at("x"))
            try writer.write([1])
        }
        #expect(directory.listing().isEmpty)
    }

    @Test func failingToRenameLeavesNoTemporaryFile() throws {
        let directory = TestDirectory()
        directory.makeDirectory("occupied/child")
        // Renaming a file over a non-empty folder fails after the data was written.
        #expect(throws: CacheError.self) { try AtomicFile.write("data", to: directory.at("occupied")) }
        #expect(directory.listing() == ["occupied", "occupied/child"])
    }

    @Test func aFileInPlaceOfTheParentIsAnError() {
        let directory = TestDirectory()
        directory.write("parent", "file")
        #expect(throws: CacheError.self) { try AtomicFile.write("data", to: directory.at("parent/child")) }
        #expect(directory.listing() == ["parent"])
    }

    @Test func temporaryNamesUseThePrunablePrefix() throws {
        let directory = TestDirectory()
        let writer = try AtomicFileWriter(destination: directory.at("x"))
        #expect((writer.temporaryPath as NSString).lastPathComponent.hasPrefix(AtomicFile.temporaryPrefix))
        writer.abort()
        #expect(directory.listing().isEmpty)
    }
}

@Suite struct AtomicDirectoryTests {
    @Test func installsByRenaming() throws {
        let directory = TestDirectory()
        let temporary = try AtomicDirectory.makeTemporary(in: directory.at("bucket"))
        try Data("w".utf8).write(to: URL(fileURLWithPath: temporary + "/file"))
        let outcome = try AtomicDirectory.install(temporary, at: directory.at("bucket/entry"))
        #expect(outcome == .installed)
        #expect(directory.listing() == ["bucket", "bucket/entry", "bucket/entry/file"])
    }

    @Test func keepsAnExistingFolderByDefault() throws {
        let directory = TestDirectory()
        directory.write("bucket/entry/old", "1")
        let temporary = try AtomicDirectory.makeTemporary(in: directory.at("bucket"))
        try Data("2".utf8).write(to: URL(fileURLWithPath: temporary + "/new"))
        #expect(try AtomicDirectory.install(temporary, at: directory.at("bucket/entry")) == .keptExisting)
        #expect(directory.listing() == ["bucket", "bucket/entry", "bucket/entry/old"])
    }

    @Test func replacesAnExistingFolderWhenAsked() throws {
        let directory = TestDirectory()
        directory.write("bucket/entry/old", "1")
        let temporary = try AtomicDirectory.makeTemporary(in: directory.at("bucket"))
        try Data("2".utf8).write(to: URL(fileURLWithPath: temporary + "/new"))
        #expect(try AtomicDirectory.install(temporary, at: directory.at("bucket/entry"), ifExists: .replace) == .installed)
        #expect(directory.listing() == ["bucket", "bucket/entry", "bucket/entry/new"])
    }
}

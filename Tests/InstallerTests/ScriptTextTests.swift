import Testing
@testable import Installer

@Suite struct ScriptTextTests {
    /// The launcher uv 0.13.9 writes for `omega = omega:main` (checked byte for byte).
    @Test func launcherMatchesUv() {
        let script = EntryPointScript(name: "omega-nested", module: "omega.sub.tool", function: "Runner.run")
        let text = ScriptText.launcher(for: script, shebang: "#!/tmp/uvcmp/v2/bin/python")
        #expect(text == """
        #!/tmp/uvcmp/v2/bin/python
        # -*- coding: utf-8 -*-
        import sys
        from omega.sub.tool import Runner
        if __name__ == "__main__":
            if sys.argv[0].endswith("-script.pyw"):
                sys.argv[0] = sys.argv[0][:-11]
            elif sys.argv[0].endswith(".exe"):
                sys.argv[0] = sys.argv[0][:-4]
            sys.exit(Runner.run())

        """)
    }

    @Test func shebangs() {
        #expect(ScriptText.shebang(executable: "/venv/bin/python") == "#!/venv/bin/python")
        #expect(ScriptText.shebang(executable: "/tmp/uvcmp/sp ace/v/bin/python")
            == "#!/bin/sh\n'''exec' '/tmp/uvcmp/sp ace/v/bin/python' \"$0\" \"$@\"\n' '''")
        #expect(ScriptText.shebang(executable: "/tmp/sp'q x/bin/python")
            == "#!/bin/sh\n'''exec' '/tmp/sp'\"'\"'q x/bin/python' \"$0\" \"$@\"\n' '''")
        #expect(ScriptText.shebang(executable: "python", relocatable: true)
            == "#!/bin/sh\n'''exec' \"$(dirname -- \"$(realpath -- \"$0\")\")\"/'python' \"$0\" \"$@\"\n' '''")
        // The line `#!` + path + newline may be 127 bytes; one more goes through /bin/sh.
        let fits = "/" + String(repeating: "x", count: 123)
        #expect(ScriptText.shebang(executable: fits) == "#!" + fits)
        #expect(ScriptText.shebang(executable: fits + "y").hasPrefix("#!/bin/sh\n"))
    }

    @Test func dataScriptRewriting() {
        let shebang: (Bool) -> String = { $0 ? "#!/v/bin/pythonw-gui" : "#!/v/bin/python" }
        #expect(ScriptText.rewriteDataScript(Array("#!python\nprint(1)\n".utf8), shebang: shebang)
            == Array("#!/v/bin/python\nprint(1)\n".utf8))
        #expect(ScriptText.rewriteDataScript(Array("#!pythonw\nx\n".utf8), shebang: shebang)
            == Array("#!/v/bin/pythonw-gui\nx\n".utf8))
        // Only the placeholder goes: `#!python3` keeps its `3`, as uv does.
        #expect(ScriptText.rewriteDataScript(Array("#!python3\n".utf8), shebang: shebang) == Array("#!/v/bin/python3\n".utf8))
        #expect(ScriptText.rewriteDataScript(Array("#!/bin/sh\necho\n".utf8), shebang: shebang) == nil)
        #expect(ScriptText.rewriteDataScript([0x7f, 0x45, 0x4c, 0x46], shebang: shebang) == nil)
    }

    @Test func directURLJSON() {
        #expect(DirectURL(url: "file:///tmp/inst-fx/files/eta-1.0-py3-none-any.whl", kind: .archive(hash: nil)).json
            == #"{"url":"file:///tmp/inst-fx/files/eta-1.0-py3-none-any.whl","archive_info":{}}"#)
        #expect(DirectURL(url: "file:///home/alice/flaskapp", kind: .directory(editable: true)).json
            == #"{"url":"file:///home/alice/flaskapp","dir_info":{"editable":true}}"#)
        #expect(DirectURL(url: "https://h/x.whl", kind: .archive(hash: "sha256=ab")).json
            == #"{"url":"https://h/x.whl","archive_info":{"hash":"sha256=ab","hashes":{"sha256":"ab"}}}"#)
        #expect(DirectURL.quote("a\"b\\c\u{1}") == #""a\"b\\c\u0001""#)
    }
}

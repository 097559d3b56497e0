import Scaffold

/// What `suv init`'s flags add up to, decided as uv 0.13.9 decides it:
///
/// - an application is packaged unless `--no-package` (or `--bare` without `--package`, `--lib`
///   or a build backend); a library always is; a build backend implies a package;
/// - authors come from git for packaged projects, unless `--author-from` says otherwise;
/// - `--bare` leaves out the description (unless given), the README, the pin and the VCS
///   (unless `--vcs git`);
/// - `--flask` (suv's) is an application without a build system whose authors are left out
///   unless `--author-from` asks; it takes neither `--bare` nor a build backend.
struct InitChoices: Equatable {
    /// uv's layout; unused for a Flask application.
    var template: UvProjectTemplate
    /// `--flask` or `--template flask`.
    var flask: Bool
    /// `nil`: none; otherwise the default text or the one given.
    var description: String?
    var readme: Bool
    var pinPython: Bool
    /// Where authors come from.
    var authorFrom: AuthorFrom
    /// `nil`: `git init` when git is there and the directory is not in a repository yet.
    var vcs: VersionControl?

    init(_ request: InitRequest) {
        let isLibrary = request.kind == .library
        flask = request.template == .flask
        let packaged = !flask && (request.packaged ?? (request.buildBackend != nil || isLibrary || !request.bare))
        let backend = request.buildBackend.flatMap { BuildBackend(rawValue: $0.rawValue) } ?? .uv
        let layout: UvProjectTemplate.Layout =
            if isLibrary { .library(backend) } else if packaged { .packagedApplication(backend) } else { .application }
        template = UvProjectTemplate(layout: layout, bare: request.bare)
        description = request.noDescription ? nil : request.description ?? (request.bare ? nil : NewProject.defaultDescription)
        readme = !request.noReadme && !request.bare
        pinPython = !request.noPinPython && !request.bare
        authorFrom = request.authorFrom ?? (packaged || isLibrary ? .auto : .none)
        vcs = request.vcs ?? (request.bare ? VersionControl.none : nil)
    }
}

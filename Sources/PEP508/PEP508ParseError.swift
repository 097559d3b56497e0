import SuvBasics

/// What a ``PEP508ParseError`` is about: a marker or a requirement.
public protocol PEP508ParseSubject: Sendable {
    /// `marker` or `requirement`, for messages.
    static var noun: String { get }
}

public enum MarkerSubject: PEP508ParseSubject {
    public static let noun = "marker"
}

public enum RequirementSubject: PEP508ParseSubject {
    public static let noun = "requirement"
}

/// Why a string is not a PEP 508 marker.
public typealias MarkerParseError = PEP508ParseError<MarkerSubject>
/// Why a string is not a PEP 508 requirement (errors in its marker included).
public typealias RequirementParseError = PEP508ParseError<RequirementSubject>

/// Why a string is not a PEP 508 marker or requirement.
///
/// ``reason`` is packaging's message (for example `Expected a marker variable or quoted
/// string`, or `Expected semicolon (after URL and whitespace) or end`); ``span`` says where, in
/// Unicode scalars from the start of ``input``.
public struct PEP508ParseError<Subject: PEP508ParseSubject>: SuvError, Equatable {
    /// The text that failed to parse.
    public let input: String
    /// What was expected, in packaging's words.
    public let reason: String
    /// The offending range of ``input``, counted in Unicode scalars (empty for a point).
    public let span: Range<Int>

    /// Creates the error for `input`, with packaging's `reason` over `span`.
    public init(input: String, reason: String, span: Range<Int>) {
        self.input = input
        self.reason = reason
        self.span = span
    }

    init(input: String, _ error: PEP508SyntaxError) {
        self.init(input: input, reason: error.message, span: error.span)
    }

    /// The reason alone (one line); ``annotatedInput`` shows where.
    public var message: String { reason }

    /// The input with packaging's `~~~^` pointer line under it.
    public var annotatedInput: String {
        input + "\n" + PEP508SyntaxError.pointer(for: span)
    }
}

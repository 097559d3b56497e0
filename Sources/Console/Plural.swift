/// Counted nouns for summary lines: `1 package`, `8 packages`, `0 packages`.
public enum Plural {
    /// `count` followed by `noun`, pluralised unless `count` is exactly 1.
    ///
    /// - Parameters:
    ///   - count: how many.
    ///   - noun: the singular form, e.g. `package`.
    ///   - plural: the plural form; `noun + "s"` when omitted.
    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : (plural ?? noun + "s"))"
    }
}

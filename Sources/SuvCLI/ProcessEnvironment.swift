#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SuvCLI {
    /// The process environment as a dictionary, read from `environ` (the first definition of a
    /// name wins, as `getenv` does).
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        #if canImport(Darwin)
        guard let entries = _NSGetEnviron()?.pointee else { return result }
        #else
        guard let entries = environ as UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? else { return result }
        #endif
        var index = 0
        while let entry = entries[index] {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                let name = String(pair[..<equals])
                if result[name] == nil {
                    result[name] = String(pair[pair.index(after: equals)...])
                }
            }
            index += 1
        }
        return result
    }
}

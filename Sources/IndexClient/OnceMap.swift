/// Runs each keyed piece of work once: concurrent requests for the same key share one task,
/// and later requests get its result (uv's `OnceMap`).
actor OnceMap<Key: Hashable & Sendable, Value: Sendable> {
    private var tasks: [Key: Task<Value, any Error>] = [:]

    func value(for key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let task = tasks[key] { return try await task.value }
        let task = Task { try await work() }
        tasks[key] = task
        do {
            return try await task.value
        } catch {
            // Failures are not remembered: a later request tries again.
            tasks[key] = nil
            throw error
        }
    }
}

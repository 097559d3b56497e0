// Resolver: being written.

// Cache: being written.

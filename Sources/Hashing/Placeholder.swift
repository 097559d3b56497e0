// Hashing: being written.

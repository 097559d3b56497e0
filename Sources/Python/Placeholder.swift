// Python: being written.

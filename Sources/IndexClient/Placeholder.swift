// IndexClient: being written.

// Settings: being written.

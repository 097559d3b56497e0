// PEP440: being written.

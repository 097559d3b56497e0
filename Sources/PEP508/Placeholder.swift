// PEP508: being written.

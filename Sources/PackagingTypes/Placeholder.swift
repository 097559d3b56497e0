// PackagingTypes: being written.

// Zip: being written.

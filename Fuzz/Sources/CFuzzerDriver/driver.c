// Intentionally empty: include/fuzzer_driver.h declares libFuzzer's driver, which
// -sanitize=fuzzer links.

//! No library code: this package exists for its integration tests in `tests/interop/`,
//! which drive the broker at `STROM_BOOTSTRAP` with the rdkafka crate.

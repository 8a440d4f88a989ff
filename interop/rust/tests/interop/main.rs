//! The rdkafka crate (librdkafka built from source) against the broker at STROM_BOOTSTRAP.
//! Topics are created with the AdminClient under names unique to the run; every test
//! asserts exact offsets, keys, values, headers, timestamps and counts. Consumers assign
//! partitions by hand and never commit: strom has no consumer groups yet.

mod cross_client;
mod idempotence;
mod order;
mod positions;
mod records;
mod support;

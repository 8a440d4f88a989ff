#!/usr/bin/env bash
# Builds and runs the rdkafka tests (tests/interop/) against the broker at STROM_BOOTSTRAP.
# librdkafka is compiled from source (rdkafka's cmake-build feature) into interop/rust/target;
# scripts/install-test-deps builds it ahead of time. Every test runs and must pass; tests of
# features another broker under test may lack are skipped with these variables:
#   STROM_IDEMPOTENCE=0  skips idempotence:: (for a broker without InitProducerId)
#   STROM_GROUPS=0       skips lz4_batches_are_sent_compressed (librdkafka compresses lz4 only
#                        when the broker advertises FindCoordinator, i.e. serves groups)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${STROM_BOOTSTRAP:?set STROM_BOOTSTRAP=host:port}"
command -v cmake >/dev/null 2>&1 || { echo "rust suite: cmake missing; run scripts/install-test-deps" >&2; exit 1; }
export CARGO_TARGET_DIR="$here/target"
cd "$here"
skips=()
[ "${STROM_IDEMPOTENCE:-}" != 0 ] || skips+=(--skip idempotence::)
[ "${STROM_GROUPS:-}" != 0 ] || skips+=(--skip lz4_batches_are_sent_compressed)
args=()
[ ${#skips[@]} -eq 0 ] || args=(-- "${skips[@]}")
nice -n 10 cargo test --locked --quiet --test interop "${args[@]}"

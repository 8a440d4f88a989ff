#!/usr/bin/env bash
# Builds the sarama interop test (GOPATH mode, against Debian's sarama 1.22.1 sources in
# /usr/share/gocode; scripts/install-test-deps installs them) into interop/.deps/go/, then
# runs it against STROM_BOOTSTRAP. cgo is needed: sarama's zstd codec is a C library binding.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../.deps/go"
: "${STROM_BOOTSTRAP:?set STROM_BOOTSTRAP=host:port}"
[ -d /usr/share/gocode/src/github.com/Shopify/sarama ] || {
  echo "go suite: sarama sources missing; run scripts/install-test-deps" >&2; exit 1; }
mkdir -p "$out/gopath" "$out/cache"
(cd "$here" && GO111MODULE=off GOFLAGS= CGO_ENABLED=1 CGO_CFLAGS="-g -O2 -Wno-deprecated-declarations" GOPATH="$out/gopath:/usr/share/gocode" \
  GOCACHE="$out/cache" nice -n 10 go build -o "$out/sarama-interop" .)
exec "$out/sarama-interop"

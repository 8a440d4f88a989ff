#!/usr/bin/env bash
# Compiles a test class (default InteropTest; `run.sh ClusterTest` for the 3-node cluster
# test) with plain javac against the kafka-clients 3.9.1 jars that scripts/install-test-deps
# puts in interop/.deps/java/, then runs it against STROM_BOOTSTRAP.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jars="$here/../.deps/java"
main="${1:-InteropTest}"
[ -f "$here/$main.java" ] || { echo "java suite: no $here/$main.java" >&2; exit 2; }
: "${STROM_BOOTSTRAP:?set STROM_BOOTSTRAP=host:port}"
cp=""
for jar in kafka-clients slf4j-api lz4-java snappy-java zstd-jni; do
  [ -s "$jars/$jar.jar" ] || { echo "java suite: $jars/$jar.jar missing; run scripts/install-test-deps" >&2; exit 1; }
  cp+="$jars/$jar.jar:"
done
classes="$jars/classes/$main"
rm -rf "$classes"
mkdir -p "$classes"
javac -Xlint:all -Werror -cp "$cp" -d "$classes" "$here/$main.java"
# slf4j-api without a binding logs nothing (one startup notice on stderr, filtered here).
exec java -cp "$classes:$cp" "$main" 2> >(grep -v '^SLF4J' >&2)

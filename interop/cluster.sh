#!/usr/bin/env bash
# The cluster suite of scripts/interop: starts a 3-node strom cluster (scripts/cluster) with
# num.partitions=6 in a temporary directory, waits until every node's Metadata lists all three
# brokers, runs the clients' cluster tests against it, and stops it (always, via trap).
#
#   kcat     interop/kcat/cluster.sh                 librdkafka 2.0.2
#   python   interop/python/cluster_kafka_python.py  kafka-python
#   java     interop/java/run.sh ClusterTest         kafka-clients 3.9.1
#
# Each test creates its own 6-partition topic, checks that its leaders are spread 2/2/2 over
# brokers 1-3, writes a numbered sequence to every partition and reads it back exactly once,
# in order per partition, with a consumer group. Every test runs even when one fails; on a
# failure the tail of each node's log is printed and the data directory kept.
#
# Needs STROM_BIN (the release binary; scripts/interop sets it). The ports are the first free
# ones of a few candidate bases (STROM_CLUSTER_PORT_BASE to ask for one): node N serves
# clients on base+N and the quorum on base+100+N.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
: "${STROM_BIN:?set STROM_BIN to a strom binary (scripts/interop does)}"
say() { echo "cluster suite: $*"; }

# A base whose six ports (base+1..3, base+101..103) nothing listens on now.
ports_free() {
  python3 - "$1" <<'PY'
import socket, sys
base = int(sys.argv[1])
for port in [base + n for n in (1, 2, 3, 101, 102, 103)]:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        sys.exit(1)
    finally:
        s.close()
PY
}
base=""
for candidate in ${STROM_CLUSTER_PORT_BASE:-} 24090 24290 24490 24690 24890 25090 25290 25490; do
  if ports_free "$candidate"; then base="$candidate"; break; fi
done
[ -n "$base" ] || { say "no free port base among the candidates"; exit 1; }
export STROM_CLUSTER_PORT_BASE="$base"

dir="$(mktemp -d "${TMPDIR:-/tmp}/strom-interop-cluster.XXXXXX")"
failed=0
cleanup() {
  # TMPDIR=$dir keeps scripts/cluster's "last started" note out of the shared TMPDIR.
  TMPDIR="$dir" bash scripts/cluster stop "$dir" >/dev/null 2>&1 || true
  if [ "$failed" -ne 0 ]; then
    for n in 1 2 3; do
      echo "--- node $n log (last 40 lines of $dir/node-$n.log)"
      tail -40 "$dir/node-$n.log" 2>/dev/null || true
    done
    say "data and logs kept in $dir"
  else
    rm -rf "$dir"
  fi
}
trap cleanup EXIT
# scripts/interop's timeout(1) signals this process group: stop the running test (its own
# timeout(1) has a group of its own) and exit, which stops the cluster.
child=""
trap 'failed=1; [ -z "$child" ] || kill -TERM "$child" 2>/dev/null; exit 143' TERM INT

started=$SECONDS
if ! bootstrap=$(TMPDIR="$dir" STROM_CLUSTER_OVERRIDES="num.partitions=6" bash scripts/cluster start "$dir"); then
  failed=1; say "scripts/cluster start failed"; exit 1
fi
export STROM_BOOTSTRAP="$bootstrap"

# Ready when each node's Metadata lists brokers 1, 2 and 3 (registration goes through the
# metadata quorum, so a node can accept connections before it knows the others).
brokers_of() {
  timeout 10 kcat -b "$1" -L -J 2>/dev/null |
    python3 -c 'import json, sys; print(sorted(b["id"] for b in json.load(sys.stdin)["brokers"]))' 2>/dev/null || true
}
deadline=$((SECONDS + 60))
for n in 1 2 3; do
  until [ "$(brokers_of "127.0.0.1:$((base + n))")" = "[1, 2, 3]" ]; do
    if [ $SECONDS -ge $deadline ]; then
      failed=1
      say "node $n's Metadata did not list brokers 1-3 within 60 s (last: $(brokers_of "127.0.0.1:$((base + n))"))"
      exit 1
    fi
    sleep 0.2
  done
done
say "3 nodes up, each listing brokers 1-3, after $((SECONDS - started)) s: $bootstrap (data in $dir)"

declare -A result duration
tests=(kcat python java)
for test in "${tests[@]}"; do
  case "$test" in
    kcat) cmd=(timeout --kill-after=5 90 bash interop/kcat/cluster.sh) ;;
    python) cmd=(timeout --kill-after=5 90 "$root/.venv/bin/python" interop/python/cluster_kafka_python.py) ;;
    java) cmd=(timeout --kill-after=5 120 bash interop/java/run.sh ClusterTest) ;;
  esac
  say "$test: ${cmd[*]}"
  t0=$SECONDS
  # In the background, so that a TERM interrupts `wait` and the trap runs at once.
  "${cmd[@]}" &
  child=$!
  set +e
  wait "$child"
  status=$?
  set -e
  child=""
  duration[$test]=$((SECONDS - t0))
  case "$status" in
    0) result[$test]=pass ;;
    124|137) result[$test]="FAIL (timed out)"; failed=1 ;;
    *) result[$test]="FAIL (exit $status)"; failed=1 ;;
  esac
done

for n in 1 2 3; do
  pid="$(cat "$dir/node-$n.pid" 2>/dev/null || true)"
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    say "node $n is no longer running"; failed=1
  fi
done
say "summary"
for test in "${tests[@]}"; do
  printf '  %-8s %-6s %s\n' "$test" "${duration[$test]}s" "${result[$test]}"
done
exit "$failed"

#!/usr/bin/env bash
# kcat 1.7.1 (Debian's, librdkafka 2.0.2: old enough to catch tagged-field and version
# negotiation mistakes) against the broker at STROM_BOOTSTRAP. Topics are auto-created (one
# partition) with names unique to the run. Every check compares the exact output: offsets,
# partitions, keys, values, headers, NULLs, counts and order.
set -euo pipefail
b="${STROM_BOOTSTRAP:?set STROM_BOOTSTRAP=host:port}"
run="kcat-$(date +%s%N)"
checks=0
fail() { echo "kcat suite FAILED: $*" >&2; exit 1; }
trap 'echo "kcat suite FAILED: line $LINENO exited non-zero: $BASH_COMMAND" >&2' ERR
# expect NAME GOT WANT: one exact comparison, printing both sides on a mismatch.
expect() {
  checks=$((checks + 1))
  [ "$2" = "$3" ] || fail "$1
--- got:
$2
--- want:
$3"
}
# Every consume reads to the end of the partition (-e) and must finish in bounded time.
consume() { timeout 30 kcat -b "$b" -C -e -q "$@"; }
produce() { timeout 30 kcat -b "$b" -P "$@"; }

# 1. Keys, headers, a null key, an empty key, a tombstone (-Z: empty value sent as NULL).
t="$run-basic"
start_ms=$(($(date +%s%N) / 1000000))
printf 'k1:v1\nk2:v2\n' | produce -t "$t" -K: -H source=kcat -H n=1 -H empty=
printf 'nokey\n' | produce -t "$t"
printf ':empty-key\n' | produce -t "$t" -K:
printf 'k3:\n' | produce -t "$t" -K: -Z -H why=tombstone
end_ms=$(($(date +%s%N) / 1000000))
# With -Z kcat prints an empty key as NULL too; the key length (%K: 0 vs -1) tells them apart.
got=$(consume -t "$t" -o beginning -Z -f '%p|%o|%k|%s|%h|%K|%S\n')
expect "keys, values, headers, nulls" "$got" \
'0|0|k1|v1|source=kcat,n=1,empty=|2|2
0|1|k2|v2|source=kcat,n=1,empty=|2|2
0|2|NULL|nokey||-1|5
0|3|NULL|empty-key||0|9
0|4|k3|NULL|why=tombstone|2|-1'
# Timestamps: the producer stamps create time; each must lie within the produce window.
for ts in $(consume -t "$t" -o beginning -f '%T\n'); do
  [ "$ts" -ge "$start_ms" ] && [ "$ts" -le "$end_ms" ] || fail "timestamp $ts outside [$start_ms, $end_ms]"
done
checks=$((checks + 1))

# 2. Metadata (-L -J): the topic with one partition led by the one broker, which is
#    advertised at the address we connected to.
meta=$(timeout 30 kcat -b "$b" -L -J -t "$t")
got=$(python3 -c '
import json, sys
m = json.loads(sys.argv[1])
(broker,) = m["brokers"]
print("broker", broker["name"], "controller", m["controllerid"] == broker["id"])
for topic in m["topics"]:
    print(topic["topic"], topic.get("error"), [
        (p["partition"], p["leader"] == broker["id"], [r["id"] for r in p["replicas"]] == [broker["id"]],
         [r["id"] for r in p["isrs"]] == [broker["id"]]) for p in topic["partitions"]])
' "$meta")
expect "metadata" "$got" "broker $b controller True
$t None [(0, True, True, True)]"

# 3. Every codec with every acks setting, in one partition, read back in order.
t="$run-codecs"
want=""
i=0
for codec in none gzip snappy lz4 zstd; do
  for acks in 0 1 all; do
    for j in 1 2 3; do printf '%s-%s-%s-%s\n' "$codec" "$acks" "$j" "$(printf 'x%.0s' $(seq 1 200))"; done |
      produce -t "$t" -X "compression.codec=$codec" -X "acks=$acks" -X linger.ms=20
    for j in 1 2 3; do
      want+="$i $codec-$acks-$j-$(printf 'x%.0s' $(seq 1 200))"$'\n'
      i=$((i + 1))
    done
  done
done
got=$(consume -t "$t" -o beginning -f '%o %s\n')
expect "codecs x acks" "$got" "${want%$'\n'}"

# 4. Positioning: an absolute offset, an offset relative to the end, and a timestamp
#    (s@T starts at the first message with timestamp >= T, via ListOffsets by timestamp).
got=$(consume -t "$t" -o 40 -f '%o ')
expect "seek to offset 40" "$got" "40 41 42 43 44 "
got=$(consume -t "$t" -o -2 -f '%o ')
expect "seek to end-2" "$got" "43 44 "
mapfile -t stamps < <(consume -t "$t" -o beginning -f '%T\n')
target=${stamps[20]}
first=20
while [ "$first" -gt 0 ] && [ "${stamps[$((first - 1))]}" -ge "$target" ]; do first=$((first - 1)); done
got=$(consume -t "$t" -o "s@$target" -c 1 -f '%o')
expect "offset for timestamp $target" "$got" "$first"

# 5. A 1,000,000-byte message between two small ones (producer limit raised; the broker's
#    default max.message.bytes, 1048588, admits it).
t="$run-big"
big=$(head -c 750000 /dev/urandom | base64 -w0 | head -c 1000000)
printf 'a\n%s\nc\n' "$big" | produce -t "$t" -X message.max.bytes=2000000
got=$(consume -t "$t" -o beginning -X fetch.message.max.bytes=2000000 -f '%o %S\n')
expect "1 MB message sizes" "$got" $'0 1\n1 1000000\n2 1'
got=$(consume -t "$t" -o 1 -c 1 -f '%s' | sha256sum)
expect "1 MB message contents" "$got" "$(printf '%s' "$big" | sha256sum)"

# 6. 10,000 keyed messages in one partition keep their order and offsets.
t="$run-order"
seq 0 9999 | awk '{ printf "key-%d:%d\n", $1 % 37, $1 }' | produce -t "$t" -K: -X acks=all
got=$(consume -t "$t" -o beginning -f '%o %k %s\n' | awk '$1 != NR - 1 || $3 != NR - 1 || $2 != "key-" ($3 % 37) { bad++ } END { print NR, bad + 0 }')
expect "10k ordered keyed messages (count, mismatches)" "$got" "10000 0"

# 6. Partitions added by an admin client (CreatePartitions through confluent-kafka's
#    AdminClient) show in kcat's metadata and take records at once.
t="$run-grown"
printf 'first\n' | produce -t "$t"
python="${STROM_PYTHON:-$(cd "$(dirname "$0")/../.." && pwd)/.venv/bin/python}"
"$python" -c '
import sys
from confluent_kafka.admin import AdminClient, NewPartitions
admin = AdminClient({"bootstrap.servers": sys.argv[1]})  # kept alive until the result
admin.create_partitions([NewPartitions(sys.argv[2], 3)])[sys.argv[2]].result(30)
' "$b" "$t"
got=$(timeout 30 kcat -b "$b" -L -J -t "$t" | python3 -c '
import json, sys
print(sorted(p["partition"] for p in json.load(sys.stdin)["topics"][0]["partitions"]))')
expect "partitions after CreatePartitions" "$got" "[0, 1, 2]"
printf 'in-new\n' | produce -t "$t" -p 2
got=$(consume -t "$t" -p 2 -o beginning -f '%p|%o|%s\n')
expect "record in a new partition" "$got" "2|0|in-new"

echo "kcat suite passed: $checks checks"

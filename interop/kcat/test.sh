#!/usr/bin/env bash
# kcat (librdkafka 2.0.2 from Debian) against strom: metadata, keys, headers, null keys,
# tombstones, every compression codec and acks setting; exact contents and offsets checked.
set -euo pipefail
b="${STROM_BOOTSTRAP:?set STROM_BOOTSTRAP}"
t="kcat-$(date +%s%N)"
fail() { echo "kcat suite FAILED: $*"; exit 1; }

# Keys, a header, a null key (-K with empty key is an empty key; use no delimiter line for null).
printf 'k1:v1\nk2:v2\n' | kcat -b "$b" -P -t "$t" -K: -H source=kcat -H n=1
printf 'nokey\n' | kcat -b "$b" -P -t "$t"
printf 'k3:\n' | kcat -b "$b" -P -t "$t" -K: -Z
got=$(kcat -b "$b" -C -t "$t" -o beginning -e -q -Z -f '%o|%k|%s|%h|%K|%S\n')
want=$'0|k1|v1|source=kcat,n=1|2|2\n1|k2|v2|source=kcat,n=1|2|2\n2|NULL|nokey||-1|5\n3|k3|NULL||2|-1'
[ "$got" = "$want" ] || fail "contents: got
$got
want
$want"

kcat -b "$b" -L -t "$t" | grep -q "topic \"$t\" with 1 partitions" || fail "metadata does not list $t"

# Every codec and acks setting, read back in order.
i=0
for codec in none gzip snappy lz4 zstd; do
  for acks in 0 1 all; do
    printf "%s-%s\n" "$codec" "$acks" | kcat -b "$b" -P -t "$t-c" -X "compression.codec=$codec" -X "acks=$acks"
    i=$((i + 1))
  done
done
got=$(kcat -b "$b" -C -t "$t-c" -o beginning -e -q -f '%o %s\n')
want=""
i=0
for codec in none gzip snappy lz4 zstd; do
  for acks in 0 1 all; do want+="$i $codec-$acks"$'\n'; i=$((i + 1)); done
done
[ "$got" = "${want%$'\n'}" ] || fail "codecs: got
$got"

# Seek: from offset 10 only the last five messages.
got=$(kcat -b "$b" -C -t "$t-c" -o 10 -e -q -f '%o\n' | tr '\n' ' ')
[ "$got" = "10 11 12 13 14 " ] || fail "seek: got $got"
echo "kcat suite passed"

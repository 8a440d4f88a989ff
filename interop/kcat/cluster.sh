#!/usr/bin/env bash
# kcat (librdkafka) against a 3-node strom cluster whose topics have 6 partitions led by
# different brokers (start it with STROM_CLUSTER_OVERRIDES="num.partitions=6"
# scripts/cluster start, and set STROM_BOOTSTRAP to the servers it prints). A producer
# writes a numbered sequence to every partition; a consumer of the whole topic and a
# consumer group each read every message exactly once, in order per partition. The
# metadata must show the 6 leaders spread 2/2/2 over brokers 1-3.
set -euo pipefail
b="${STROM_BOOTSTRAP:?set STROM_BOOTSTRAP=host:port,host:port,host:port}"
t="kcat-cluster-$(date +%s%N)"
per_partition=200
fail() { echo "kcat cluster suite FAILED: $*" >&2; exit 1; }

# The topic is auto-created by the first produce (6 partitions from num.partitions).
for p in 0 1 2 3 4 5; do
  seq 1 "$per_partition" | sed "s/^/p$p-/" | timeout 60 kcat -b "$b" -P -t "$t" -p "$p"
done

leaders=$(timeout 30 kcat -b "$b" -L -t "$t" | sed -n 's/.*partition \([0-9]*\), leader \([0-9]*\),.*/\2/p' | sort | uniq -c | awk '{print $1}' | tr '\n' ' ')
[ "$leaders" = "2 2 2 " ] || fail "leaders per broker: '$leaders' (kcat -L: $(kcat -b "$b" -L -t "$t"))"

expected() {
  for p in 0 1 2 3 4 5; do seq 1 "$per_partition" | sed "s/^/$p|p$p-/"; done
}
want=$(expected)

# A consumer of every partition, to the end of each.
got=$(timeout 60 kcat -b "$b" -C -t "$t" -o beginning -e -q -f '%p|%s\n' | sort -t'|' -k1,1n -s)
[ "$got" = "$want" ] || fail "plain consumer: $(diff <(echo "$got") <(echo "$want") | head -20)"

# A consumer group: its coordinator is the leader of its __consumer_offsets partition.
got=$(timeout 60 kcat -b "$b" -G "$t-group" -o beginning -e -q -f '%p|%s\n' "$t" | sort -t'|' -k1,1n -s)
[ "$got" = "$want" ] || fail "group consumer: $(diff <(echo "$got") <(echo "$want") | head -20)"

echo "kcat cluster suite: 6 partitions over 3 brokers, $((6 * per_partition)) messages each read once in order by a consumer and a group"

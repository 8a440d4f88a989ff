"""kafka-python (pure Python, an independent client) against a 3-node strom cluster.

Creates a 6-partition topic through the admin client, checks that its leaders are spread
2/2/2 over brokers 1-3, produces a numbered sequence to every partition (each send goes to
the partition's leader), and reads it back with a consumer group (whose coordinator is the
leader of the group's __consumer_offsets partition): every message exactly once, in order
per partition, and the group's committed offsets at the end of every partition.

Usage: STROM_BOOTSTRAP=host:port,host:port,host:port python3 cluster_kafka_python.py
"""

import collections
import os
import sys
import time

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic

PER_PARTITION = 200
PARTITIONS = 6


def fail(message):
    print(f"kafka-python cluster suite FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    bootstrap = os.environ["STROM_BOOTSTRAP"].split(",")
    topic = f"kafka-python-cluster-{time.time_ns()}"
    group = f"{topic}-group"
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    admin.create_topics([NewTopic(topic, PARTITIONS, 1)])
    # Every node applies the creation from the metadata log; the one asked may lag a moment.
    deadline = time.monotonic() + 30
    while True:
        described = admin.describe_topics([topic])[0]
        if len(described["partitions"]) == PARTITIONS or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    leaders = sorted(p["leader_id"] for p in described["partitions"])
    if leaders != [1, 1, 2, 2, 3, 3]:
        fail(f"leaders {described['partitions']}")

    producer = KafkaProducer(bootstrap_servers=bootstrap, acks=1)
    for p in range(PARTITIONS):
        for n in range(1, PER_PARTITION + 1):
            producer.send(topic, value=f"p{p}-{n}".encode(), partition=p)
    producer.flush(timeout=60)
    producer.close()

    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=20_000,
    )
    got = collections.defaultdict(list)
    total = PARTITIONS * PER_PARTITION
    count = 0
    for message in consumer:
        got[message.partition].append((message.offset, message.value.decode()))
        count += 1
        if count == total:
            break
    consumer.commit()
    for p in range(PARTITIONS):
        want = [(n - 1, f"p{p}-{n}") for n in range(1, PER_PARTITION + 1)]
        if got[p] != want:
            fail(f"partition {p}: got {got[p][:5]}... ({len(got[p])} messages)")
    committed = [consumer.committed(TopicPartition(topic, p)) for p in range(PARTITIONS)]
    if committed != [PER_PARTITION] * PARTITIONS:
        fail(f"committed offsets {committed}")
    consumer.close()
    admin.close()
    print(
        f"kafka-python cluster suite: {total} messages over {PARTITIONS} partitions led by 3 "
        "brokers, read once in order by a group, offsets committed"
    )


if __name__ == "__main__":
    main()

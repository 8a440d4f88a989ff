#!/usr/bin/env python3
"""The golden-capture scenario for the two Python clients (run by scripts/capture-golden
through the recording proxy at STROM_BOOTSTRAP).

Usage: capture-golden-clients.py confluent|kafka-python

Scenario (the same for every client; protocol/tests/golden.rs asserts its values):
  1. metadata for all topics
  2. create topics golden-<client>-<codec> (1 partition) for none, gzip, snappy, lz4, zstd
  3. produce to each, acks=all, one producer per codec: records() below
  4. list offsets: earliest, latest, and by timestamp BASE_TIMESTAMP_MS + 1
  5. fetch the three records of each topic from offset 0
"""
import os
import sys
import time

BOOTSTRAP = os.environ["STROM_BOOTSTRAP"]
CODECS = ["none", "gzip", "snappy", "lz4", "zstd"]
BASE_TIMESTAMP_MS = 1_600_000_000_000
DEADLINE_S = 30


# Values end in a repeated word so that every codec shrinks them: librdkafka sends a batch
# uncompressed when compression would not make it smaller.
PADDING = "golden" * 10


def records(client, codec):
    """(key, value, headers, timestamp_ms) of the three records each topic gets."""
    headers = [("h-codec", codec.encode()), ("h-client", client.encode())]
    return [
        (b"key-0", f"value-0-{codec}-{PADDING}".encode(), headers, BASE_TIMESTAMP_MS),
        (b"key-1", f"value-1-{codec}-{PADDING}".encode(), headers, BASE_TIMESTAMP_MS + 1),
        (None, f"value-2-{codec}-{PADDING}".encode(), headers, BASE_TIMESTAMP_MS + 2),
    ]


def check(got, want, what):
    if got != want:
        sys.exit(f"capture-golden-clients: {what}: got {got!r}, want {want!r}")


def confluent():
    from confluent_kafka import Consumer, Producer, TopicPartition
    from confluent_kafka.admin import AdminClient, NewTopic

    client = "confluent"
    base = {"bootstrap.servers": BOOTSTRAP, "client.id": f"golden-{client}"}
    admin = AdminClient(base)
    try:
        # librdkafka (v9+ Metadata) writes the null "all topics" array as 4 bytes instead of
        # one varint (confluentinc/librdkafka#5049); Kafka ignores the 3 trailing bytes, a
        # strict broker closes the connection. Captured either way; golden.rs asserts the bytes.
        admin.list_topics(timeout=DEADLINE_S)
    except Exception as err:  # noqa: BLE001 - only the frame matters here
        print(f"capture-golden-clients: confluent list_topics failed: {err}", file=sys.stderr)
    futures = admin.create_topics([NewTopic(f"golden-{client}-{c}", 1, 1) for c in CODECS],
                                  operation_timeout=DEADLINE_S)
    for future in futures.values():
        future.result(timeout=DEADLINE_S)
    admin.list_topics(topic=f"golden-{client}-none", timeout=DEADLINE_S)
    for codec in CODECS:
        p = Producer({**base, "compression.codec": codec, "acks": "all", "linger.ms": 100,
                      "enable.idempotence": False})
        for key, value, headers, ts in records(client, codec):
            p.produce(f"golden-{client}-{codec}", key=key, value=value, headers=headers,
                      timestamp=ts, partition=0)
        check(p.flush(DEADLINE_S), 0, "undelivered messages")
    c = Consumer({**base, "group.id": f"golden-{client}", "enable.auto.commit": False,
                  "fetch.wait.max.ms": 100})
    for codec in CODECS:
        topic = f"golden-{client}-{codec}"
        check(c.get_watermark_offsets(TopicPartition(topic, 0), timeout=DEADLINE_S, cached=False),
              (0, 3), f"watermarks of {topic}")
        found = c.offsets_for_times([TopicPartition(topic, 0, BASE_TIMESTAMP_MS + 1)], timeout=DEADLINE_S)
        check(found[0].offset, 1, f"offset for time in {topic}")
        c.assign([TopicPartition(topic, 0, 0)])
        got = []
        deadline = time.time() + DEADLINE_S
        while len(got) < 3 and time.time() < deadline:
            msg = c.poll(0.2)
            if msg is not None and msg.error() is None:
                got.append((msg.key(), msg.value()))
        check(got, [(k, v) for k, v, _, _ in records(client, codec)], f"records of {topic}")
    c.close()


def kafka_python():
    from kafka import KafkaConsumer, KafkaProducer, TopicPartition
    from kafka.admin import KafkaAdminClient, NewTopic

    client = "kafka-python"
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP, client_id=f"golden-{client}")
    admin.list_topics()
    admin.create_topics([NewTopic(f"golden-{client}-{c}", 1, 1) for c in CODECS])
    admin.close()
    for codec in CODECS:
        p = KafkaProducer(bootstrap_servers=BOOTSTRAP, client_id=f"golden-{client}", acks="all",
                          compression_type=None if codec == "none" else codec, linger_ms=100)
        futures = [p.send(f"golden-{client}-{codec}", key=k, value=v, headers=h, timestamp_ms=ts, partition=0)
                   for k, v, h, ts in records(client, codec)]
        p.flush(DEADLINE_S)
        check([f.get(timeout=1).offset for f in futures], [0, 1, 2], "produce offsets")
        p.close(timeout=5)
    c = KafkaConsumer(bootstrap_servers=BOOTSTRAP, client_id=f"golden-{client}", group_id=None,
                      enable_auto_commit=False, fetch_max_wait_ms=100)
    for codec in CODECS:
        topic = f"golden-{client}-{codec}"
        tp = TopicPartition(topic, 0)
        check(c.beginning_offsets([tp])[tp], 0, f"earliest of {topic}")
        check(c.end_offsets([tp])[tp], 3, f"latest of {topic}")
        check(c.offsets_for_times({tp: BASE_TIMESTAMP_MS + 1})[tp].offset, 1, f"offset for time in {topic}")
        c.assign([tp])
        c.seek(tp, 0)
        got = []
        deadline = time.time() + DEADLINE_S
        while len(got) < 3 and time.time() < deadline:
            for batch in c.poll(timeout_ms=200).values():
                got.extend((r.key, r.value) for r in batch)
        check(got, [(k, v) for k, v, _, _ in records(client, codec)], f"records of {topic}")
    c.close()


if __name__ == "__main__":
    {"confluent": confluent, "kafka-python": kafka_python}[sys.argv[1]]()

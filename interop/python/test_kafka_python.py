"""kafka-python (a pure-Python, independent protocol implementation) against a real broker.

kafka-python 3 turns idempotence on by default; the producers here turn it off except in the
test marked `idempotence`. Consumers have no group_id: assign + seek only. Every test asserts
exact offsets, keys, values, headers and timestamps.
"""
import os
import time

import pytest
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from conftest import (
    ACKS,
    BASE_TIMESTAMP_MS,
    BOOTSTRAP,
    CODECS,
    ONE_MEGABYTE,
    expected_layout,
    keyed_messages,
    topic_name,
)


def create_topic(name, partitions):
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    try:
        admin.create_topics([NewTopic(name, num_partitions=partitions, replication_factor=1)])
    finally:
        admin.close()


def producer(**config):
    config = {"enable_idempotence": False, "linger_ms": 5, "request_timeout_ms": 30_000, **config}
    return KafkaProducer(bootstrap_servers=BOOTSTRAP, **config)


def produce(messages, topic, **config):
    """Sends dicts of KafkaProducer.send() arguments in order; returns the RecordMetadata
    of each, in order, failing on any send error."""
    p = producer(**config)
    try:
        futures = [p.send(topic, **m) for m in messages]
        p.flush(60)
        return [f.get(timeout=1) for f in futures]
    finally:
        p.close(timeout=5)


def consumer(**config):
    return KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=None, enable_auto_commit=False,
                         fetch_max_wait_ms=100, **config)


def poll_exactly(c, count, timeout_s=30):
    """Polls until `count` records arrived, then once more to prove there are no extra."""
    out = []
    deadline = time.time() + timeout_s
    while len(out) < count and time.time() < deadline:
        for records in c.poll(timeout_ms=200).values():
            out.extend(records)
    assert len(out) == count, f"consumed {len(out)} records, expected {count}"
    extra = [r for records in c.poll(timeout_ms=500).values() for r in records]
    assert not extra, f"unexpected extra records at offsets {[r.offset for r in extra]}"
    return out


def consume(topic, partition, offset, count, **config):
    c = consumer(**config)
    try:
        tp = TopicPartition(topic, partition)
        c.assign([tp])
        c.seek(tp, offset)
        return poll_exactly(c, count)
    finally:
        c.close()


def test_admin_create_list_and_duplicate_topic():
    # CreateTopics makes the topic with the asked partitions, it is listed and described,
    # and creating it again fails with TOPIC_ALREADY_EXISTS.
    t = topic_name("kp-admin")
    create_topic(t, 3)
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    try:
        assert t in admin.list_topics()
        (described,) = admin.describe_topics([t])
        assert described["error_code"] == 0
        assert sorted(p["partition_index"] for p in described["partitions"]) == [0, 1, 2]
        with pytest.raises(TopicAlreadyExistsError):
            admin.create_topics([NewTopic(t, num_partitions=1, replication_factor=1)])
    finally:
        admin.close()


def test_keys_values_headers_timestamps_nulls_tombstones():
    # Keys, null keys, headers (repeated names, empty values), explicit create timestamps
    # and tombstones come back exactly as produced.
    t = topic_name("kp-basic")
    create_topic(t, 1)
    ts = BASE_TIMESTAMP_MS
    metadata = produce([
        {"key": b"k1", "value": b"v1", "headers": [("h", b"1"), ("h", b"2"), ("empty", b"")], "timestamp_ms": ts},
        {"key": None, "value": b"no-key", "timestamp_ms": ts + 500},
        {"key": b"gone", "value": None, "timestamp_ms": ts + 1000},
        {"key": b"", "value": b"", "headers": [("only", b"header")], "timestamp_ms": ts + 1500},
    ], t, acks="all")
    assert [(m.partition, m.offset, m.timestamp) for m in metadata] == [(0, i, ts + 500 * i) for i in range(4)]
    got = [(r.offset, r.key, r.value, r.headers, r.timestamp, r.timestamp_type) for r in consume(t, 0, 0, 4)]
    assert got == [
        (0, b"k1", b"v1", [("h", b"1"), ("h", b"2"), ("empty", b"")], ts, 0),
        (1, None, b"no-key", [], ts + 500, 0),
        (2, b"gone", None, [], ts + 1000, 0),
        (3, b"", b"", [("only", b"header")], ts + 1500, 0),
    ]


@pytest.mark.parametrize("acks", ACKS)
@pytest.mark.parametrize("codec", CODECS)
def test_codec_and_acks(codec, acks):
    # Batches compressed with each codec and produced with each acks setting are read back
    # whole and in order; acks 1/all report the exact offsets (acks 0 gets no answer, so
    # what kafka-python reports then is its own guess and not checked).
    t = topic_name(f"kp-{codec}-{acks}")
    create_topic(t, 1)
    values = [f"{codec}-{acks}-{i}-".encode() * 20 for i in range(50)]
    metadata = produce(
        [{"key": str(i).encode(), "value": v, "timestamp_ms": BASE_TIMESTAMP_MS + i} for i, v in enumerate(values)],
        t, compression_type=None if codec == "none" else codec, acks="all" if acks == "all" else int(acks),
        linger_ms=50,
    )
    if acks != "0":
        assert [m.offset for m in metadata] == list(range(50))
    got = [(r.offset, r.key, r.value, r.timestamp) for r in consume(t, 0, 0, 50)]
    assert got == [(i, str(i).encode(), v, BASE_TIMESTAMP_MS + i) for i, v in enumerate(values)]


def test_one_megabyte_message():
    # A 1,000,000-byte value is stored and fetched intact between two small messages, even
    # though it exceeds the consumer's max_partition_fetch_bytes (the first batch always comes).
    t = topic_name("kp-big")
    create_topic(t, 1)
    big = os.urandom(ONE_MEGABYTE)
    metadata = produce([{"value": b"a"}, {"value": big}, {"value": b"c"}], t, linger_ms=0)
    assert [m.offset for m in metadata] == [0, 1, 2]
    records = consume(t, 0, 0, 3, max_partition_fetch_bytes=65536)
    assert [(r.offset, len(r.value)) for r in records] == [(0, 1), (1, ONE_MEGABYTE), (2, 1)]
    assert records[1].value == big


def test_per_partition_order_over_10k_keyed_messages():
    # 10,000 keyed messages to a 3-partition topic (created with KafkaAdminClient) land where
    # murmur2 puts each key, at contiguous offsets, in production order per partition.
    t = topic_name("kp-order")
    create_topic(t, 3)
    messages = keyed_messages(10_000, 37)
    metadata = produce([{"key": k, "value": v} for k, v in messages], t, acks="all",
                       max_in_flight_requests_per_connection=1)
    layout = expected_layout(messages, 3)
    assert [(m.partition, m.offset) for m in metadata] == [
        (p, o) for p, o in _positions(messages, layout)
    ]
    for partition in range(3):
        records = consume(t, partition, 0, len(layout[partition]))
        assert [(r.offset, r.key, r.value) for r in records] == layout[partition]


def _positions(messages, layout):
    """(partition, offset) of each message in production order, from the expected layout."""
    index = {}
    for p, rows in layout.items():
        for offset, key, value in rows:
            index[(key, value)] = (p, offset)
    return [index[m] for m in messages]


def test_seek_end_offsets_and_offsets_for_times():
    # seek() repositions to an exact offset; beginning/end offsets are (0, count);
    # offsets_for_times gives the first offset with timestamp >= the asked one, None after
    # the last message.
    t = topic_name("kp-seek")
    create_topic(t, 1)
    produce([{"value": f"m{i}".encode(), "timestamp_ms": BASE_TIMESTAMP_MS + 10 * i} for i in range(20)], t)
    c = consumer()
    tp = TopicPartition(t, 0)
    try:
        c.assign([tp])
        c.seek(tp, 0)
        assert [r.value for r in poll_exactly(c, 20)] == [f"m{i}".encode() for i in range(20)]
        c.seek(tp, 13)
        assert [(r.offset, r.value) for r in poll_exactly(c, 7)] == [(i, f"m{i}".encode()) for i in range(13, 20)]
        assert c.beginning_offsets([tp]) == {tp: 0}
        assert c.end_offsets([tp]) == {tp: 20}
        asked = [BASE_TIMESTAMP_MS - 1, BASE_TIMESTAMP_MS + 55, BASE_TIMESTAMP_MS + 190, BASE_TIMESTAMP_MS + 191]
        found = [c.offsets_for_times({tp: ts})[tp] for ts in asked]
        assert [(f.offset, f.timestamp) if f else None for f in found] == [
            (0, BASE_TIMESTAMP_MS), (6, BASE_TIMESTAMP_MS + 60), (19, BASE_TIMESTAMP_MS + 190), None,
        ]
    finally:
        c.close()


@pytest.mark.idempotence
def test_idempotent_producer_default():
    # kafka-python's default producer (idempotent) gets a producer id and stores every
    # message once, in order.
    t = topic_name("kp-idem")
    create_topic(t, 1)
    p = KafkaProducer(bootstrap_servers=BOOTSTRAP, max_block_ms=10_000, request_timeout_ms=10_000)
    try:
        futures = [p.send(t, key=b"k", value=f"{i}".encode()) for i in range(100)]
        p.flush(30)
        assert [f.get(timeout=30).offset for f in futures] == list(range(100))
    finally:
        p.close(timeout=5)
    assert [r.value for r in consume(t, 0, 0, 100)] == [f"{i}".encode() for i in range(100)]

"""confluent-kafka (the current librdkafka) against a real broker: admin, producer, consumer.

Consumers are assigned partitions by hand (assign + offsets) and never commit; librdkafka
insists on a group.id, which is set but never used for a join. Every test asserts exact
offsets, keys, values, headers and timestamps.
"""
import os
import time

import pytest
from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

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


def admin():
    return AdminClient({"bootstrap.servers": BOOTSTRAP})


def create_topic(name, partitions):
    client = admin()  # kept alive until the future resolves: destroying it fails the future
    futures = client.create_topics([NewTopic(name, num_partitions=partitions, replication_factor=1)])
    futures[name].result(timeout=30)


def produce(messages, topic, **config):
    """Produces dicts of Producer.produce() arguments in order; returns the delivery
    reports as (partition, offset) in delivery order, failing on any delivery error."""
    producer = Producer({"bootstrap.servers": BOOTSTRAP, "linger.ms": 5, **config})
    reports = []

    def delivered(err, msg):
        if err is not None:
            reports.append(("error", str(err)))
        else:
            reports.append((msg.partition(), msg.offset()))

    for m in messages:
        while True:
            try:
                producer.produce(topic, on_delivery=delivered, **m)
                break
            except BufferError:
                producer.poll(0.1)
    remaining = producer.flush(60)
    assert remaining == 0, f"{remaining} messages not delivered within 60 s"
    errors = [r for r in reports if r[0] == "error"]
    assert not errors, f"delivery errors: {errors[:5]}"
    assert len(reports) == len(messages), f"{len(reports)} delivery reports for {len(messages)} messages"
    return reports


def consumer(**config):
    return Consumer({
        "bootstrap.servers": BOOTSTRAP,
        "group.id": "strom-interop-manual-assignment",
        "enable.auto.commit": False,
        "enable.auto.offset.store": False,
        "fetch.wait.max.ms": 100,
        **config,
    })


def poll_exactly(c, count, timeout_s=30):
    """Polls until `count` messages arrived, then briefly more to prove there are no extra."""
    out = []
    deadline = time.time() + timeout_s
    while len(out) < count and time.time() < deadline:
        msg = c.poll(0.2)
        if msg is None:
            continue
        assert msg.error() is None, f"consumer error: {msg.error()}"
        out.append(msg)
    assert len(out) == count, f"consumed {len(out)} messages, expected {count}"
    extra = c.poll(0.5)
    assert extra is None or extra.error() is not None, f"unexpected extra message at offset {extra.offset()}"
    return out


def consume(topic, partition, offset, count, **config):
    c = consumer(**config)
    try:
        c.assign([TopicPartition(topic, partition, offset)])
        return poll_exactly(c, count)
    finally:
        c.close()


def summary(msgs):
    return [(m.partition(), m.offset(), m.key(), m.value(), m.headers(), m.timestamp()) for m in msgs]


def test_admin_create_list_and_duplicate_topic():
    # CreateTopics makes a topic with the asked partition count, Metadata lists it, and a
    # second CreateTopics for the same name fails with TOPIC_ALREADY_EXISTS.
    t = topic_name("cf-admin")
    create_topic(t, 3)
    md = admin().list_topics(topic=t, timeout=10)
    assert md.topics[t].error is None
    assert sorted(md.topics[t].partitions) == [0, 1, 2]
    broker_ids = sorted(md.brokers)
    assert len(broker_ids) == 1
    assert [md.topics[t].partitions[p].leader for p in range(3)] == broker_ids * 3
    with pytest.raises(KafkaException) as err:
        create_topic(t, 1)
    assert err.value.args[0].code() == KafkaError.TOPIC_ALREADY_EXISTS
    # All topics: librdkafka's request carries 3 stray bytes (librdkafka#5049) that the
    # broker must ignore, as Kafka does, instead of dropping the connection.
    everything = admin().list_topics(timeout=10)
    assert t in everything.topics
    assert sorted(everything.topics[t].partitions) == [0, 1, 2]


def test_keys_values_headers_timestamps_nulls_tombstones():
    # Keys, null keys, headers (including repeated names and empty values), explicit create
    # timestamps and tombstones (null values) come back exactly as produced.
    t = topic_name("cf-basic")
    create_topic(t, 1)
    ts = BASE_TIMESTAMP_MS
    reports = produce([
        {"key": b"k1", "value": b"v1", "headers": [("h", b"1"), ("h", b"2"), ("empty", b"")], "timestamp": ts},
        {"key": None, "value": b"no-key", "timestamp": ts + 500},
        {"key": b"gone", "value": None, "timestamp": ts + 1000},
        {"key": b"", "value": b"", "headers": [("only", b"header")], "timestamp": ts + 1500},
    ], t, **{"acks": "all"})
    assert reports == [(0, 0), (0, 1), (0, 2), (0, 3)]
    create_time = 1  # confluent_kafka.TIMESTAMP_CREATE_TIME
    assert summary(consume(t, 0, 0, 4)) == [
        (0, 0, b"k1", b"v1", [("h", b"1"), ("h", b"2"), ("empty", b"")], (create_time, ts)),
        (0, 1, None, b"no-key", None, (create_time, ts + 500)),
        (0, 2, b"gone", None, None, (create_time, ts + 1000)),
        (0, 3, b"", b"", [("only", b"header")], (create_time, ts + 1500)),
    ]


@pytest.mark.parametrize("acks", ACKS)
@pytest.mark.parametrize("codec", CODECS)
def test_codec_and_acks(codec, acks):
    # A batch compressed with each codec, produced with each acks setting, is read back
    # whole and in order; with acks 1/all the delivery reports carry the exact offsets.
    t = topic_name(f"cf-{codec}-{acks}")
    create_topic(t, 1)
    values = [f"{codec}-{acks}-{i}-".encode() * 20 for i in range(50)]
    reports = produce(
        [{"key": str(i).encode(), "value": v, "timestamp": BASE_TIMESTAMP_MS + i} for i, v in enumerate(values)],
        t, **{"compression.codec": codec, "acks": acks, "linger.ms": 50},
    )
    if acks != "0":
        assert reports == [(0, i) for i in range(50)]
    msgs = consume(t, 0, 0, 50)
    assert [(m.offset(), m.key(), m.value(), m.timestamp()[1]) for m in msgs] == [
        (i, str(i).encode(), v, BASE_TIMESTAMP_MS + i) for i, v in enumerate(values)
    ]


def test_one_megabyte_message():
    # A 1,000,000-byte value (under the default max.message.bytes of 1048588 with batch
    # overhead) is stored and fetched intact between two small messages.
    t = topic_name("cf-big")
    create_topic(t, 1)
    big = os.urandom(ONE_MEGABYTE)
    reports = produce([{"value": b"a"}, {"value": big}, {"value": b"c"}], t,
                      **{"message.max.bytes": 2_000_000, "linger.ms": 0})
    assert reports == [(0, 0), (0, 1), (0, 2)]
    msgs = consume(t, 0, 0, 3)
    assert [(m.offset(), len(m.value())) for m in msgs] == [(0, 1), (1, ONE_MEGABYTE), (2, 1)]
    assert msgs[1].value() == big


def test_per_partition_order_over_10k_keyed_messages():
    # 10,000 keyed messages to a 3-partition topic land where murmur2 puts each key, at
    # contiguous offsets, and each partition returns them in production order.
    t = topic_name("cf-order")
    create_topic(t, 3)
    messages = keyed_messages(10_000, 37)
    reports = produce([{"key": k, "value": v} for k, v in messages], t,
                      **{"partitioner": "murmur2_random", "acks": "all"})
    layout = expected_layout(messages, 3)
    got_reports = {p: sorted(o for rp, o in reports if rp == p) for p in range(3)}
    assert got_reports == {p: list(range(len(layout[p]))) for p in range(3)}
    for partition in range(3):
        msgs = consume(t, partition, 0, len(layout[partition]))
        assert [(m.offset(), m.key(), m.value()) for m in msgs] == layout[partition]


def test_seek_watermarks_and_offsets_for_times():
    # seek() moves the fetch position to an exact offset; the watermarks are (0, count);
    # offsets_for_times returns the first offset whose timestamp is >= the asked one, and
    # the end (-1) for a timestamp after every message.
    t = topic_name("cf-seek")
    create_topic(t, 1)
    produce([{"value": f"m{i}".encode(), "timestamp": BASE_TIMESTAMP_MS + 10 * i} for i in range(20)], t)
    c = consumer()
    try:
        c.assign([TopicPartition(t, 0, 0)])
        first = poll_exactly(c, 20)
        assert [m.value() for m in first] == [f"m{i}".encode() for i in range(20)]
        c.seek(TopicPartition(t, 0, 13))
        again = poll_exactly(c, 7)
        assert [(m.offset(), m.value()) for m in again] == [(i, f"m{i}".encode()) for i in range(13, 20)]
        assert c.get_watermark_offsets(TopicPartition(t, 0), timeout=10) == (0, 20)
        asked = [BASE_TIMESTAMP_MS - 1, BASE_TIMESTAMP_MS + 55, BASE_TIMESTAMP_MS + 190, BASE_TIMESTAMP_MS + 191]
        found = [c.offsets_for_times([TopicPartition(t, 0, ts)], timeout=10)[0].offset for ts in asked]
        assert found == [0, 6, 19, -1]
    finally:
        c.close()


def test_unknown_partition_is_reported():
    # Producing to a partition the topic does not have fails the delivery with
    # UNKNOWN_PARTITION rather than succeeding or hanging.
    t = topic_name("cf-nopart")
    create_topic(t, 1)
    producer = Producer({"bootstrap.servers": BOOTSTRAP, "message.timeout.ms": 5000})
    errors = []
    producer.produce(t, value=b"x", partition=5, on_delivery=lambda err, msg: errors.append(err))
    producer.flush(15)
    assert [e.code() for e in errors] == [KafkaError._UNKNOWN_PARTITION]


@pytest.mark.idempotence
def test_idempotent_producer():
    # With enable.idempotence the producer gets a producer id and every message is stored
    # once, in order.
    t = topic_name("cf-idem")
    create_topic(t, 1)
    reports = produce([{"key": b"k", "value": f"{i}".encode()} for i in range(100)], t,
                      **{"enable.idempotence": True})
    assert reports == [(0, i) for i in range(100)]
    assert [m.value() for m in consume(t, 0, 0, 100)] == [f"{i}".encode() for i in range(100)]

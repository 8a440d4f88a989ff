"""confluent-kafka (current librdkafka) and kafka-python against a real strom process.

Consumers use manual partition assignment (consumer groups are a later milestone), and
kafka-python producers disable idempotence (InitProducerId is part of the log-engine issue).
Every test asserts exact offsets, keys, values, headers and timestamps.
"""
import os
import time
import uuid

import pytest
from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka import TopicPartition as KTopicPartition
from kafka.admin import NewTopic as KNewTopic

BOOTSTRAP = os.environ["STROM_BOOTSTRAP"]
CODECS = ["none", "gzip", "snappy", "lz4", "zstd"]


def topic_name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def create_topic(name, partitions):
    admin = AdminClient({"bootstrap.servers": BOOTSTRAP})
    futures = admin.create_topics([NewTopic(name, num_partitions=partitions, replication_factor=1)])
    futures[name].result(timeout=30)


def produce(messages, topic, **config):
    """messages: list of dicts with partition/key/value/headers/timestamp; returns offsets."""
    producer = Producer({"bootstrap.servers": BOOTSTRAP, "linger.ms": 5, **config})
    offsets = []

    def done(err, msg):
        assert err is None, err
        offsets.append((msg.partition(), msg.offset()))

    for m in messages:
        producer.produce(topic, on_delivery=done, **m)
    assert producer.flush(30) == 0
    return offsets


def consume(topic, partition, offset, count, **config):
    consumer = Consumer({
        "bootstrap.servers": BOOTSTRAP,
        "group.id": "unused-manual-assignment",
        "enable.auto.commit": False,
        "fetch.wait.max.ms": 100,
        **config,
    })
    consumer.assign([TopicPartition(topic, partition, offset)])
    out = []
    deadline = time.time() + 30
    while len(out) < count and time.time() < deadline:
        msg = consumer.poll(0.5)
        if msg is None:
            continue
        assert msg.error() is None, msg.error()
        out.append(msg)
    consumer.close()
    assert len(out) == count, f"got {len(out)} of {count}"
    return out


def test_confluent_keys_values_headers_timestamps_nulls():
    t = topic_name("cf-basic")
    create_topic(t, 1)
    produce([
        {"key": b"k1", "value": b"v1", "headers": [("h", b"1")], "timestamp": 1_600_000_000_000},
        {"key": None, "value": b"no-key", "timestamp": 1_600_000_000_500},
        {"key": b"gone", "value": None, "timestamp": 1_600_000_001_000},
    ], t)
    msgs = consume(t, 0, 0, 3)
    got = [(m.offset(), m.key(), m.value(), m.headers(), m.timestamp()[1]) for m in msgs]
    assert got == [
        (0, b"k1", b"v1", [("h", b"1")], 1_600_000_000_000),
        (1, None, b"no-key", None, 1_600_000_000_500),
        (2, b"gone", None, None, 1_600_000_001_000),
    ]
    consumer = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": "x"})
    found = consumer.offsets_for_times([TopicPartition(t, 0, 1_600_000_000_400)], timeout=10)
    assert [(p.partition, p.offset) for p in found] == [(0, 1)]
    low, high = consumer.get_watermark_offsets(TopicPartition(t, 0), timeout=10)
    assert (low, high) == (0, 3)
    consumer.close()


@pytest.mark.parametrize("codec", CODECS)
@pytest.mark.parametrize("acks", ["0", "1", "all"])
def test_confluent_codecs_and_acks(codec, acks):
    t = topic_name(f"cf-{codec}")
    create_topic(t, 1)
    values = [f"{codec}-{i}".encode() * 20 for i in range(50)]
    produce([{"key": str(i).encode(), "value": v} for i, v in enumerate(values)], t,
            **{"compression.codec": codec, "acks": acks})
    msgs = consume(t, 0, 0, 50)
    assert [m.value() for m in msgs] == values
    assert [m.offset() for m in msgs] == list(range(50))


def test_confluent_one_megabyte_message_and_seek():
    t = topic_name("cf-big")
    create_topic(t, 1)
    big = os.urandom(1_000_000)
    produce([{"value": b"a"}, {"value": big}, {"value": b"c"}], t, **{"message.max.bytes": 2_000_000})
    msgs = consume(t, 0, 1, 2)
    assert [(m.offset(), len(m.value())) for m in msgs] == [(1, 1_000_000), (2, 1)]
    assert msgs[0].value() == big


def test_confluent_per_partition_order_over_10k_keyed_messages():
    t = topic_name("cf-order")
    create_topic(t, 3)
    messages = [{"key": f"key-{i % 37}".encode(), "value": str(i).encode()} for i in range(10_000)]
    offsets = produce(messages, t)
    assert len(offsets) == 10_000
    per_partition = {}
    for p, _ in offsets:
        per_partition[p] = per_partition.get(p, 0) + 1
    assert sum(per_partition.values()) == 10_000
    for partition, count in per_partition.items():
        msgs = consume(t, partition, 0, count)
        assert [m.offset() for m in msgs] == list(range(count))
        by_key = {}
        for m in msgs:
            by_key.setdefault(m.key(), []).append(int(m.value()))
        for key, seq in by_key.items():
            assert seq == sorted(seq), f"order broken for {key}"
            assert all(int(key.split(b"-")[1]) == v % 37 for v in seq)


@pytest.mark.parametrize("codec", ["gzip", "snappy", "lz4", "zstd"])
def test_cross_client_confluent_to_kafka_python_and_back(codec):
    t = topic_name(f"x-{codec}")
    create_topic(t, 1)
    produce([{"key": b"a", "value": b"from-confluent"}], t, **{"compression.codec": codec})
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, enable_idempotence=False,
                             compression_type=codec)
    producer.send(t, key=b"b", value=b"from-kafka-python", headers=[("x", b"y")]).get(timeout=30)
    producer.close()
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, enable_auto_commit=False, consumer_timeout_ms=10_000)
    tp = KTopicPartition(t, 0)
    consumer.assign([tp])
    consumer.seek(tp, 0)
    got = []
    for record in consumer:
        got.append((record.offset, record.key, record.value, record.headers))
        if len(got) == 2:
            break
    consumer.close()
    assert got == [(0, b"a", b"from-confluent", []), (1, b"b", b"from-kafka-python", [("x", b"y")])]
    msgs = consume(t, 0, 0, 2)
    assert [m.value() for m in msgs] == [b"from-confluent", b"from-kafka-python"]


def test_kafka_python_admin_producer_consumer():
    t = topic_name("kp")
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    admin.create_topics([KNewTopic(t, num_partitions=2, replication_factor=1)])
    assert t in admin.list_topics()
    admin.close()
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all", enable_idempotence=False)
    for i in range(20):
        producer.send(t, partition=i % 2, key=f"k{i}".encode(), value=f"v{i}".encode(), timestamp_ms=1_700_000_000_000 + i)
    producer.flush(30)
    producer.close()
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, enable_auto_commit=False, consumer_timeout_ms=10_000)
    tp = KTopicPartition(t, 1)
    consumer.assign([tp])
    consumer.seek(tp, 3)
    got = [(r.offset, r.value, r.timestamp) for r in consumer]
    assert got[:7] == [(o, f"v{2 * o + 1}".encode(), 1_700_000_000_000 + 2 * o + 1) for o in range(3, 10)]
    assert len(got) == 7
    found = consumer.offsets_for_times({tp: 1_700_000_000_010})
    assert found[tp].offset == 5
    consumer.close()

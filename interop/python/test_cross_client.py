"""Cross-client: what librdkafka (confluent-kafka) writes, kafka-python reads, and back,
for every compression codec, with keys, headers and timestamps checked exactly.

The broker stores batches as the client compressed them, so each direction exercises the
other client's decompressor on bytes that went through the broker unchanged.
"""
import pytest

import test_confluent as cf
import test_kafka_python as kp
from conftest import BASE_TIMESTAMP_MS, CODECS, topic_name

ROWS = [
    (b"k0", b"first", [("h", b"0")], BASE_TIMESTAMP_MS),
    (None, b"no-key", [], BASE_TIMESTAMP_MS + 1),
    (b"k2", None, [("a", b"1"), ("b", b"")], BASE_TIMESTAMP_MS + 2),
] + [(f"k{i}".encode(), f"value-{i}-".encode() * 30, [], BASE_TIMESTAMP_MS + i) for i in range(3, 100)]


@pytest.mark.parametrize("codec", CODECS)
def test_confluent_produces_kafka_python_consumes(codec):
    # A confluent-kafka batch compressed with `codec` reads back exactly in kafka-python.
    t = topic_name(f"x-cf-kp-{codec}")
    cf.create_topic(t, 1)
    reports = cf.produce(
        [{"key": k, "value": v, "headers": h or None, "timestamp": ts} for k, v, h, ts in ROWS], t,
        **{"compression.codec": codec, "linger.ms": 50},
    )
    assert reports == [(0, i) for i in range(len(ROWS))]
    got = [(r.offset, r.key, r.value, r.headers, r.timestamp) for r in kp.consume(t, 0, 0, len(ROWS))]
    assert got == [(i, k, v, h, ts) for i, (k, v, h, ts) in enumerate(ROWS)]


@pytest.mark.parametrize("codec", CODECS)
def test_kafka_python_produces_confluent_consumes(codec):
    # A kafka-python batch compressed with `codec` reads back exactly in confluent-kafka.
    t = topic_name(f"x-kp-cf-{codec}")
    kp.create_topic(t, 1)
    metadata = kp.produce(
        [{"key": k, "value": v, "headers": h, "timestamp_ms": ts} for k, v, h, ts in ROWS], t,
        compression_type=None if codec == "none" else codec, linger_ms=50,
    )
    assert [(m.partition, m.offset) for m in metadata] == [(0, i) for i in range(len(ROWS))]
    got = [(m.offset(), m.key(), m.value(), m.headers(), m.timestamp()[1]) for m in cf.consume(t, 0, 0, len(ROWS))]
    assert got == [(i, k, v, h or None, ts) for i, (k, v, h, ts) in enumerate(ROWS)]

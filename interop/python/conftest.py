"""Shared fixtures and helpers for the Python interop suites.

Every suite talks to the broker named by STROM_BOOTSTRAP (host:port) and creates topics with
names unique to the run, so suites can share one broker and be re-run against it. Consumers
use manual partition assignment, except in test_groups.py (consumer groups).

Features another broker under test may lack can be relaxed by environment variables; by
default everything strom serves is required:
  STROM_IDEMPOTENCE=0  idempotent producer (InitProducerId) tests still run but are reported
                       as xfail/xpass instead of failing the run.
  STROM_GROUPS=0       consumer group tests (marker `groups`) likewise.
"""
import os
import uuid

import pytest
from kafka.partitioner.default import murmur2

BOOTSTRAP = os.environ.get("STROM_BOOTSTRAP", "")
CODECS = ["none", "gzip", "snappy", "lz4", "zstd"]
ACKS = ["0", "1", "all"]
# Explicit create timestamps (ms) far from "now", so a wrong timestamp cannot pass by accident.
BASE_TIMESTAMP_MS = 1_600_000_000_000
# Largest payload that fits Kafka's default max.message.bytes (1048588) with batch overhead.
ONE_MEGABYTE = 1_000_000


def pytest_configure(config):
    config.addinivalue_line("markers", "idempotence: needs InitProducerId on the broker")
    config.addinivalue_line("markers", "groups: needs consumer groups on the broker")
    if not BOOTSTRAP:
        pytest.exit("set STROM_BOOTSTRAP=host:port (scripts/interop does this)", returncode=2)


def pytest_collection_modifyitems(config, items):
    for marker, variable, what in [("idempotence", "STROM_IDEMPOTENCE", "idempotent producer"),
                                   ("groups", "STROM_GROUPS", "consumer groups")]:
        if os.environ.get(variable) != "0":
            continue
        gate = pytest.mark.xfail(reason=f"{variable}=0: {what} not required", strict=False)
        for item in items:
            if marker in item.keywords:
                item.add_marker(gate)


def topic_name(prefix):
    """A topic name no earlier run used: the suites never clean up and never collide."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def expected_partition(key, partitions):
    """Where Kafka's default (murmur2) partitioner puts a key, as the Java client and
    kafka-python do, and librdkafka with partitioner=murmur2_random."""
    return (murmur2(key) & 0x7FFFFFFF) % partitions


def keyed_messages(count, keys):
    """count (key, value) pairs cycling over `keys` distinct keys; the value carries the
    global sequence number so order per key can be checked exactly."""
    return [(f"key-{i % keys}".encode(), f"{i}".encode()) for i in range(count)]


def expected_layout(messages, partitions):
    """partition -> [(offset, key, value)] a broker must hold after `messages` are produced
    in order by one producer with the murmur2 partitioner and at most one request in flight
    per partition (or retries that keep order)."""
    layout = {p: [] for p in range(partitions)}
    for key, value in messages:
        p = expected_partition(key, partitions)
        layout[p].append((len(layout[p]), key, value))
    return layout

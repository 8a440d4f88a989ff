"""Admin APIs with real admin clients: confluent-kafka's AdminClient (librdkafka) and
kafka-python's KafkaAdminClient create, list, describe, alter and delete topics, configs and
partitions. Every assertion is exact: config values and sources, partition counts, error
codes; new partitions take records at once and max.message.bytes is enforced.
"""
import pytest
from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import (AdminClient, AlterConfigOpType, ConfigEntry, ConfigResource,
                                   ConfigSource, NewPartitions, NewTopic)

from conftest import BOOTSTRAP, topic_name


def admin():
    return AdminClient({"bootstrap.servers": BOOTSTRAP})


def create(client, name, partitions=1, config=None, validate_only=False):
    futures = client.create_topics([NewTopic(name, num_partitions=partitions, replication_factor=1,
                                             config=config or {})],
                                   validate_only=validate_only, operation_timeout=10)
    return futures[name].result(30)


def topic_configs(client, name):
    resource = ConfigResource(ConfigResource.Type.TOPIC, name)
    return client.describe_configs([resource])[resource].result(30)


def partition_count(client, name):
    md = client.list_topics(name, timeout=10)
    return len(md.topics[name].partitions)


def produce(name, partition, value, key=None):
    """(error code or None, offset) of one message."""
    out = []
    p = Producer({"bootstrap.servers": BOOTSTRAP, "message.max.bytes": 10_000_000,
                  "topic.metadata.refresh.interval.ms": 1000})
    p.produce(name, key=key, value=value, partition=partition,
              on_delivery=lambda err, msg: out.append((err.code() if err else None, msg.offset())))
    assert p.flush(30) == 0
    return out[0]


def test_confluent_topic_configs_describe_alter_incremental():
    client = admin()
    name = topic_name("adm-cfg")
    create(client, name, config={"cleanup.policy": "compact", "retention.ms": "3600000"})
    configs = topic_configs(client, name)
    assert configs["cleanup.policy"].value == "compact"
    assert configs["cleanup.policy"].source == ConfigSource.DYNAMIC_TOPIC_CONFIG.value
    assert configs["retention.ms"].value == "3600000"
    assert configs["max.message.bytes"].value == "1048588"
    assert configs["max.message.bytes"].source == ConfigSource.DEFAULT_CONFIG.value
    assert configs["max.message.bytes"].is_read_only is False

    # Incremental: set, append to a list, delete; validate_only first changes nothing.
    resource = ConfigResource(ConfigResource.Type.TOPIC, name, incremental_configs=[
        ConfigEntry("max.message.bytes", "2000", incremental_operation=AlterConfigOpType.SET),
        ConfigEntry("cleanup.policy", "delete", incremental_operation=AlterConfigOpType.APPEND),
        ConfigEntry("retention.ms", None, incremental_operation=AlterConfigOpType.DELETE),
    ])
    client.incremental_alter_configs([resource], validate_only=True)[resource].result(30)
    assert topic_configs(client, name)["max.message.bytes"].value == "1048588"
    client.incremental_alter_configs([resource])[resource].result(30)
    configs = topic_configs(client, name)
    assert configs["max.message.bytes"].value == "2000"
    assert configs["cleanup.policy"].value == "compact,delete"
    assert configs["retention.ms"].value == "604800000"
    assert configs["retention.ms"].source == ConfigSource.DEFAULT_CONFIG.value

    # Enforced at once: a 3000-byte record is refused, a small one goes in (keyed: the
    # topic is compacted now, and keyless records are refused there).
    code, _ = produce(name, 0, b"x" * 3000, key=b"k")
    assert code == KafkaError.MSG_SIZE_TOO_LARGE
    assert produce(name, 0, b"small", key=b"k") == (None, 0)
    assert produce(name, 0, b"keyless")[0] == KafkaError.INVALID_RECORD

    # A bad value is refused naming the key, and changes nothing.
    bad = ConfigResource(ConfigResource.Type.TOPIC, name, incremental_configs=[
        ConfigEntry("retention.ms", "forever", incremental_operation=AlterConfigOpType.SET)])
    with pytest.raises(KafkaException) as raised:
        client.incremental_alter_configs([bad])[bad].result(30)
    assert raised.value.args[0].code() == KafkaError.INVALID_CONFIG
    assert "retention.ms" in raised.value.args[0].str()
    assert topic_configs(client, name)["retention.ms"].value == "604800000"

    # Unknown topic.
    missing = ConfigResource(ConfigResource.Type.TOPIC, topic_name("adm-missing"))
    with pytest.raises(KafkaException) as raised:
        client.describe_configs([missing])[missing].result(30)
    assert raised.value.args[0].code() == KafkaError.UNKNOWN_TOPIC_OR_PART


def test_confluent_broker_configs_are_described_and_static():
    client = admin()
    broker_id = str(client.list_topics(timeout=10).controller_id)
    resource = ConfigResource(ConfigResource.Type.BROKER, broker_id)
    configs = client.describe_configs([resource])[resource].result(30)
    assert configs["num.partitions"].is_read_only is True
    assert configs["message.max.bytes"].value == "1048588"
    change = ConfigResource(ConfigResource.Type.BROKER, broker_id, incremental_configs=[
        ConfigEntry("log.retention.ms", "1000", incremental_operation=AlterConfigOpType.SET)])
    with pytest.raises(KafkaException) as raised:
        client.incremental_alter_configs([change])[change].result(30)
    assert raised.value.args[0].code() == KafkaError.INVALID_REQUEST


def test_confluent_create_partitions_then_produce_and_consume():
    client = admin()
    name = topic_name("adm-parts")
    create(client, name, partitions=2)
    client.create_partitions([NewPartitions(name, 4)], validate_only=True)[name].result(30)
    assert partition_count(client, name) == 2
    client.create_partitions([NewPartitions(name, 4)])[name].result(30)
    assert partition_count(client, name) == 4
    assert produce(name, 3, b"in-new-partition") == (None, 0)
    c = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": "adm-parts", "enable.auto.commit": False})
    try:
        c.assign([TopicPartition(name, 3, 0)])
        msg = None
        for _ in range(100):
            msg = c.poll(0.2)
            if msg is not None:
                break
        assert msg is not None and msg.error() is None
        assert (msg.partition(), msg.offset(), msg.value()) == (3, 0, b"in-new-partition")
    finally:
        c.close()
    with pytest.raises(KafkaException) as raised:
        client.create_partitions([NewPartitions(name, 3)])[name].result(30)
    assert raised.value.args[0].code() == KafkaError.INVALID_PARTITIONS


def test_confluent_create_list_delete_topics():
    client = admin()
    name = topic_name("adm-topic")
    create(client, name, partitions=3, validate_only=True)
    assert name not in client.list_topics(timeout=10).topics
    create(client, name, partitions=3)
    assert partition_count(client, name) == 3
    with pytest.raises(KafkaException) as raised:
        create(client, name, partitions=3)
    assert raised.value.args[0].code() == KafkaError.TOPIC_ALREADY_EXISTS
    with pytest.raises(KafkaException) as raised:
        create(client, topic_name("adm-bad"), config={"retention.ms": "x"})
    assert raised.value.args[0].code() == KafkaError.INVALID_CONFIG
    client.delete_topics([name], operation_timeout=10)[name].result(30)
    assert name not in client.list_topics(timeout=10).topics


def test_kafka_python_admin_topics_configs_partitions():
    from kafka.admin import ConfigResource as KpResource, ConfigResourceType, KafkaAdminClient
    from kafka.admin import NewPartitions as KpNewPartitions, NewTopic as KpNewTopic
    client = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    try:
        name = topic_name("adm-kp")
        client.create_topics([KpNewTopic(name, num_partitions=1, replication_factor=1,
                                         topic_configs={"retention.ms": "5000"})])
        assert name in client.list_topics()
        # kafka-python 3.x answers {type: {name: {key: {value, config_source, ...}}}}.
        entries = client.describe_configs([KpResource(ConfigResourceType.TOPIC, name)],
                                          config_filter="all")["topic"][name]
        assert entries["retention.ms"]["value"] == "5000"
        assert entries["retention.ms"]["config_source"] == "DYNAMIC_TOPIC_CONFIG"
        assert entries["cleanup.policy"]["value"] == "delete"
        assert entries["cleanup.policy"]["config_source"] == "DEFAULT_CONFIG"
        client.alter_configs([KpResource(ConfigResourceType.TOPIC, name,
                                         configs={"retention.ms": "6000", "segment.ms": "70000"})])
        # Its default filter, "modified": only the overrides.
        entries = client.describe_configs([KpResource(ConfigResourceType.TOPIC, name)])["topic"][name]
        assert sorted(entries) == ["retention.ms", "segment.ms"]
        assert (entries["retention.ms"]["value"], entries["segment.ms"]["value"]) == ("6000", "70000")
        client.create_partitions({name: KpNewPartitions(total_count=3)})
        assert partition_count(admin(), name) == 3
        client.delete_topics([name])
        assert name not in client.list_topics()
    finally:
        client.close()

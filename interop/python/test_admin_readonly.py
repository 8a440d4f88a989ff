"""Read-only cluster admin APIs with real admin clients: confluent-kafka's AdminClient
(librdkafka) describes the cluster, topics (DescribeTopicPartitions or Metadata, whichever
librdkafka picks) and lists offsets; kafka-python's KafkaAdminClient describes the cluster
(DescribeCluster), log dirs (DescribeLogDirs) and asks for leader elections (ElectLeaders).
Every assertion is exact: ids, partition counts, leaders, offsets, sizes, error codes.
"""
import os

from confluent_kafka import Producer, TopicCollection, TopicPartition
from confluent_kafka.admin import AclOperation, AdminClient, NewTopic, OffsetSpec
from kafka.admin import KafkaAdminClient

from conftest import BOOTSTRAP, topic_name

# What Kafka allows on the cluster and on a topic when no authorizer is configured.
CLUSTER_OPERATIONS = {AclOperation.CREATE, AclOperation.ALTER, AclOperation.DESCRIBE,
                      AclOperation.CLUSTER_ACTION, AclOperation.DESCRIBE_CONFIGS,
                      AclOperation.ALTER_CONFIGS, AclOperation.IDEMPOTENT_WRITE}
TOPIC_OPERATIONS = {AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE,
                    AclOperation.DELETE, AclOperation.ALTER, AclOperation.DESCRIBE,
                    AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS}
ELECTION_NOT_NEEDED = 84
UNKNOWN_TOPIC_OR_PARTITION = 3


def admin():
    return AdminClient({"bootstrap.servers": BOOTSTRAP})


def create(client, name, partitions):
    futures = client.create_topics([NewTopic(name, num_partitions=partitions,
                                             replication_factor=1)], operation_timeout=10)
    futures[name].result(30)


def produce(name, partition, values):
    """Produces `values` in order to one partition; returns their offsets."""
    offsets = []
    p = Producer({"bootstrap.servers": BOOTSTRAP, "linger.ms": 0})
    for value in values:
        p.produce(name, value=value, partition=partition,
                  on_delivery=lambda err, msg: offsets.append(None if err else msg.offset()))
        p.flush(30)
    assert p.flush(30) == 0
    return offsets


def bootstrap_host_port():
    host, port = BOOTSTRAP.rsplit(":", 1)
    return host, int(port)


def test_confluent_describe_cluster():
    client = admin()
    result = client.describe_cluster(include_authorized_operations=True).result(30)
    host, port = bootstrap_host_port()
    assert len(result.nodes) == 1
    node = result.nodes[0]
    assert (node.host, node.port) == (host, port)
    assert result.controller.id == node.id
    assert len(result.cluster_id) == 22
    assert set(result.authorized_operations) == CLUSTER_OPERATIONS
    # Without the flag the bitfield is absent.
    plain = client.describe_cluster().result(30)
    assert plain.cluster_id == result.cluster_id
    assert not plain.authorized_operations
    # Metadata names the same cluster.
    assert client.list_topics(timeout=10).cluster_id == result.cluster_id


def test_confluent_describe_topics():
    client = admin()
    name = topic_name("ro-desc")
    create(client, name, 3)
    node_id = client.describe_cluster().result(30).nodes[0].id
    futures = client.describe_topics(TopicCollection([name]), include_authorized_operations=True)
    description = futures[name].result(30)
    assert description.name == name
    assert description.is_internal is False
    assert str(description.topic_id) != "AAAAAAAAAAAAAAAAAAAAAA"
    assert set(description.authorized_operations) == TOPIC_OPERATIONS
    assert [p.id for p in description.partitions] == [0, 1, 2]
    for p in description.partitions:
        assert p.leader.id == node_id
        assert [r.id for r in p.replicas] == [node_id]
        assert [r.id for r in p.isr] == [node_id]

    missing = topic_name("ro-missing")
    futures = client.describe_topics(TopicCollection([missing]))
    try:
        futures[missing].result(30)
        raise AssertionError("an unknown topic was described")
    except Exception as e:  # KafkaException carrying UNKNOWN_TOPIC_OR_PART
        assert e.args[0].code() == 3, e


def test_confluent_list_offsets():
    client = admin()
    name = topic_name("ro-offsets")
    create(client, name, 2)
    assert produce(name, 1, [b"a", b"b", b"c"]) == [0, 1, 2]
    specs = {TopicPartition(name, 0): OffsetSpec.latest(),
             TopicPartition(name, 1): OffsetSpec.latest()}
    got = {tp.partition: info.offset
           for tp, f in client.list_offsets(specs).items() for info in [f.result(30)]}
    assert got == {0: 0, 1: 3}
    earliest = client.list_offsets({TopicPartition(name, 1): OffsetSpec.earliest()})
    assert [f.result(30).offset for f in earliest.values()] == [0]


def kafka_python_admin():
    return KafkaAdminClient(bootstrap_servers=BOOTSTRAP, request_timeout_ms=30000)


def test_kafka_python_describe_cluster():
    client = kafka_python_admin()
    try:
        cluster = client.describe_cluster()
    finally:
        client.close()
    host, port = bootstrap_host_port()
    assert len(cluster["brokers"]) == 1
    broker = cluster["brokers"][0]
    assert (broker["host"], broker["port"], broker["rack"]) == (host, port, None)
    assert cluster["controller_id"] == broker["broker_id"]
    assert len(cluster["cluster_id"]) == 22
    # kafka-python turns the bitfield into operation names.
    assert sorted(cluster["authorized_operations"]) == sorted(op.name for op in CLUSTER_OPERATIONS)


def test_kafka_python_describe_log_dirs():
    client = kafka_python_admin()
    name = topic_name("ro-logdirs")
    create(admin(), name, 2)
    try:
        before = client.describe_log_dirs({name: [0, 1]})
        assert produce(name, 0, [b"x" * 100, b"y" * 200]) == [0, 1]
        after = client.describe_log_dirs({name: [0, 1]})
        everything = client.describe_log_dirs()
    finally:
        client.close()

    def sizes(responses):
        assert len(responses) == 1
        dirs = responses[0]["log_dirs"]
        assert len(dirs) == 1
        assert dirs[0]["error_code"] == 0
        assert os.path.isabs(dirs[0]["log_dir"])
        return {(t["name"], p["partition_index"]): p["partition_size"]
                for t in dirs[0]["topics"] for p in t["partitions"]}

    assert sizes(before) == {(name, 0): 0, (name, 1): 0}
    grown = sizes(after)
    # Two uncompressed batches of one keyless record each: a 61-byte batch header, then the
    # record: length (2) attributes (1) timestamp delta (1) offset delta (1) key length (1)
    # value length (2) value, header count (1) -> 61 + 9 + 100 and 61 + 9 + 200.
    assert grown[(name, 1)] == 0
    assert grown[(name, 0)] == 170 + 270
    assert sizes(everything)[(name, 0)] == grown[(name, 0)]
    log_dir = after[0]["log_dirs"][0]
    assert log_dir["total_bytes"] > 0
    assert 0 <= log_dir["usable_bytes"] <= log_dir["total_bytes"]


def test_kafka_python_elect_leaders():
    client = kafka_python_admin()
    name = topic_name("ro-elect")
    create(admin(), name, 2)
    try:
        response = client.elect_leaders(0, {name: [0, 1, 7]}, raise_errors=False)
    finally:
        client.close()
    results = {(t.topic, p.partition_id): p.error_code
               for t in response.replica_election_results for p in t.partition_result}
    assert results == {(name, 0): ELECTION_NOT_NEEDED, (name, 1): ELECTION_NOT_NEEDED,
                       (name, 7): UNKNOWN_TOPIC_OR_PARTITION}

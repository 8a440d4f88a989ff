"""Consumer groups with real clients: confluent-kafka (librdkafka; range and
cooperative-sticky assignors, static membership, admin) and kafka-python.

Each test uses its own topic and group. confluent-kafka consumers are polled round-robin
from one thread, kafka-python consumers each by a thread of its own (see PolledInThreads),
until an exact condition holds or a deadline passes; assertions are exact: disjoint
assignments covering every partition, every message consumed exactly once in total,
resumption at the committed offsets.
"""
import threading
import time
import uuid

import pytest
from confluent_kafka import Consumer, Producer
from confluent_kafka.admin import AdminClient, NewTopic

from conftest import BOOTSTRAP, topic_name

PARTITIONS = 6
pytestmark = pytest.mark.groups


def create_topic(name, partitions=PARTITIONS):
    client = AdminClient({"bootstrap.servers": BOOTSTRAP})
    client.create_topics([NewTopic(name, num_partitions=partitions, replication_factor=1)])[name].result(timeout=30)


def produce(topic, tag, per_partition, partitions=PARTITIONS):
    """per_partition messages into each partition; values are unique: tag-partition-i."""
    producer = Producer({"bootstrap.servers": BOOTSTRAP, "linger.ms": 5})
    values = []
    for p in range(partitions):
        for i in range(per_partition):
            value = f"{tag}-{p}-{i}"
            producer.produce(topic, value=value.encode(), partition=p)
            values.append(value)
    assert producer.flush(60) == 0
    return values


def group_consumer(group, **config):
    return Consumer({
        "bootstrap.servers": BOOTSTRAP,
        "group.id": group,
        "auto.offset.reset": "earliest",
        "session.timeout.ms": 10000,
        "heartbeat.interval.ms": 500,
        "fetch.wait.max.ms": 100,
        **config,
    })


def poll_until(consumers, done, timeout_s=60, out=None):
    """Polls every consumer in turn until done(out) holds; returns {consumer index: [values]}."""
    out = out if out is not None else {i: [] for i in range(len(consumers))}
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        for i, c in enumerate(consumers):
            msg = c.poll(0.05)
            if msg is None:
                continue
            assert msg.error() is None, f"consumer {i}: {msg.error()}"
            out[i].append(msg.value().decode())
        if done(out):
            return out
    raise AssertionError(f"condition not reached in {timeout_s} s: consumed {sum(len(v) for v in out.values())}")


def partitions_of(c):
    return sorted(tp.partition for tp in c.assignment())


def wait_balanced(consumers, topic, timeout_s=60):
    """Polls until the assignments are disjoint, cover all partitions and are balanced."""
    def balanced(_):
        owned = [partitions_of(c) for c in consumers]
        flat = sorted(p for ps in owned for p in ps)
        return flat == list(range(PARTITIONS)) and all(len(ps) == PARTITIONS // len(consumers) for ps in owned)
    poll_until(consumers, balanced, timeout_s)
    return [partitions_of(c) for c in consumers]


def exactly_once(consumed, expected):
    got = sorted(v for vs in consumed.values() for v in vs)
    assert got == sorted(expected), f"{len(got)} consumed vs {len(expected)} expected; duplicates: {len(got) - len(set(got))}"


@pytest.mark.parametrize("assignor", ["range", "cooperative-sticky"])
def test_confluent_three_consumers_leave_and_resume(assignor):
    """3 consumers share 6 partitions disjointly and consume every message exactly once; one
    leaving hands its partitions over without loss; a restarted group resumes at its
    committed offsets."""
    topic, group = topic_name("grp"), f"g-{uuid.uuid4().hex[:8]}"
    create_topic(topic)
    config = {"partition.assignment.strategy": assignor}
    consumers = [group_consumer(group, **config) for _ in range(3)]
    for c in consumers:
        c.subscribe([topic])
    owned = wait_balanced(consumers, topic)
    assert sorted(p for ps in owned for p in ps) == list(range(PARTITIONS))

    first = produce(topic, "a", 50)
    consumed = poll_until(consumers, lambda out: sum(map(len, out.values())) >= len(first))
    exactly_once(consumed, first)
    # Each consumer read exactly its own partitions.
    for i, values in consumed.items():
        assert sorted({int(v.split("-")[1]) for v in values}) == owned[i]
    for c in consumers:
        c.commit(asynchronous=False)

    consumers.pop().close()  # leaves the group: the others take over its partitions
    wait_balanced(consumers, topic)
    second = produce(topic, "b", 20)
    consumed = poll_until(consumers, lambda out: sum(map(len, out.values())) >= len(second))
    exactly_once(consumed, second)
    for c in consumers:
        c.commit(asynchronous=False)
        c.close()

    third = produce(topic, "c", 10)
    restarted = group_consumer(group, **config)
    restarted.subscribe([topic])
    consumed = poll_until([restarted], lambda out: len(out[0]) >= len(third))
    exactly_once(consumed, third)
    extra = restarted.poll(1.0)
    assert extra is None, f"unexpected extra message {extra.value()}"
    restarted.close()


def test_confluent_static_member_restart_without_rebalance():
    """A static member (group.instance.id) that restarts within its session timeout gets
    its partitions back without a rebalance: the other member is never revoked."""
    topic, group = topic_name("static"), f"s-{uuid.uuid4().hex[:8]}"
    create_topic(topic)
    events = []

    def on_assign(_c, parts):
        events.append(("assign", sorted(p.partition for p in parts)))

    def on_revoke(_c, parts):
        events.append(("revoke", sorted(p.partition for p in parts)))

    a = group_consumer(group, **{"group.instance.id": "a"})
    b = group_consumer(group, **{"group.instance.id": "b"})
    a.subscribe([topic])
    b.subscribe([topic], on_assign=on_assign, on_revoke=on_revoke)
    owned = wait_balanced([a, b], topic)
    events_before = list(events)
    a.close()  # static members send no LeaveGroup

    a2 = group_consumer(group, **{"group.instance.id": "a"})
    a2.subscribe([topic])
    poll_until([a2, b], lambda _: partitions_of(a2) == owned[0], timeout_s=30)
    values = produce(topic, "x", 5)
    consumed = poll_until([a2, b], lambda out: sum(map(len, out.values())) >= len(values))
    exactly_once(consumed, values)
    assert events == events_before, f"the other member saw a rebalance: {events[len(events_before):]}"
    assert partitions_of(b) == owned[1]
    a2.close()
    b.close()


def test_confluent_admin_list_describe_delete_groups():
    """Admin: an active group is listed and described with its members and cannot be
    deleted; once empty it can, and its committed offsets go with it."""
    from confluent_kafka import TopicPartition
    from confluent_kafka import ConsumerGroupTopicPartitions

    topic, group = topic_name("admin"), f"adm-{uuid.uuid4().hex[:8]}"
    create_topic(topic, 2)
    client = AdminClient({"bootstrap.servers": BOOTSTRAP})
    c = group_consumer(group)
    c.subscribe([topic])
    poll_until([c], lambda _: len(c.assignment()) == 2, timeout_s=30)
    c.commit(offsets=[TopicPartition(topic, 0, 7, metadata="seven"), TopicPartition(topic, 1, 3)], asynchronous=False)

    listed = client.list_consumer_groups().result(timeout=30)
    assert group in [g.group_id for g in listed.valid]
    described = client.describe_consumer_groups([group])[group].result(timeout=30)
    assert str(described.state).endswith("STABLE"), described.state
    assert len(described.members) == 1
    assert sorted(tp.partition for tp in described.members[0].assignment.topic_partitions) == [0, 1]
    with pytest.raises(Exception) as refused:
        client.delete_consumer_groups([group])[group].result(timeout=30)
    assert "NON_EMPTY_GROUP" in str(refused.value) or "not empty" in str(refused.value).lower()

    offsets = client.list_consumer_group_offsets([ConsumerGroupTopicPartitions(group)])[group].result(timeout=30)
    got = sorted((tp.partition, tp.offset, tp.metadata or "") for tp in offsets.topic_partitions)
    assert got == [(0, 7, "seven"), (1, 3, "")], got  # librdkafka reports "" as None

    c.close()
    client.delete_consumer_groups([group])[group].result(timeout=30)
    assert group not in [g.group_id for g in client.list_consumer_groups().result(timeout=30).valid]


class PolledInThreads:
    """KafkaConsumers each polled by a thread of its own, as applications run them (a
    KafkaConsumer is not shared between threads), recording what each consumed and owns.

    Not round-robin from one thread: kafka-python (3.0.12, coordinator/base.py
    join_group_async) discards a JoinGroup+SyncGroup round that finished while its consumer
    was not inside poll() (`_join_task.is_done` starts a new one). A consumer left unpolled
    while the others are polled then rejoins after every completed rebalance, and a
    rejoining leader starts the next one, so the group can rebalance for a long time."""

    def __init__(self, consumers):
        self.consumers = consumers
        self.lock = threading.Lock()
        self.consumed = {i: [] for i in range(len(consumers))}
        self.owned = {i: [] for i in range(len(consumers))}
        self.errors = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(i, c), daemon=True)
                        for i, c in enumerate(consumers)]
        for t in self.threads:
            t.start()

    def _run(self, i, consumer):
        try:
            while not self.stop.is_set():
                batches = consumer.poll(timeout_ms=200)
                values = [r.value.decode() for records in batches.values() for r in records]
                owned = sorted(tp.partition for tp in consumer.assignment())
                with self.lock:
                    self.consumed[i].extend(values)
                    self.owned[i] = owned
        except Exception as e:  # reported by wait()
            with self.lock:
                self.errors.append(f"consumer {i}: {e!r}")

    def wait(self, done, deadline):
        """Waits until done(consumed, owned) holds; fails at the deadline (time.time())."""
        while time.time() < deadline:
            with self.lock:
                assert not self.errors, self.errors
                if done(self.consumed, self.owned):
                    return
            time.sleep(0.05)
        with self.lock:
            raise AssertionError(f"condition not reached in time: consumed "
                                 f"{sum(map(len, self.consumed.values()))}, owned {self.owned}")

    def stop_polling(self):
        self.stop.set()
        for t in self.threads:
            t.join(10)
        assert not any(t.is_alive() for t in self.threads), "a consumer thread did not stop"


def test_kafka_python_three_consumers_and_resume():
    """kafka-python: 3 consumers share 6 partitions disjointly, every message is consumed
    once, and a new consumer of the group resumes at the committed offsets (all within
    60 s, each consumer polled by its own thread)."""
    from kafka import KafkaConsumer

    deadline = time.time() + 60
    topic, group = topic_name("kp-grp"), f"kp-{uuid.uuid4().hex[:8]}"
    create_topic(topic)

    def make():
        return KafkaConsumer(
            topic,
            bootstrap_servers=BOOTSTRAP,
            group_id=group,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            session_timeout_ms=10000,
            heartbeat_interval_ms=500,
            fetch_max_wait_ms=100,
        )

    def balanced(_consumed, owned):
        return (sorted(p for ps in owned.values() for p in ps) == list(range(PARTITIONS))
                and all(len(ps) == 2 for ps in owned.values()))

    def total(consumed):
        return sum(map(len, consumed.values()))

    consumers = [make() for _ in range(3)]
    polled = PolledInThreads(consumers)
    try:
        polled.wait(balanced, deadline)
        values = produce(topic, "k", 30)
        polled.wait(lambda consumed, _: total(consumed) >= len(values), deadline)
    finally:
        polled.stop_polling()
    exactly_once(polled.consumed, values)
    # Every commit before the first leave: a leave rebalances the others.
    for c in consumers:
        c.commit()
    for c in consumers:
        c.close()

    more = produce(topic, "m", 5)
    consumer = make()
    polled = PolledInThreads([consumer])
    try:
        polled.wait(lambda consumed, _: total(consumed) >= len(more), deadline)
    finally:
        polled.stop_polling()
    exactly_once(polled.consumed, more)
    consumer.close()


def test_two_groups_each_see_everything():
    """Two groups reading one topic each consume every message exactly once: groups are
    independent of each other."""
    topic = topic_name("grp-two")
    create_topic(topic, 3)
    values = produce(topic, "x", 30, partitions=3)
    for _ in range(2):
        group = f"g-{uuid.uuid4().hex[:8]}"
        consumers = [group_consumer(group) for _ in range(2)]
        for c in consumers:
            c.subscribe([topic])
        consumed = poll_until(consumers, lambda out: sum(map(len, out.values())) >= len(values))
        exactly_once(consumed, values)
        for c in consumers:
            c.close()


CRASHING_MEMBER = r"""
import sys, time
from confluent_kafka import Consumer
c = Consumer({"bootstrap.servers": sys.argv[1], "group.id": sys.argv[2],
              "auto.offset.reset": "earliest", "session.timeout.ms": 6000,
              "heartbeat.interval.ms": 500, "enable.auto.commit": False})
c.subscribe([sys.argv[3]])
deadline = time.time() + 60
while time.time() < deadline and not c.assignment():
    c.poll(0.1)
print("assigned", sorted(tp.partition for tp in c.assignment()), flush=True)
while True:  # keeps heartbeating until it is killed
    c.poll(0.1)
"""


def test_crashed_member_is_expired_and_its_partitions_move():
    """A member that dies without leaving (SIGKILL) is removed after its session timeout;
    the survivor then owns every partition and consumes everything, nothing lost."""
    import os
    import signal
    import subprocess
    import sys
    topic, group = topic_name("grp-crash"), f"g-{uuid.uuid4().hex[:8]}"
    create_topic(topic)
    survivor = group_consumer(group, **{"session.timeout.ms": 6000})
    survivor.subscribe([topic])
    poll_until([survivor], lambda _: partitions_of(survivor) == list(range(PARTITIONS)))
    doomed = subprocess.Popen([sys.executable, "-c", CRASHING_MEMBER, BOOTSTRAP, group, topic],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = doomed.stdout.readline()
        assert line.startswith("assigned"), line
        # The rebalance split the partitions: wait until the survivor holds half.
        poll_until([survivor], lambda _: len(partitions_of(survivor)) == PARTITIONS // 2)
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait(10)
    finally:
        if doomed.poll() is None:
            doomed.kill()
    values = produce(topic, "after-crash", 10)
    consumed = poll_until([survivor], lambda out: len(out[0]) >= len(values), timeout_s=90)
    exactly_once(consumed, values)
    assert partitions_of(survivor) == list(range(PARTITIONS))
    survivor.close()


def test_kafka_python_admin_groups():
    """kafka-python's admin client lists and describes a group, reads its committed offsets,
    deletes one partition's offset (OffsetDelete) and deletes the group once empty."""
    from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
    topic, group = topic_name("grp-kpadmin"), f"g-{uuid.uuid4().hex[:8]}"
    create_topic(topic, 2)
    produce(topic, "k", 5, partitions=2)
    consumer = KafkaConsumer(topic, bootstrap_servers=BOOTSTRAP, group_id=group,
                             auto_offset_reset="earliest", enable_auto_commit=False,
                             consumer_timeout_ms=20000)
    seen = 0
    for _ in consumer:
        seen += 1
        if seen == 10:
            break
    consumer.commit()
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    try:
        listed = {g["group_id"]: g for g in admin.list_groups()}
        assert (listed[group]["protocol_type"], listed[group]["group_state"]) == ("consumer", "Stable")
        described = admin.describe_groups([group])[group]
        assert (described["group_state"], described["protocol_data"]) == ("Stable", "range")
        assert [m["member_assignment"]["assigned_partitions"] for m in described["members"]] == \
            [[{"topic": topic, "partitions": [0, 1]}]]
        offsets = admin.list_group_offsets({group: None})[group]
        assert {tp.partition: meta.offset for tp, meta in offsets.items()} == {0: 5, 1: 5}
        consumer.close()
        # OffsetDelete: one partition's committed offset goes, the other's stays.
        deleted = admin.delete_group_offsets(group, [TopicPartition(topic, 0)])
        assert [(tp.partition, err.__name__) for tp, err in deleted.items()] == [(0, "NoError")]
        offsets = admin.list_group_offsets({group: None})[group]
        assert {tp.partition: meta.offset for tp, meta in offsets.items()} == {1: 5}
        assert admin.delete_groups([group]) == {group: "OK"}
        assert group not in {g["group_id"] for g in admin.list_groups()}
    finally:
        admin.close()

"""Idempotent producers through connection drops: a proxy between client and broker cuts
every connection again and again while a producer has requests in flight. Responses get
lost after the broker appended, so the producer retries batches the broker already has;
with idempotence every message must still be stored exactly once, in order.

This test starts its own strom (STROM_BIN, default ${CARGO_TARGET_DIR:-target}/release/strom)
advertising the proxy's port, so that every connection the client makes goes through the
proxy.
"""
import os
import socket
import subprocess
import tempfile
import threading
import time

import pytest
from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STROM_BIN = os.environ.get(
    "STROM_BIN",
    os.path.join(ROOT, os.environ.get("CARGO_TARGET_DIR", "target"), "release", "strom"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CuttingProxy:
    """Forwards 127.0.0.1:listen_port to the broker; cut() closes every open connection."""

    def __init__(self, listen_port, upstream_port):
        self.upstream_port = upstream_port
        self.server = socket.create_server(("127.0.0.1", listen_port))
        self.server.settimeout(0.2)
        self.lock = threading.Lock()
        self.sockets = []
        self.stopped = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopped:
            try:
                client, _ = self.server.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        with self.lock:
            victims, self.sockets = self.sockets, []
        for s in victims:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        return len(victims) // 2

    def close(self):
        self.stopped = True
        self.cut()
        self.server.close()


@pytest.fixture
def strom_behind_proxy():
    if not os.path.exists(STROM_BIN):
        pytest.fail(f"strom binary not found at {STROM_BIN} (scripts/interop builds it)")
    broker_port, proxy_port = free_port(), free_port()
    data = tempfile.mkdtemp(prefix="strom-drops-")
    log = open(os.path.join(data, "strom.log"), "w")
    proc = subprocess.Popen(
        [STROM_BIN,
         "--override", f"listeners=PLAINTEXT://127.0.0.1:{broker_port}",
         "--override", f"advertised.listeners=PLAINTEXT://127.0.0.1:{proxy_port}",
         "--override", f"log.dirs={data}/logs"],
        stdout=log, stderr=subprocess.STDOUT)
    proxy = CuttingProxy(proxy_port, broker_port)
    try:
        deadline = time.time() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", broker_port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None, "strom exited during startup"
                assert time.time() < deadline, "strom did not start within 30 s"
                time.sleep(0.1)
        yield f"127.0.0.1:{proxy_port}", proxy
    finally:
        proxy.close()
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def cut_repeatedly(proxy, stop, cuts, interval_s=0.15, max_cuts=40):
    """Background cuts at arbitrary moments (mid-request or not); how many land depends on
    timing, so tests assert on the cuts of cut_now() instead."""
    while not stop.is_set() and len(cuts) < max_cuts:
        time.sleep(interval_s)
        n = proxy.cut()
        if n:
            cuts.append(n)


def cut_now(proxy, timeout_s=10):
    """Cuts as soon as the client has a connection open (it reconnects on its own after a
    cut); returns how many connections were cut, at least 1, or fails after timeout_s."""
    deadline = time.time() + timeout_s
    while True:
        n = proxy.cut()
        if n:
            return n
        assert time.time() < deadline, f"the client opened no connection within {timeout_s} s"
        time.sleep(0.002)


def read_all(bootstrap, topic, partitions, expected_total, timeout_s=60):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "strom-drops-manual",
                  "enable.auto.commit": False, "fetch.wait.max.ms": 100})
    try:
        c.assign([TopicPartition(topic, p, 0) for p in range(partitions)])
        out = {p: [] for p in range(partitions)}
        deadline = time.time() + timeout_s
        got = 0
        while got < expected_total and time.time() < deadline:
            msg = c.poll(0.2)
            if msg is None:
                continue
            assert msg.error() is None, f"consumer error: {msg.error()}"
            out[msg.partition()].append((msg.offset(), msg.value()))
            got += 1
        extra = c.poll(1.0)
        assert extra is None or extra.error() is not None, "more messages than produced"
        return out
    finally:
        c.close()


def test_confluent_idempotent_producer_survives_connection_drops(strom_behind_proxy):
    bootstrap, proxy = strom_behind_proxy
    topic = f"drops-{os.getpid()}-{int(time.time())}"
    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_topics([NewTopic(topic, num_partitions=2, replication_factor=1)])[topic].result(30)
    errors = []
    producer = Producer({
        "bootstrap.servers": bootstrap,
        "enable.idempotence": True,
        "acks": "all",
        "linger.ms": 1,
        "batch.num.messages": 20,
        "max.in.flight.requests.per.connection": 5,
        "message.timeout.ms": 120000,
        "reconnect.backoff.ms": 10,
        "reconnect.backoff.max.ms": 100,
        "error_cb": lambda e: errors.append(e),
    })
    failed = []
    stop, background_cuts, cuts = threading.Event(), [], []
    cutter = threading.Thread(target=cut_repeatedly, args=(proxy, stop, background_cuts))
    cutter.start()
    total, chunk = 20000, 1000
    try:
        for i in range(total):
            while True:
                try:
                    producer.produce(topic, value=str(i).encode(), partition=i % 2,
                                     on_delivery=lambda err, msg: err and failed.append(err))
                    break
                except BufferError:
                    producer.poll(0.05)
            if i % 100 == 0:
                producer.poll(0)
            if i % chunk == chunk - 1:
                # Requests of this chunk are queued or in flight: cut under them.
                cuts.append(cut_now(proxy))
        assert producer.flush(120) == 0, "messages left undelivered"
    finally:
        stop.set()
        cutter.join()
    assert failed == []
    assert len(cuts) == total // chunk and min(cuts) >= 1
    layout = read_all(bootstrap, topic, 2, total)
    for p in range(2):
        values = [int(v) for _, v in layout[p]]
        assert values == list(range(p, total, 2)), f"partition {p}: duplicates, gaps or reordering"
        assert [o for o, _ in layout[p]] == list(range(total // 2))


def test_kafka_python_idempotent_producer_survives_connection_drops(strom_behind_proxy):
    from kafka import KafkaProducer
    bootstrap, proxy = strom_behind_proxy
    topic = f"drops-kp-{os.getpid()}-{int(time.time())}"
    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])[topic].result(30)
    producer = KafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, acks="all",
                             linger_ms=1, batch_size=2048, retries=1_000_000,
                             reconnect_backoff_ms=10, request_timeout_ms=30000,
                             delivery_timeout_ms=120000)
    stop, background_cuts, cuts = threading.Event(), [], []
    cutter = threading.Thread(target=cut_repeatedly, args=(proxy, stop, background_cuts))
    cutter.start()
    total, chunk = 5000, 500
    futures = []
    try:
        for i in range(total):
            futures.append(producer.send(topic, value=str(i).encode(), partition=0))
            if i % chunk == chunk - 1:
                cuts.append(cut_now(proxy))
        producer.flush(120)
    finally:
        stop.set()
        cutter.join()
    offsets = [f.get(timeout=60).offset for f in futures]
    producer.close(10)
    assert offsets == list(range(total))
    assert len(cuts) == total // chunk and min(cuts) >= 1
    layout = read_all(bootstrap, topic, 1, total)
    assert [int(v) for _, v in layout[0]] == list(range(total))


def test_java_idempotent_producer_survives_connection_drops(strom_behind_proxy, tmp_path):
    # The Java client with its defaults (idempotence on, acks=all) through the cutting proxy.
    jars = os.path.join(ROOT, "interop", ".deps", "java")
    cp = ":".join(os.path.join(jars, f"{j}.jar") for j in
                  ["kafka-clients", "slf4j-api", "lz4-java", "snappy-java", "zstd-jni"])
    for jar in cp.split(":"):
        assert os.path.exists(jar), f"{jar} missing: run scripts/install-test-deps"
    subprocess.run(["javac", "-cp", cp, "-d", str(tmp_path),
                    os.path.join(ROOT, "interop", "java", "DropsProducer.java")], check=True)
    bootstrap, proxy = strom_behind_proxy
    topic = f"drops-java-{os.getpid()}-{int(time.time())}"
    admin = AdminClient({"bootstrap.servers": bootstrap})
    admin.create_topics([NewTopic(topic, num_partitions=2, replication_factor=1)])[topic].result(30)
    stop, background_cuts, cuts = threading.Event(), [], []
    chunks, chunk = 10, 2000
    total = chunks * chunk
    producer = subprocess.Popen(["java", "-cp", f"{tmp_path}:{cp}", "DropsProducer", bootstrap, topic,
                                 str(chunks), str(chunk)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    cutter = threading.Thread(target=cut_repeatedly, args=(proxy, stop, background_cuts))
    cutter.start()
    try:
        # The producer reports each chunk handed to the client and waits for our cut.
        for c in range(chunks):
            line = producer.stdout.readline()
            assert line == f"sent {(c + 1) * chunk}\n", f"java producer said {line!r}"
            cuts.append(cut_now(proxy, timeout_s=30))
            producer.stdin.write("cut\n")
            producer.stdin.flush()
        out, err = producer.communicate(timeout=180)
    finally:
        stop.set()
        cutter.join()
        if producer.poll() is None:
            producer.kill()
    assert producer.returncode == 0, f"java producer failed: {out}\n{err[-2000:]}"
    assert f"acknowledged {total}" in out
    assert len(cuts) == chunks and min(cuts) >= 1
    layout = read_all(bootstrap, topic, 2, total)
    for p in range(2):
        values = [int(v) for _, v in layout[p]]
        assert values == list(range(p, total, 2)), f"partition {p}: duplicates, gaps or reordering"

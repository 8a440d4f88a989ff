// The Java kafka-clients 3.9.1 (the reference client) against the broker at STROM_BOOTSTRAP.
// Compiled with plain javac against the jars in interop/.deps/java (interop/java/run.sh).
//
// Part A runs every test with enable.idempotence=false. Part B repeats produce tests with the
// producer's defaults, where 3.9.1 turns idempotence on (InitProducerId, sequence numbers);
// its failures fail the run unless STROM_IDEMPOTENCE=0 (for brokers without InitProducerId).
// Consumers use assign + seek, except in part C (consumer groups: subscribe, commitSync),
// whose failures fail the run unless STROM_GROUPS=0 (for brokers without consumer groups).
// Every check compares exact offsets, partitions, keys, values, headers and timestamps.
// Across clients: for every codec, kcat (librdkafka) reads what the Java producer wrote and
// the Java consumer reads what kcat wrote.

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.ElectionNotNeededException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;

public final class InteropTest {
    static final String BOOTSTRAP = System.getenv("STROM_BOOTSTRAP");
    static final long BASE_TIMESTAMP_MS = 1_600_000_000_000L;
    static final int ONE_MEGABYTE = 1_000_000;
    static final String[] CODECS = {"none", "gzip", "snappy", "lz4", "zstd"};
    static final String[] ACKS = {"0", "1", "all"};
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    interface Check {
        void run() throws Exception;
    }

    /** Tally of one part: tests run, and the names of those that failed. */
    static final class Part {
        final String name;
        int passed;
        final List<String> failed = new ArrayList<>();

        Part(String name) {
            this.name = name;
        }

        void test(String test, Check check) {
            long started = System.nanoTime();
            try {
                check.run();
                passed++;
                System.out.printf("ok    [%s] %s (%d ms)%n", name, test, (System.nanoTime() - started) / 1_000_000);
            } catch (Throwable e) {
                failed.add(test);
                System.out.printf("FAIL  [%s] %s: %s%n", name, test, describe(e));
            }
        }
    }

    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return out.toString();
    }

    static void eq(String what, Object got, Object want) {
        if (!Objects.equals(got, want)) {
            throw new AssertionError(what + "\n  got:  " + got + "\n  want: " + want);
        }
    }

    static String topic(String prefix) {
        return prefix + "-" + RUN + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return b == null ? "null" : new String(b, StandardCharsets.UTF_8);
    }

    // ---- clients -------------------------------------------------------------------------

    static Admin admin() {
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        p.put("default.api.timeout.ms", "30000");
        return Admin.create(p);
    }

    static void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Creates a topic for a data test. When createTopics itself fails but describeTopics shows
     * the topic with the asked partitions, the data test goes on: the admin test already
     * reports (and fails the run on) the createTopics failure, and one admin bug should not
     * hide what the producer and consumer do.
     */
    static void ensureTopic(String name, int partitions) throws Exception {
        try {
            createTopic(name, partitions);
        } catch (ExecutionException e) {
            try (Admin admin = admin()) {
                TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS).get(name);
                eq("partitions of " + name + " after a failed createTopics (" + describe(e) + ")", d.partitions().size(), partitions);
            }
        }
    }

    /** A producer with the given settings on top of bounded timeouts; idempotence as asked. */
    static KafkaProducer<byte[], byte[]> producer(Boolean idempotence, Map<String, String> extra) {
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.put("linger.ms", "5");
        p.put("max.block.ms", "20000");
        p.put("request.timeout.ms", "15000");
        p.put("delivery.timeout.ms", "30000");
        if (idempotence != null) {
            p.put("enable.idempotence", idempotence.toString());
        }
        p.putAll(extra);
        return new KafkaProducer<>(p);
    }

    /** Sends the records in order and waits for every acknowledgement. */
    static List<RecordMetadata> produce(Boolean idempotence, Map<String, String> extra,
                                        List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer(idempotence, extra)) {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            for (ProducerRecord<byte[], byte[]> r : records) {
                futures.add(producer.send(r));
            }
            producer.flush();
            List<RecordMetadata> out = new ArrayList<>();
            for (Future<RecordMetadata> f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        }
    }

    static KafkaConsumer<byte[], byte[]> consumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        p.put("fetch.max.wait.ms", "100");
        p.put("default.api.timeout.ms", "30000");
        return new KafkaConsumer<>(p);
    }

    /** Polls until `count` records arrived, then once more to prove there are no extra. */
    static List<ConsumerRecord<byte[], byte[]>> pollExactly(KafkaConsumer<byte[], byte[]> c, int count) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (out.size() < count && System.currentTimeMillis() < deadline) {
            c.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        eq("records consumed", out.size(), count);
        int extra = c.poll(Duration.ofMillis(500)).count();
        eq("extra records after the expected ones", extra, 0);
        return out;
    }

    static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int partition, long offset, int count) {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            c.assign(List.of(tp));
            c.seek(tp, offset);
            return pollExactly(c, count);
        }
    }

    /** One line per record: offset|key|value|headers|timestamp|timestamp type. */
    static List<String> rows(List<ConsumerRecord<byte[], byte[]>> records) {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            StringBuilder headers = new StringBuilder();
            for (Header h : r.headers()) {
                headers.append(headers.length() == 0 ? "" : ",").append(h.key()).append('=').append(text(h.value()));
            }
            out.add(r.offset() + "|" + text(r.key()) + "|" + text(r.value()) + "|" + headers + "|" + r.timestamp() + "|" + r.timestampType());
        }
        return out;
    }

    static List<String> offsets(List<RecordMetadata> metadata) {
        List<String> out = new ArrayList<>();
        for (RecordMetadata m : metadata) {
            out.add(m.partition() + ":" + m.offset());
        }
        return out;
    }

    static List<String> range(int partition, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(partition + ":" + i);
        }
        return out;
    }

    // ---- tests ---------------------------------------------------------------------------

    // AdminClient createTopics makes a 3-partition topic, and a second create of the same
    // name fails with TopicExistsException.
    static void adminCreateTopics() throws Exception {
        String t = topic("java-admin-create");
        createTopic(t, 3);  // must succeed as is, unlike the data tests' ensureTopic
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(t, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            throw new AssertionError("second createTopics of " + t + " succeeded");
        } catch (ExecutionException e) {
            eq("duplicate create error", e.getCause().getClass(), TopicExistsException.class);
        }
    }

    // listTopics includes a new 3-partition topic, and describeTopics shows each partition led
    // by the one broker of describeCluster, with that broker as the only replica and ISR.
    static void adminListDescribe() throws Exception {
        String t = topic("java-admin-describe");
        ensureTopic(t, 3);
        try (Admin admin = admin()) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            eq("listTopics contains " + t, names.contains(t), true);
            List<Integer> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(n -> n.id()).toList();
            eq("describeCluster node count", nodes.size(), 1);
            int broker = nodes.get(0);
            TopicDescription d = admin.describeTopics(List.of(t)).allTopicNames().get(30, TimeUnit.SECONDS).get(t);
            List<String> got = new ArrayList<>();
            for (TopicPartitionInfo p : d.partitions()) {
                got.add(p.partition() + " leader=" + p.leader().id() + " replicas=" + p.replicas().size() + " isr=" + p.isr().size());
            }
            eq("describeTopics", got, List.of(0, 1, 2).stream()
                .map(p -> p + " leader=" + broker + " replicas=1 isr=1").toList());
            eq("internal", d.isInternal(), false);
        }
    }

    // describeCluster (DescribeCluster) names the one broker as controller with Kafka's
    // cluster operations; describeLogDirs (DescribeLogDirs) shows the partition sizes the
    // produced batches make, growing after a produce; electLeaders (ElectLeaders) needs no
    // election on existing partitions and refuses unknown ones.
    static void adminClusterLogDirsElections() throws Exception {
        String t = topic("java-admin-logdirs");
        ensureTopic(t, 2);
        try (Admin admin = admin()) {
            var cluster = admin.describeCluster(new DescribeClusterOptions().includeAuthorizedOperations(true));
            var nodes = cluster.nodes().get(30, TimeUnit.SECONDS);
            eq("describeCluster node count", nodes.size(), 1);
            int broker = nodes.iterator().next().id();
            eq("controller", cluster.controller().get(30, TimeUnit.SECONDS).id(), broker);
            eq("cluster id length", cluster.clusterId().get(30, TimeUnit.SECONDS).length(), 22);
            eq("cluster operations", cluster.authorizedOperations().get(30, TimeUnit.SECONDS),
                Set.of(AclOperation.CREATE, AclOperation.ALTER, AclOperation.DESCRIBE, AclOperation.CLUSTER_ACTION,
                    AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS, AclOperation.IDEMPOTENT_WRITE));

            TopicPartition p0 = new TopicPartition(t, 0);
            TopicPartition p1 = new TopicPartition(t, 1);
            eq("sizes before", logDirSizes(admin, broker, t), Map.of(p0, 0L, p1, 0L));
            produce(Boolean.FALSE, Map.of(), List.of(new ProducerRecord<>(t, 1, null, bytes("v".repeat(100)))));
            Map<TopicPartition, Long> after = logDirSizes(admin, broker, t);
            eq("p0 after", after.get(p0), 0L);
            eq("p1 grew", after.get(p1) > 100, true);

            var elections = admin.electLeaders(ElectionType.PREFERRED,
                Set.of(p0, new TopicPartition(t, 9))).partitions().get(30, TimeUnit.SECONDS);
            eq("election p0", elections.get(p0).map(Object::getClass).orElse(null), ElectionNotNeededException.class);
            eq("election p9", elections.get(new TopicPartition(t, 9)).map(Object::getClass).orElse(null),
                UnknownTopicOrPartitionException.class);
        }
    }

    /** partition -> size of the topic's partitions in the broker's one log dir. */
    static Map<TopicPartition, Long> logDirSizes(Admin admin, int broker, String t) throws Exception {
        Map<String, LogDirDescription> dirs = admin.describeLogDirs(List.of(broker)).allDescriptions()
            .get(30, TimeUnit.SECONDS).get(broker);
        eq("log dir count", dirs.size(), 1);
        LogDirDescription dir = dirs.values().iterator().next();
        eq("log dir error", dir.error(), null);
        eq("total bytes present", dir.totalBytes().isPresent() && dir.totalBytes().getAsLong() > 0, true);
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, ReplicaInfo> e : dir.replicaInfos().entrySet()) {
            if (e.getKey().topic().equals(t)) {
                out.put(e.getKey(), e.getValue().size());
            }
        }
        return out;
    }

    // describeProducers (DescribeProducers) shows the idempotent producer that wrote three
    // records in one batch: its last sequence is 2.
    static void describeProducersAfterIdempotentProduce() throws Exception {
        String t = topic("java-producers");
        ensureTopic(t, 1);
        List<ProducerRecord<byte[], byte[]>> records = List.of(
            new ProducerRecord<>(t, 0, 5_000L, null, bytes("a")),
            new ProducerRecord<>(t, 0, 5_001L, null, bytes("b")),
            new ProducerRecord<>(t, 0, 5_002L, null, bytes("c")));
        produce(Boolean.TRUE, Map.of("linger.ms", "100"), records);
        try (Admin admin = admin()) {
            TopicPartition p0 = new TopicPartition(t, 0);
            List<ProducerState> states = admin.describeProducers(List.of(p0)).partitionResult(p0)
                .get(30, TimeUnit.SECONDS).activeProducers();
            eq("active producers", states.size(), 1);
            ProducerState s = states.get(0);
            eq("last sequence", s.lastSequence(), 2);
            eq("last timestamp", s.lastTimestamp(), 5_002L);
            eq("epoch", s.producerEpoch(), 0);
            eq("coordinator epoch", s.coordinatorEpoch().isPresent(), false);
            eq("txn start", s.currentTransactionStartOffset().isPresent(), false);
        }
    }

    static Config topicConfig(Admin admin, String t) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, t);
        return admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
    }

    static String valueAndSource(Config c, String key) {
        ConfigEntry e = c.get(key);
        return e.value() + " " + e.source();
    }

    // Topic configs: given at create time, described with their sources, changed with
    // incrementalAlterConfigs (set, append, delete) and enforced at once; a bad value is
    // refused with InvalidConfigurationException.
    static void adminConfigs() throws Exception {
        String t = topic("java-admin-configs");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(t, 1, (short) 1).configs(Map.of("retention.ms", "5000"))))
                .all().get(30, TimeUnit.SECONDS);
            Config c = topicConfig(admin, t);
            eq("retention.ms", valueAndSource(c, "retention.ms"), "5000 DYNAMIC_TOPIC_CONFIG");
            eq("max.message.bytes", valueAndSource(c, "max.message.bytes"), "1048588 DEFAULT_CONFIG");
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, t);
            admin.incrementalAlterConfigs(Map.of(r, List.of(
                new AlterConfigOp(new ConfigEntry("max.message.bytes", "2000"), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.APPEND),
                new AlterConfigOp(new ConfigEntry("retention.ms", ""), AlterConfigOp.OpType.DELETE))))
                .all().get(30, TimeUnit.SECONDS);
            c = topicConfig(admin, t);
            eq("max.message.bytes after SET", valueAndSource(c, "max.message.bytes"), "2000 DYNAMIC_TOPIC_CONFIG");
            eq("cleanup.policy after APPEND", valueAndSource(c, "cleanup.policy"), "delete,compact DYNAMIC_TOPIC_CONFIG");
            eq("retention.ms after DELETE", valueAndSource(c, "retention.ms"), "604800000 DEFAULT_CONFIG");
            try (KafkaProducer<byte[], byte[]> p = producer(Boolean.FALSE, Map.of("max.request.size", "10000000"))) {
                try {
                    p.send(new ProducerRecord<>(t, 0, bytes("k"), new byte[3000])).get(30, TimeUnit.SECONDS);
                    throw new AssertionError("a 3000-byte record was accepted with max.message.bytes=2000");
                } catch (ExecutionException e) {
                    eq("too large", e.getCause().getClass(), RecordTooLargeException.class);
                }
                eq("small record offset", p.send(new ProducerRecord<>(t, 0, bytes("k"), bytes("small"))).get(30, TimeUnit.SECONDS).offset(), 0L);
            }
            try {
                admin.incrementalAlterConfigs(Map.of(r, List.of(
                    new AlterConfigOp(new ConfigEntry("segment.ms", "never"), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
                throw new AssertionError("segment.ms=never was accepted");
            } catch (ExecutionException e) {
                eq("bad value", e.getCause().getClass(), InvalidConfigurationException.class);
            }
        }
    }

    // createPartitions grows a topic whose new partition takes records at once; shrinking
    // fails with InvalidPartitionsException; deleteTopics by topic id removes it.
    static void adminPartitionsAndDeleteById() throws Exception {
        String t = topic("java-admin-partitions");
        try (Admin admin = admin()) {
            Uuid id = admin.createTopics(List.of(new NewTopic(t, 2, (short) 1))).topicId(t).get(30, TimeUnit.SECONDS);
            admin.createPartitions(Map.of(t, NewPartitions.increaseTo(4))).all().get(30, TimeUnit.SECONDS);
            TopicDescription d = admin.describeTopics(List.of(t)).allTopicNames().get(30, TimeUnit.SECONDS).get(t);
            eq("partitions after createPartitions", d.partitions().size(), 4);
            try (KafkaProducer<byte[], byte[]> p = producer(Boolean.FALSE, Map.of())) {
                RecordMetadata m = p.send(new ProducerRecord<>(t, 3, null, bytes("new"))).get(30, TimeUnit.SECONDS);
                eq("new partition write", m.partition() + ":" + m.offset(), "3:0");
            }
            eq("read back", consume(t, 3, 0, 1).stream().map(r -> text(r.value())).toList(), List.of("new"));
            try {
                admin.createPartitions(Map.of(t, NewPartitions.increaseTo(2))).all().get(30, TimeUnit.SECONDS);
                throw new AssertionError("shrinking to 2 partitions was accepted");
            } catch (ExecutionException e) {
                eq("shrink", e.getCause().getClass(), InvalidPartitionsException.class);
            }
            admin.deleteTopics(TopicCollection.ofTopicIds(List.of(id))).all().get(30, TimeUnit.SECONDS);
            eq("listed after delete", admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(t), false);
        }
    }

    // Keys, null keys, headers (repeated names, empty and null values), explicit timestamps,
    // tombstones and empty values come back exactly as produced.
    static void keysHeadersTimestamps(Boolean idempotence) throws Exception {
        String t = topic("java-basic");
        ensureTopic(t, 1);
        long ts = BASE_TIMESTAMP_MS;
        List<Header> headers = List.of(new RecordHeader("h", bytes("1")), new RecordHeader("h", bytes("2")),
            new RecordHeader("empty", new byte[0]), new RecordHeader("nil", null));
        List<RecordMetadata> md = produce(idempotence, Map.of("acks", "all"), List.of(
            new ProducerRecord<>(t, 0, ts, bytes("k1"), bytes("v1"), headers),
            new ProducerRecord<>(t, 0, ts + 500, null, bytes("no-key")),
            new ProducerRecord<>(t, 0, ts + 1000, bytes("gone"), (byte[]) null),
            new ProducerRecord<>(t, 0, ts + 1500, new byte[0], new byte[0])));
        eq("produce offsets", offsets(md), range(0, 0, 4));
        eq("produce timestamps", md.stream().map(RecordMetadata::timestamp).toList(), List.of(ts, ts + 500, ts + 1000, ts + 1500));
        eq("records", rows(consume(t, 0, 0, 4)), List.of(
            "0|k1|v1|h=1,h=2,empty=,nil=null|" + ts + "|CreateTime",
            "1|null|no-key||" + (ts + 500) + "|CreateTime",
            "2|gone|null||" + (ts + 1000) + "|CreateTime",
            "3||||" + (ts + 1500) + "|CreateTime"));
    }

    // A batch compressed with `codec` and produced with `acks` reads back whole and in order;
    // acks 1/all report exact offsets, acks 0 reports -1 (the broker sends no response).
    static void codecAndAcks(Boolean idempotence, String codec, String acks) throws Exception {
        String t = topic("java-" + codec + "-" + acks);
        ensureTopic(t, 1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String value = (codec + "-" + acks + "-" + i + "-").repeat(20);
            records.add(new ProducerRecord<>(t, 0, BASE_TIMESTAMP_MS + i, bytes("k" + i), bytes(value)));
            want.add(i + "|k" + i + "|" + value + "||" + (BASE_TIMESTAMP_MS + i) + "|CreateTime");
        }
        List<RecordMetadata> md = produce(idempotence, Map.of("compression.type", codec, "acks", acks, "linger.ms", "50"), records);
        eq("produce offsets", offsets(md), acks.equals("0") ? Collections.nCopies(50, "0:-1") : range(0, 0, 50));
        eq("records", rows(consume(t, 0, 0, 50)), want);
    }

    /** Runs kcat against the broker with `stdin` as its input; returns its standard output. */
    static String kcat(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kcat", "-b", BOOTSTRAP));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = process.getOutputStream()) {
            in.write(bytes(stdin));
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kcat " + command + " did not finish within 30 s");
        }
        eq("exit status of " + command, process.exitValue(), 0);
        return new String(out, StandardCharsets.UTF_8);
    }

    // kcat (librdkafka 2.0.2) reads a batch the Java producer compressed with `codec`: every
    // offset, key (a null one too), value, header and timestamp as produced.
    static void kcatReadsJava(String codec) throws Exception {
        String t = topic("java-to-kcat-" + codec);
        ensureTopic(t, 1);
        List<Header> headers = List.of(new RecordHeader("codec", bytes(codec)), new RecordHeader("h", bytes("1")),
            new RecordHeader("h", bytes("2")));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String key = i == 7 ? null : "k" + i;
            String value = (codec + "-" + i + "-").repeat(10);
            records.add(new ProducerRecord<>(t, 0, BASE_TIMESTAMP_MS + i, bytes(key), bytes(value), headers));
            want.append(i).append('|').append(key == null ? -1 : key.length()).append('|').append(key == null ? "" : key)
                .append('|').append(value).append("|codec=").append(codec).append(",h=1,h=2|").append(BASE_TIMESTAMP_MS + i).append('\n');
        }
        List<RecordMetadata> md = produce(false, Map.of("compression.type", codec, "acks", "all", "linger.ms", "50"), records);
        eq("produce offsets", offsets(md), range(0, 0, 30));
        eq("kcat's view", kcat("", "-C", "-e", "-q", "-t", t, "-p", "0", "-o", "beginning", "-f", "%o|%K|%k|%s|%h|%T\n"),
            want.toString());
    }

    // The Java consumer reads a batch kcat (librdkafka 2.0.2) compressed with `codec`: every
    // offset, key, value and header as kcat sent them, create timestamps from kcat's clock.
    static void javaReadsKcat(String codec) throws Exception {
        String t = topic("kcat-to-java-" + codec);
        ensureTopic(t, 1);
        StringBuilder input = new StringBuilder();
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String value = (codec + "-" + i + "-").repeat(10);
            input.append("k").append(i).append(':').append(value).append('\n');
            want.add(i + "|k" + i + "|" + value + "|codec=" + codec + ",n=0|CreateTime");
        }
        long before = System.currentTimeMillis();
        kcat(input.toString(), "-P", "-t", t, "-p", "0", "-K:", "-z", codec, "-H", "codec=" + codec, "-H", "n=0",
            "-X", "linger.ms=100");
        long after = System.currentTimeMillis();
        List<ConsumerRecord<byte[], byte[]>> got = consume(t, 0, 0, 30);
        List<String> rows = new ArrayList<>();
        for (String row : rows(got)) {
            // rows(): offset|key|value|headers|timestamp|type; the timestamp is checked below.
            String[] f = row.split("\\|");
            rows.add(f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3] + "|" + f[5]);
        }
        eq("records", rows, want);
        for (ConsumerRecord<byte[], byte[]> r : got) {
            if (r.timestamp() < before || r.timestamp() > after) {
                throw new AssertionError("timestamp " + r.timestamp() + " outside [" + before + ", " + after + "]");
            }
        }
    }

    // A 1,000,000-byte value between two small messages is stored and fetched intact; the
    // broker's default max.message.bytes (1048588) admits its batch.
    static void oneMegabyte(Boolean idempotence) throws Exception {
        String t = topic("java-big");
        ensureTopic(t, 1);
        byte[] big = new byte[ONE_MEGABYTE];
        new Random(7).nextBytes(big);
        List<RecordMetadata> md = new ArrayList<>();
        for (byte[] value : List.of(bytes("a"), big, bytes("c"))) {
            md.addAll(produce(idempotence, Map.of("linger.ms", "0"), List.of(new ProducerRecord<>(t, value))));
        }
        eq("produce offsets", offsets(md), range(0, 0, 3));
        List<ConsumerRecord<byte[], byte[]>> got = consume(t, 0, 0, 3);
        eq("sizes", got.stream().map(r -> r.offset() + ":" + r.value().length).toList(), List.of("0:1", "1:" + ONE_MEGABYTE, "2:1"));
        eq("1 MB contents equal", Arrays.equals(got.get(1).value(), big), true);
    }

    // 10,000 keyed messages to a 3-partition topic land where murmur2 puts each key, at
    // contiguous offsets, in production order in each partition.
    static void keyedOrder(Boolean idempotence) throws Exception {
        String t = topic("java-order");
        ensureTopic(t, 3);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<Integer, List<String>> layout = new HashMap<>();
        List<String> wantOffsets = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] key = bytes("key-" + (i % 37));
            int p = Utils.toPositive(Utils.murmur2(key)) % 3;
            List<String> rows = layout.computeIfAbsent(p, x -> new ArrayList<>());
            wantOffsets.add(p + ":" + rows.size());
            rows.add(rows.size() + "|key-" + (i % 37) + "|" + i);
            records.add(new ProducerRecord<>(t, key, bytes(Integer.toString(i))));
        }
        // One request in flight: without idempotence a retry could otherwise reorder.
        Map<String, String> extra = idempotence == Boolean.FALSE
            ? Map.of("acks", "all", "max.in.flight.requests.per.connection", "1") : Map.of("acks", "all");
        eq("produce positions", offsets(produce(idempotence, extra, records)), wantOffsets);
        for (int p = 0; p < 3; p++) {
            List<String> got = consume(t, p, 0, layout.get(p).size()).stream()
                .map(r -> r.offset() + "|" + text(r.key()) + "|" + text(r.value())).toList();
            eq("partition " + p, got, layout.get(p));
        }
    }

    // seek() repositions to an exact offset; beginning/end offsets are (0, 20); offsetsForTimes
    // finds the first offset with timestamp >= the asked one, and null after the last.
    static void seekAndOffsetsForTimes(Boolean idempotence) throws Exception {
        String t = topic("java-seek");
        ensureTopic(t, 1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(new ProducerRecord<>(t, 0, BASE_TIMESTAMP_MS + 10L * i, null, bytes("m" + i)));
        }
        produce(idempotence, Map.of(), records);
        TopicPartition tp = new TopicPartition(t, 0);
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            c.assign(List.of(tp));
            c.seek(tp, 0);
            eq("first read", pollExactly(c, 20).size(), 20);
            c.seek(tp, 13);
            eq("after seek(13)", pollExactly(c, 7).stream().map(r -> r.offset() + ":" + text(r.value())).toList(),
                List.of("13:m13", "14:m14", "15:m15", "16:m16", "17:m17", "18:m18", "19:m19"));
            eq("position", c.position(tp), 20L);
            eq("beginningOffsets", c.beginningOffsets(List.of(tp)).get(tp), 0L);
            eq("endOffsets", c.endOffsets(List.of(tp)).get(tp), 20L);
            List<String> found = new ArrayList<>();
            for (long ts : new long[] {BASE_TIMESTAMP_MS - 1, BASE_TIMESTAMP_MS + 55, BASE_TIMESTAMP_MS + 190, BASE_TIMESTAMP_MS + 191}) {
                OffsetAndTimestamp o = c.offsetsForTimes(Map.of(tp, ts)).get(tp);
                found.add(o == null ? "null" : o.offset() + "@" + o.timestamp());
            }
            eq("offsetsForTimes", found, List.of("0@" + BASE_TIMESTAMP_MS, "6@" + (BASE_TIMESTAMP_MS + 60),
                "19@" + (BASE_TIMESTAMP_MS + 190), "null"));
        }
    }

    // ---- consumer groups -------------------------------------------------------------------

    static KafkaConsumer<byte[], byte[]> groupConsumer(String group) {
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        p.put("group.id", group);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        p.put("fetch.max.wait.ms", "100");
        p.put("session.timeout.ms", "10000");
        p.put("heartbeat.interval.ms", "500");
        p.put("default.api.timeout.ms", "30000");
        return new KafkaConsumer<>(p);
    }

    /** Polls every consumer in turn (values per consumer into got) until done holds (60 s). */
    static void pollGroupUntil(List<KafkaConsumer<byte[], byte[]>> consumers, List<List<String>> got,
                               java.util.function.BooleanSupplier done, String what) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (int i = 0; i < consumers.size(); i++) {
                for (ConsumerRecord<byte[], byte[]> r : consumers.get(i).poll(Duration.ofMillis(50))) {
                    got.get(i).add(text(r.value()));
                }
            }
            if (done.getAsBoolean()) {
                return;
            }
        }
        throw new AssertionError(what + " not reached within 60 s; consumed " + got);
    }

    static List<Integer> owned(KafkaConsumer<byte[], byte[]> c) {
        return c.assignment().stream().map(TopicPartition::partition).sorted().toList();
    }

    static void consumerGroupOfThree() throws Exception {
        String t = topic("java-group");
        ensureTopic(t, 6);
        String group = "java-group-" + UUID.randomUUID();
        List<KafkaConsumer<byte[], byte[]>> cs = new ArrayList<>();
        List<List<String>> got = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                KafkaConsumer<byte[], byte[]> c = groupConsumer(group);
                c.subscribe(List.of(t));
                cs.add(c);
                got.add(new ArrayList<>());
            }
            pollGroupUntil(cs, got, () -> cs.stream().allMatch(c -> owned(c).size() == 2)
                && cs.stream().flatMap(c -> owned(c).stream()).sorted().toList().equals(List.of(0, 1, 2, 3, 4, 5)),
                "disjoint assignments of 2 partitions covering all 6");
            List<List<Integer>> owners = cs.stream().map(InteropTest::owned).toList();
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (int p = 0; p < 6; p++) {
                for (int i = 0; i < 10; i++) {
                    records.add(new ProducerRecord<>(t, p, null, bytes(p + "-" + i)));
                    expected.add(p + "-" + i);
                }
            }
            produce(Boolean.FALSE, Map.of(), records);
            pollGroupUntil(cs, got, () -> got.stream().mapToInt(List::size).sum() >= 60, "60 records");
            eq("every record exactly once", got.stream().flatMap(List::stream).sorted().toList(),
                expected.stream().sorted().toList());
            for (int i = 0; i < 3; i++) {
                eq("partitions read by consumer " + i, got.get(i).stream().map(v -> Integer.parseInt(v.split("-")[0]))
                    .distinct().sorted().toList(), owners.get(i));
                cs.get(i).commitSync();
            }
        } finally {
            for (KafkaConsumer<byte[], byte[]> c : cs) {
                c.close();
            }
        }
        // A new member of the group resumes at the committed offsets.
        List<ProducerRecord<byte[], byte[]>> more = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            more.add(new ProducerRecord<>(t, p, null, bytes("more-" + p)));
        }
        produce(Boolean.FALSE, Map.of(), more);
        try (KafkaConsumer<byte[], byte[]> c = groupConsumer(group)) {
            c.subscribe(List.of(t));
            List<List<String>> again = List.of(new ArrayList<>());
            pollGroupUntil(List.of(c), again, () -> again.get(0).size() >= 6, "6 new records");
            eq("resumed at the committed offsets", again.get(0).stream().sorted().toList(),
                List.of("more-0", "more-1", "more-2", "more-3", "more-4", "more-5"));
        }
    }

    static void runProduceConsumeTests(Part part, Boolean idempotence) {
        part.test("keys, headers, timestamps, nulls, tombstones", () -> keysHeadersTimestamps(idempotence));
        for (String codec : CODECS) {
            for (String acks : ACKS) {
                if (idempotence == null && !acks.equals("all")) {
                    continue; // an idempotent producer requires acks=all
                }
                part.test("codec " + codec + ", acks " + acks, () -> codecAndAcks(idempotence, codec, acks));
            }
        }
        part.test("1,000,000-byte message", () -> oneMegabyte(idempotence));
        part.test("10k keyed messages, per-partition order", () -> keyedOrder(idempotence));
        part.test("seek, beginning/end offsets, offsetsForTimes", () -> seekAndOffsetsForTimes(idempotence));
    }

    public static void main(String[] args) {
        if (BOOTSTRAP == null || BOOTSTRAP.isEmpty()) {
            System.err.println("set STROM_BOOTSTRAP=host:port (scripts/interop does this)");
            System.exit(2);
        }
        boolean idempotenceRequired = !"0".equals(System.getenv("STROM_IDEMPOTENCE"));
        boolean groupsRequired = !"0".equals(System.getenv("STROM_GROUPS"));
        Part a = new Part("A: enable.idempotence=false");
        a.test("AdminClient createTopics, duplicate create", InteropTest::adminCreateTopics);
        a.test("AdminClient listTopics, describeTopics, describeCluster", InteropTest::adminListDescribe);
        a.test("AdminClient describeConfigs, incrementalAlterConfigs, enforced max.message.bytes", InteropTest::adminConfigs);
        a.test("AdminClient createPartitions, deleteTopics by id", InteropTest::adminPartitionsAndDeleteById);
        a.test("AdminClient describeCluster, describeLogDirs, electLeaders", InteropTest::adminClusterLogDirsElections);
        runProduceConsumeTests(a, Boolean.FALSE);
        for (String codec : CODECS) {
            a.test("codec " + codec + ": kcat reads what Java produced", () -> kcatReadsJava(codec));
            a.test("codec " + codec + ": Java reads what kcat produced", () -> javaReadsKcat(codec));
        }
        Part b = new Part("B: producer defaults (idempotent)");
        runProduceConsumeTests(b, null);
        b.test("AdminClient describeProducers after an idempotent produce", InteropTest::describeProducersAfterIdempotentProduce);
        Part c = new Part("C: consumer groups");
        c.test("3 consumers share 6 partitions, each record once, resume at commits", InteropTest::consumerGroupOfThree);

        System.out.println("=== java interop summary");
        for (Part p : List.of(a, b, c)) {
            System.out.printf("%s: %d passed, %d failed%s%n", p.name, p.passed, p.failed.size(),
                p.failed.isEmpty() ? "" : " " + p.failed);
        }
        boolean bCounts = idempotenceRequired;
        if (!b.failed.isEmpty() && !bCounts) {
            System.out.println("part B failures do not fail the run (STROM_IDEMPOTENCE=0)");
        }
        if (!c.failed.isEmpty() && !groupsRequired) {
            System.out.println("part C failures do not fail the run (STROM_GROUPS=0)");
        }
        int failed = a.failed.size() + (bCounts ? b.failed.size() : 0) + (groupsRequired ? c.failed.size() : 0);
        int passed = a.passed + (bCounts ? b.passed : 0) + (groupsRequired ? c.passed : 0);
        System.out.printf("%d passed, %d failed%n", passed, failed);
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }
}

// The Java kafka-clients 3.9.1 against a 3-node strom cluster (STROM_BOOTSTRAP lists the
// three nodes; scripts/interop's cluster suite starts them). Compiled and run by
// interop/java/run.sh ClusterTest.
//
// AdminClient creates a 6-partition topic whose leaders must be spread 2/2/2 over brokers
// 1-3; an idempotent producer with acks=all writes a numbered sequence to every partition
// (each send goes to that partition's leader) and every acknowledgement carries the offset
// the sequence implies; a consumer group of three (coordinator: the leader of the group's
// __consumer_offsets partition) reads every message exactly once and in order per
// partition, commits, and the committed offsets equal every partition's end offset.

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

public final class ClusterTest {
    static final String BOOTSTRAP = System.getenv("STROM_BOOTSTRAP");
    static final int PARTITIONS = 6;
    static final int PER_PARTITION = 200;
    static final int CONSUMERS = 3;

    static void eq(String what, Object got, Object want) {
        if (!Objects.equals(got, want)) {
            throw new AssertionError(what + "\n  got:  " + got + "\n  want: " + want);
        }
    }

    static void ok(String what, long startedNs) {
        System.out.printf("ok    [cluster] %s (%d ms)%n", what, (System.nanoTime() - startedNs) / 1_000_000);
    }

    /** Polls `step` until `done` holds, failing with `what` after `seconds`. */
    static void until(int seconds, String what, Runnable step, BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            step.run();
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not reached within " + seconds + " s");
            }
        }
    }

    static Admin admin() {
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        p.put("default.api.timeout.ms", "30000");
        return Admin.create(p);
    }

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

    static List<Integer> owned(KafkaConsumer<byte[], byte[]> c) {
        return c.assignment().stream().map(TopicPartition::partition).sorted().toList();
    }

    /** The topic's partitions in order, as described once all of them have a leader (30 s). */
    static List<TopicPartitionInfo> describeLed(Admin admin, String topic) {
        List<List<TopicPartitionInfo>> last = new ArrayList<>(List.of(List.of()));
        until(30, "describeTopics: " + PARTITIONS + " partitions with leaders (last: " + last + ")", () -> {
            try {
                TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
                last.set(0, d.partitions());
            } catch (Exception e) {
                // A node that has not applied the creation yet answers UNKNOWN_TOPIC_OR_PARTITION.
                last.set(0, List.of());
            }
        }, () -> last.get(0).size() == PARTITIONS && last.get(0).stream().allMatch(p -> p.leader() != null));
        return last.get(0);
    }

    public static void main(String[] args) {
        if (BOOTSTRAP == null || BOOTSTRAP.isEmpty()) {
            System.err.println("set STROM_BOOTSTRAP=host:port,host:port,host:port (scripts/interop cluster does this)");
            System.exit(2);
        }
        try {
            run();
        } catch (Throwable e) {
            System.out.println("FAIL  [cluster] " + e);
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                System.out.println("      caused by " + t);
            }
            System.out.println("java cluster suite: 0 passed, 1 failed");
            System.exit(1);
        }
        System.out.println("java cluster suite: 1 passed, 0 failed");
        System.exit(0);
    }

    static void run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "java-cluster-" + run;
        String group = topic + "-group";
        List<TopicPartition> tps = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            tps.add(new TopicPartition(topic, p));
        }

        long started = System.nanoTime();
        try (Admin admin = admin()) {
            List<Integer> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                .map(Node::id).sorted().toList();
            eq("describeCluster brokers", brokers, List.of(1, 2, 3));
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            List<TopicPartitionInfo> partitions = describeLed(admin, topic);
            Map<Integer, Integer> perBroker = new TreeMap<>();
            List<Integer> ids = new ArrayList<>();
            for (TopicPartitionInfo p : partitions) {
                ids.add(p.partition());
                perBroker.merge(p.leader().id(), 1, Integer::sum);
            }
            eq("partition ids", ids, List.of(0, 1, 2, 3, 4, 5));
            eq("partitions led per broker", perBroker, Map.of(1, 2, 2, 2, 3, 2));
            System.out.println("      leaders: " + partitions.stream().map(p -> p.partition() + "->" + p.leader().id()).toList());
        }
        ok("createTopics: 6 partitions led 2/2/2 by brokers 1-3", started);

        List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();
        try {
            // The group forms on the empty topic, so no record is read before the assignment
            // is final and "exactly once" holds without commits in between.
            started = System.nanoTime();
            for (int i = 0; i < CONSUMERS; i++) {
                KafkaConsumer<byte[], byte[]> c = groupConsumer(group);
                c.subscribe(List.of(topic));
                consumers.add(c);
            }
            List<List<ConsumerRecord<byte[], byte[]>>> got = new ArrayList<>();
            for (int i = 0; i < CONSUMERS; i++) {
                got.add(new ArrayList<>());
            }
            Runnable pollAll = () -> {
                for (int i = 0; i < CONSUMERS; i++) {
                    consumers.get(i).poll(Duration.ofMillis(50)).forEach(got.get(i)::add);
                }
            };
            until(60, "3 members owning 2 partitions each, all 6 covered", pollAll,
                () -> consumers.stream().allMatch(c -> owned(c).size() == 2)
                    && consumers.stream().flatMap(c -> owned(c).stream()).sorted().toList().equals(List.of(0, 1, 2, 3, 4, 5)));
            List<List<Integer>> owners = consumers.stream().map(ClusterTest::owned).toList();
            eq("records before any was produced", got.stream().mapToInt(List::size).sum(), 0);
            ok("consumer group of 3: assignment " + owners, started);

            started = System.nanoTime();
            Properties pp = new Properties();
            pp.put("bootstrap.servers", BOOTSTRAP);
            pp.put("key.serializer", ByteArraySerializer.class.getName());
            pp.put("value.serializer", ByteArraySerializer.class.getName());
            pp.put("acks", "all");
            pp.put("enable.idempotence", "true");
            pp.put("linger.ms", "5");
            pp.put("max.block.ms", "20000");
            pp.put("request.timeout.ms", "15000");
            pp.put("delivery.timeout.ms", "30000");
            List<String> acked = new ArrayList<>();
            List<String> wantAcked = new ArrayList<>();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp)) {
                List<Future<RecordMetadata>> futures = new ArrayList<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    for (int n = 1; n <= PER_PARTITION; n++) {
                        futures.add(producer.send(new ProducerRecord<>(topic, p, null, value(p, n))));
                        wantAcked.add(p + ":" + (n - 1));
                    }
                }
                producer.flush();
                for (Future<RecordMetadata> f : futures) {
                    RecordMetadata m = f.get(30, TimeUnit.SECONDS);
                    acked.add(m.partition() + ":" + m.offset());
                }
            }
            eq("acknowledged partition:offset of every send", acked, wantAcked);
            ok("idempotent producer, acks=all: " + PARTITIONS * PER_PARTITION + " sends acknowledged at offsets 0-199 of each partition", started);

            started = System.nanoTime();
            until(60, PARTITIONS * PER_PARTITION + " records consumed", pollAll,
                () -> got.stream().mapToInt(List::size).sum() >= PARTITIONS * PER_PARTITION);
            // One more round proves there is nothing beyond the expected records.
            pollAll.run();
            eq("assignment after consuming", consumers.stream().map(ClusterTest::owned).toList(), owners);
            Map<Integer, List<String>> byPartition = new TreeMap<>();
            for (int i = 0; i < CONSUMERS; i++) {
                for (ConsumerRecord<byte[], byte[]> r : got.get(i)) {
                    eq("consumer " + i + " owns partition " + r.partition(), owners.get(i).contains(r.partition()), true);
                    byPartition.computeIfAbsent(r.partition(), k -> new ArrayList<>())
                        .add(r.offset() + "|" + new String(r.value(), StandardCharsets.UTF_8));
                }
            }
            for (int p = 0; p < PARTITIONS; p++) {
                List<String> want = new ArrayList<>();
                for (int n = 1; n <= PER_PARTITION; n++) {
                    want.add((n - 1) + "|p" + p + "-" + n);
                }
                eq("partition " + p + ": offset|value of every record, in order", byPartition.get(p), want);
            }
            for (KafkaConsumer<byte[], byte[]> c : consumers) {
                c.commitSync(Duration.ofSeconds(30));
            }
            ok("group read every record once, in order per partition, and committed", started);

            started = System.nanoTime();
            Map<TopicPartition, Long> end = consumers.get(0).endOffsets(tps, Duration.ofSeconds(30));
            Map<TopicPartition, Long> wantEnd = partitionMap();
            for (TopicPartition tp : tps) {
                wantEnd.put(tp, (long) PER_PARTITION);
            }
            Map<TopicPartition, Long> endOffsets = partitionMap();
            endOffsets.putAll(end);
            eq("end offsets", endOffsets, wantEnd);
            try (Admin admin = admin()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, Long> committedOffsets = partitionMap();
                committed.forEach((tp, o) -> committedOffsets.put(tp, o == null ? null : o.offset()));
                eq("committed offsets (listConsumerGroupOffsets)", committedOffsets, wantEnd);
            }
            ok("committed offsets equal the end offsets (" + PER_PARTITION + " on every partition)", started);
        } finally {
            for (KafkaConsumer<byte[], byte[]> c : consumers) {
                c.close(Duration.ofSeconds(10));
            }
        }
    }

    /** A map of the test topic's partitions, printed in partition order. */
    static Map<TopicPartition, Long> partitionMap() {
        return new TreeMap<>(Comparator.comparing(TopicPartition::partition));
    }

    static byte[] value(int partition, int n) {
        return ("p" + partition + "-" + n).getBytes(StandardCharsets.UTF_8);
    }
}

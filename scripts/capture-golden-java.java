// The golden-capture scenario for the Java kafka-clients 3.9.1 (run by scripts/capture-golden
// through the recording proxy at STROM_BOOTSTRAP; compiled with plain javac against the jars
// in interop/.deps/java). Same scenario as capture-golden-clients.py: metadata, create
// topics, produce three records per codec (acks=all, idempotence off), list offsets, fetch.

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

final class GoldenCapture {
    static final String CLIENT = "java";
    static final String BOOTSTRAP = System.getenv("STROM_BOOTSTRAP");
    static final String[] CODECS = {"none", "gzip", "snappy", "lz4", "zstd"};
    static final long BASE_TIMESTAMP_MS = 1_600_000_000_000L;
    /** Compressible, as in capture-golden-clients.py. */
    static final String PADDING = "golden".repeat(10);

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static Properties base() {
        Properties props = new Properties();
        props.put("bootstrap.servers", BOOTSTRAP);
        props.put("client.id", "golden-" + CLIENT);
        return props;
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(base())) {
            admin.listTopics().names().get();
            List<NewTopic> topics = new ArrayList<>();
            for (String codec : CODECS) {
                topics.add(new NewTopic("golden-" + CLIENT + "-" + codec, 1, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
        for (String codec : CODECS) {
            Properties props = base();
            props.put("compression.type", codec);
            props.put("acks", "all");
            props.put("linger.ms", "100");
            props.put("enable.idempotence", "false");
            props.put("key.serializer", ByteArraySerializer.class.getName());
            props.put("value.serializer", ByteArraySerializer.class.getName());
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
                List<Header> headers = List.of(new RecordHeader("h-codec", utf8(codec)), new RecordHeader("h-client", utf8(CLIENT)));
                String topic = "golden-" + CLIENT + "-" + codec;
                String[] keys = {"key-0", "key-1", null};
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, BASE_TIMESTAMP_MS + i, utf8(keys[i]), utf8("value-" + i + "-" + codec + "-" + PADDING), headers));
                }
                producer.flush();
            }
        }
        Properties props = base();
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        props.put("enable.auto.commit", "false");
        props.put("fetch.max.wait.ms", "100");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            for (String codec : CODECS) {
                TopicPartition tp = new TopicPartition("golden-" + CLIENT + "-" + codec, 0);
                List<TopicPartition> tps = Collections.singletonList(tp);
                check(consumer.beginningOffsets(tps).get(tp) == 0L, "earliest of " + tp);
                check(consumer.endOffsets(tps).get(tp) == 3L, "latest of " + tp);
                Map<TopicPartition, OffsetAndTimestamp> byTime = consumer.offsetsForTimes(Map.of(tp, BASE_TIMESTAMP_MS + 1));
                check(byTime.get(tp).offset() == 1L, "offset for time of " + tp);
                consumer.assign(tps);
                consumer.seek(tp, 0);
                List<String> got = new ArrayList<>();
                long deadline = System.currentTimeMillis() + 30_000;
                while (got.size() < 3 && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        got.add(new String(r.value(), StandardCharsets.UTF_8));
                    }
                }
                check(got.equals(List.of("value-0-" + codec + "-" + PADDING, "value-1-" + codec + "-" + PADDING, "value-2-" + codec + "-" + PADDING)), "records of " + tp + ": " + got);
            }
        }
    }
}

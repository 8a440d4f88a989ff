// An idempotent producer with the Java client's defaults (enable.idempotence=true,
// acks=all), used by interop/python/test_connection_drops.py while a proxy cuts its
// connections: sends CHUNKS * CHUNK values "0".."N-1" to partitions i % 2 of TOPIC and exits
// 0 only if every send was acknowledged. After handing each chunk to the client it prints
// "sent N" and waits for a line on stdin (the test cuts the connections in between).
//
// Usage: java DropsProducer BOOTSTRAP TOPIC CHUNKS CHUNK

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

public class DropsProducer {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        int chunks = Integer.parseInt(args[2]);
        int chunk = Integer.parseInt(args[3]);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "1024");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, "10");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "100");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "30000");
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int c = 0; c < chunks; c++) {
                for (int i = c * chunk; i < (c + 1) * chunk; i++) {
                    sent.add(producer.send(new ProducerRecord<>(topic, i % 2, null, Integer.toString(i))));
                }
                System.out.println("sent " + sent.size());
                System.out.flush();
                if (stdin.readLine() == null) {
                    throw new IllegalStateException("stdin closed before chunk " + (c + 1));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        System.out.println("acknowledged " + sent.size());
    }
}

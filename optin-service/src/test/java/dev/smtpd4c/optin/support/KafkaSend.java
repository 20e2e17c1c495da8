package dev.smtpd4c.optin.support;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes a record to the real broker, as another service would, and waits for the acknowledgement. */
public final class KafkaSend {

    private KafkaSend() {}

    public static void send(String topic, String key, String value) throws Exception {
        KafkaProbe.ensureTopic(topic);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaProbe.BOOTSTRAP,
                "acks", "all"), new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        }
    }
}

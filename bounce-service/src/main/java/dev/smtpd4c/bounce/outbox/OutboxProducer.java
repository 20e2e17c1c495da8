package dev.smtpd4c.bounce.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's own Kafka producer: idempotent, acks from all in-sync replicas, and plain futures, so
 * the relay waits for acknowledgements on its own thread and no transaction context leaks into the
 * client's callback threads. Broker settings come from the {@code kafka.*} configuration.
 */
@Singleton
public class OutboxProducer {

    private final Producer<String, String> producer;

    public OutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> p = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                p.put(k, v);
            }
        });
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bounce-service-outbox");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    public Producer<String, String> producer() {
        return producer;
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}

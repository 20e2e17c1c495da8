package dev.smtpd4c.optin.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.optin.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/** Appends events to the outbox inside the caller's transaction. */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry tx;
    private final OutboxRelay relay;

    public Outbox(EntityManager em, ObjectMapper json, TransactionSynchronizationRegistry tx, OutboxRelay relay) {
        this.em = em;
        this.json = json;
        this.tx = tx;
        this.relay = relay;
    }

    /**
     * Records {@code event} for publication on {@code topic} with the event's subject as key.
     * MANDATORY: an event outside the transaction of its state change would defeat the outbox.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, CloudEvent<?> event) {
        OutboxEvent row = new OutboxEvent();
        row.id = event.id();
        row.topic = topic;
        row.key = event.subject();
        row.type = event.type();
        row.createdAt = event.time();
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.type() + " " + event.id(), e);
        }
        em.persist(row);
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake(); // the send-to-accept SLI should not wait for the next poll
                }
            }
        });
    }
}

package dev.smtpd4c.bounce.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event written in the same database transaction as the state change it announces. The relay
 * publishes it afterwards, so the two can never diverge: if the transaction rolls back there is no
 * event, and if the process dies after the commit the row is still there to publish.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** The CloudEvent id; consumers drop a second delivery by it. */
    @Id
    public UUID id;

    public String topic;

    /** Kafka record key: the normalised address, or the domain for domain events. */
    @Column(name = "event_key")
    public String key;

    @Column(name = "event_type")
    public String type;

    /** The whole CloudEvents JSON document, sent as the record value byte for byte. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;
}

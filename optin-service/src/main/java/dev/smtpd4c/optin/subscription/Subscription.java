package dev.smtpd4c.optin.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One address on one list, and where it stands in the double opt-in. */
@Entity
@Table(name = "subscription")
public class Subscription {

    public enum Status { PENDING, CONFIRMED, UNSUBSCRIBED, EXPIRED }

    @Id
    public UUID id;

    public String address;

    @Column(name = "list_name")
    public String list;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String source;

    public String locale;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "confirmation_sent_at")
    public Instant confirmationSentAt;
}

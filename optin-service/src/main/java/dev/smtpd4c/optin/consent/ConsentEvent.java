package dev.smtpd4c.optin.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of the append-only consent ledger (a database trigger refuses updates). */
@Entity
@Table(name = "consent_event")
public class ConsentEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    public String address;

    @Column(name = "list_name")
    public String list;

    @Enumerated(EnumType.STRING)
    public ConsentStep step;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String ip;

    @Column(name = "user_agent")
    public String userAgent;

    public String source;

    @Column(name = "text_version")
    public String textVersion;
}

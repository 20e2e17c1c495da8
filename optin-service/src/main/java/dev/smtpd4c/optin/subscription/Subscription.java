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

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    /** Failed attempts to hand the confirmation mail to a relay. */
    @Column(name = "send_attempts")
    public int sendAttempts;

    /** Confirmation mails re-sent on request in this round of double opt-in (capped by smtpd4c.limits.resend-cap). */
    @Column(name = "resend_count")
    public int resendCount;

    /** When the retry job may next try the confirmation mail; set ahead while an attempt is running. */
    @Column(name = "next_send_at")
    public Instant nextSendAt;
}

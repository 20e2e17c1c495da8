package dev.smtpd4c.optin.subscription;

import dev.smtpd4c.optin.mail.MailKind;
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

    /** When the retry job may next try the pending mail; set ahead while an attempt is running. */
    @Column(name = "next_send_at")
    public Instant nextSendAt;

    /** The mail due at {@link #nextSendAt}; null when none is. */
    @Enumerated(EnumType.STRING)
    @Column(name = "pending_mail")
    public MailKind pendingMail;

    @Column(name = "reminder_sent_at")
    public Instant reminderSentAt;

    /** sunset-service asked that the owner confirm again; a confirm link then works on a confirmed subscription. */
    @Column(name = "reconfirm_requested_at")
    public Instant reconfirmRequestedAt;

    @Column(name = "expired_at")
    public Instant expiredAt;
}

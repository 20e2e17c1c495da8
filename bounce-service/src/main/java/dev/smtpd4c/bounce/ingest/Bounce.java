package dev.smtpd4c.bounce.ingest;

import dev.smtpd4c.bounce.BounceRecord;
import dev.smtpd4c.bounce.suppression.Kind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** One stored result (a BounceRecord, flattened); strings are "" when the report did not say. */
@Entity
@Table(name = "bounce")
public class Bounce {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "inbound_message_id")
    public long inboundMessageId;

    /** bounce, complaint, delivered, autoreply. */
    public String kind;

    /** The normalised recipient. */
    public String recipient;

    public String status;

    @Column(name = "reply_code")
    public String replyCode;

    public String reason;

    public boolean hard;

    public String action;

    @Column(name = "diagnostic_code")
    public String diagnosticCode;

    @Column(name = "decoded_by")
    public String decodedBy;

    @Column(name = "reporting_mta")
    public String reportingMta;

    @Column(name = "remote_mta")
    public String remoteMta;

    @Column(name = "feedback_type")
    public String feedbackType;

    @Column(name = "original_message_id")
    public String originalMessageId;

    /** Domain of the returned message's From: the sending domain the hard-bounce rate is kept for. */
    @Column(name = "sending_domain")
    public String sendingDomain;

    public String stream;

    @Column(name = "smtpd4c_message_id")
    public String smtpd4cMessageId;

    @Column(name = "feedback_id")
    public String feedbackId;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    static Bounce of(long inboundId, String recipient, BounceRecord r, Instant now) {
        Bounce b = new Bounce();
        b.inboundMessageId = inboundId;
        b.kind = Kind.of(r).id();
        b.recipient = recipient;
        b.status = r.status();
        b.replyCode = r.replyCode();
        b.reason = r.reason();
        b.hard = r.hardBounce();
        b.action = r.action();
        b.diagnosticCode = r.diagnosticCode();
        b.decodedBy = r.decodedBy();
        b.reportingMta = r.reportingMta();
        b.remoteMta = r.remoteMta();
        b.feedbackType = r.feedbackType();
        b.originalMessageId = r.originalMessageId();
        b.sendingDomain = domainOf(r.originalFrom());
        b.stream = r.smtpd4cStream();
        b.smtpd4cMessageId = r.smtpd4cMessageId();
        b.feedbackId = r.feedbackId();
        b.recordedAt = now;
        return b;
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}

package dev.smtpd4c.bounce.suppression;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One address suppressed in one scope; lifting keeps the row as history. */
@Entity
@Table(name = "suppression")
public class Suppression {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String address;

    /** "global", or "stream:&lt;name&gt;". */
    public String scope;

    /** Why, as a closed set: hard-bounce, soft-bounce, complaint, manual. */
    public String reason;

    /** The bounce reason, the feedback type, or the operator's words. */
    public String detail;

    /** Where it came from: rest, ses, sendgrid, postmark, mailgun, api. */
    public String source;

    public String actor;

    @Column(name = "bounce_id")
    public Long bounceId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    @Column(name = "lift_reason")
    public String liftReason;
}

package dev.smtpd4c.bounce.suppression;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of the suppression list: who, when, what and why. Rows are never changed (a trigger refuses). */
@Entity
@Table(name = "suppression_audit")
public class SuppressionAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "suppression_id")
    public Long suppressionId;

    public String address;

    public String scope;

    /** added or lifted. */
    public String action;

    public String actor;

    public String why;

    public Instant at;

    static SuppressionAudit of(Suppression s, String action, String actor, String why, Instant at) {
        SuppressionAudit a = new SuppressionAudit();
        a.suppressionId = s.id;
        a.address = s.address;
        a.scope = s.scope;
        a.action = action;
        a.actor = actor;
        a.why = why;
        a.at = at;
        return a;
    }
}

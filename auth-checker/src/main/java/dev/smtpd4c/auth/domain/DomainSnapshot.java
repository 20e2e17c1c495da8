package dev.smtpd4c.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored result of one check; the newest per domain is what the next check is compared with. */
@Entity
@Table(name = "domain_snapshot")
public class DomainSnapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String domain;

    @Column(name = "checked_at")
    public Instant checkedAt;

    public String grade;

    /** The DomainReport as JSON. */
    public String report;
}

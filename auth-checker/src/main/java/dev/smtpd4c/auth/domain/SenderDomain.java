package dev.smtpd4c.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered sender domain: what its owner told us about how it sends. */
@Entity
@Table(name = "sender_domain")
public class SenderDomain {

    @Id
    public String domain;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "dkim_selectors")
    public String[] dkimSelectors;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sending_ips")
    public String[] sendingIps;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "from_domains")
    public String[] fromDomains;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] streams;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

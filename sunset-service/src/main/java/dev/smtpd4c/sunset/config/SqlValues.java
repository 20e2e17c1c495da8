package dev.smtpd4c.sunset.config;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** What native queries return, in the types the service uses; the JDBC driver's choice varies by column and version. */
public final class SqlValues {

    private SqlValues() {}

    public static Instant instant(Object o) {
        return switch (o) {
            case null -> null;
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + o.getClass());
        };
    }
}

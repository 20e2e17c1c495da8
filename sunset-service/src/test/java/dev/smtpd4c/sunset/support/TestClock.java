package dev.smtpd4c.sunset.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in every @QuarkusTest: it follows the system clock until a test sets it, then
 * stands still where the test put it, so stage tests can jump 90, 120, 180 days ahead.
 * It replaces ClockProducer's system clock as a CDI alternative; the service code is unchanged.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    /** Stops the clock at {@code t}. */
    public void set(Instant t) {
        fixed = t;
    }

    /** Moves the stopped clock by {@code d} (from now, if it was running). */
    public void advance(Duration d) {
        fixed = instant().plus(d);
    }

    /** Back to the system clock. */
    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC");
    }
}

package dev.smtpd4c.optin.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Confirmation mail leaves after the sign-up's reply, and its bookkeeping (send time, consent step,
 * SLI) commits a moment after the relay accepted it: tests that read those poll for them.
 */
public final class Eventually {

    private Eventually() {}

    /** The first value of {@code read} that satisfies {@code done}, or the last one read when {@code timeout} passed. */
    public static <T> T await(Supplier<T> read, Predicate<T> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = read.get();
        }
        return value;
    }
}

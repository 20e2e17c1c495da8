package dev.smtpd4c.sunset.complaint;

import java.time.Duration;

/** The sliding windows the monitor judges: a day (what Gmail's Postmaster Tools show) and a week (the trend). */
public enum RateWindow {
    DAY("24h", Duration.ofHours(24)),
    WEEK("7d", Duration.ofDays(7));

    public final String label;
    public final Duration length;

    RateWindow(String label, Duration length) {
        this.label = label;
        this.length = length;
    }
}

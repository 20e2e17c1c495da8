package dev.smtpd4c.sunset.events;

import java.time.Instant;

/**
 * Data of dev.smtpd4c.complaint-rate.changed.v1: the complaint rate of a sending domain and stream
 * over a window moved to another level, or marketing was paused or resumed because of it.
 */
public record ComplaintRateChanged(
        /* lower-case From domain */
        String sendingDomain,
        String stream,
        /* 24h or 7d */
        String window,
        /* INSUFFICIENT_VOLUME, OK, WARNING or CRITICAL */
        String fromLevel,
        String toLevel,
        /* complaints / sends over the window */
        double rate,
        /* over the window (an int: the contract's integer; 2^31 sends of one stream in a week is beyond any sender) */
        int sends,
        int complaints,
        double warningThreshold,
        double criticalThreshold,
        /* whether marketing of this domain and stream is paused after this change */
        boolean marketingPaused,
        Instant evaluatedAt) {}

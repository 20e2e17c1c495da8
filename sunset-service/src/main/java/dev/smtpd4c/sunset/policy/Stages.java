package dev.smtpd4c.sunset.policy;

import java.time.Duration;

/**
 * The inactivity stages of one stream: how long without strong engagement before each status.
 * {@code exempt} streams (transactional mail) are never judged on inactivity, only suspended.
 */
public record Stages(Duration reduceAfter, Duration reconfirmAfter, Duration sunsetAfter, boolean exempt) {

    public static final Stages DEFAULT = new Stages(Duration.ofDays(90), Duration.ofDays(120), Duration.ofDays(180), false);

    public Stages {
        if (reduceAfter.compareTo(reconfirmAfter) > 0 || reconfirmAfter.compareTo(sunsetAfter) > 0) {
            throw new IllegalArgumentException("stages must grow: reduce " + reduceAfter + " <= reconfirm "
                    + reconfirmAfter + " <= sunset " + sunsetAfter);
        }
    }

    public static Stages exemptStream() {
        return new Stages(DEFAULT.reduceAfter, DEFAULT.reconfirmAfter, DEFAULT.sunsetAfter, true);
    }
}

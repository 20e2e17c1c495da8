package dev.smtpd4c.sunset.complaint;

/** How a window's complaint rate stands against the thresholds. */
public enum ComplaintLevel {
    /** Fewer sends than the minimum: one complaint would swing the rate, so it is not judged. */
    INSUFFICIENT_VOLUME,
    OK,
    /** At or above the warning threshold (0.1 %). */
    WARNING,
    /** At or above the critical threshold (0.3 %): Gmail and Yahoo reject or junk the domain's mail. */
    CRITICAL;

    /** Pure: the level of {@code complaints} out of {@code sends}. */
    public static ComplaintLevel of(long sends, long complaints, long minimumSends, double warning, double critical) {
        if (sends < minimumSends || sends == 0) {
            return INSUFFICIENT_VOLUME;
        }
        double rate = (double) complaints / sends;
        return rate >= critical ? CRITICAL : rate >= warning ? WARNING : OK;
    }
}

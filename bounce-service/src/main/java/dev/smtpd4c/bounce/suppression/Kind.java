package dev.smtpd4c.bounce.suppression;

import dev.smtpd4c.bounce.BounceRecord;
import java.util.Locale;

/** What a classified result is, for storage, events and metrics. */
public enum Kind {
    /** The message failed or is delayed. */
    BOUNCE,
    /** The recipient reported the message as spam (ARF, provider complaint). */
    COMPLAINT,
    /** A delivery notice: the message arrived. */
    DELIVERED,
    /** An out-of-office or other RFC 3834 automatic reply. */
    AUTOREPLY;

    public static Kind of(BounceRecord r) {
        return switch (r.reason()) {
            case "feedback" -> COMPLAINT;
            case "delivered" -> DELIVERED;
            case "vacation" -> AUTOREPLY;
            default -> BOUNCE;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.smtpd4c.sunset.engagement;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of engagement event, by their wire names. */
public enum EngagementType {
    SENT("sent", false, false),
    DELIVERED("delivered", false, false),
    /** Weak: Apple Mail Privacy Protection opens every message it prefetches. */
    OPENED("opened", false, false),
    CLICKED("clicked", true, false),
    REPLIED("replied", true, false),
    LOGGED_IN("logged-in", true, false),
    CONVERTED("converted", true, false),
    HARD_BOUNCED("hard-bounced", false, true),
    COMPLAINED("complained", false, true),
    /** The owner confirmed the address with optin-service (subscription.confirmed); not accepted on the wire. */
    CONFIRMED(null, true, false);

    public final String wire;
    /** Proves a person read the mail: resets the inactivity clock and the sends counter. */
    public final boolean strong;
    /** Counted once per message however many sources report it (IncidentLedger). */
    public final boolean incident;

    EngagementType(String wire, boolean strong, boolean incident) {
        this.wire = wire;
        this.strong = strong;
        this.incident = incident;
    }

    /** Decided at once when applied, not at the next evaluation: a bounce or complaint may suspend, a confirmation reactivates. */
    public boolean decidedAtOnce() {
        return incident || this == CONFIRMED;
    }

    public static Optional<EngagementType> ofWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wire != null && t.wire.equals(name)).findFirst();
    }
}

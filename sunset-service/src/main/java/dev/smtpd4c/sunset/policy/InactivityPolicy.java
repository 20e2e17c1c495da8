package dev.smtpd4c.sunset.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides a recipient's status in a stream from its engagement; pure and thread-safe. The order of
 * the rules is the order of their weight: suspension first (it protects the sender's reputation
 * whatever else is true), then inactivity stages; reactivation is a stage decision like any other,
 * so strong engagement brings anyone back who is not suspended.
 */
public final class InactivityPolicy {

    private final PolicySettings settings;

    public InactivityPolicy(PolicySettings settings) {
        this.settings = settings;
    }

    public Decision decide(RecipientActivity r, Instant now) {
        if (r.hardBounces() >= settings.suspendAfterHardBounces()) {
            return new Decision(Status.SUSPENDED, r.hardBounces() + " hard bounces (limit " + settings.suspendAfterHardBounces() + ")");
        }
        if (r.complaints() >= settings.suspendAfterComplaints()) {
            return new Decision(Status.SUSPENDED, r.complaints() + " complaints (limit " + settings.suspendAfterComplaints() + ")");
        }
        if (r.status() == Status.SUSPENDED) {
            // Only an operator lifts a suspension: engagement does not prove the bounces stopped.
            return new Decision(Status.SUSPENDED, "suspended until an operator lifts it");
        }
        Stages stages = settings.stagesOf(r.stream());
        if (stages.exempt()) {
            return new Decision(Status.ACTIVE, "stream " + r.stream() + " is not judged on inactivity");
        }
        if (r.sendsSinceStrong() < settings.minimumSends()) {
            return active(r, r.sendsSinceStrong() + " sends since last engagement, fewer than the "
                    + settings.minimumSends() + " needed to judge inactivity");
        }
        Instant since = engagedAt(r);
        long days = Duration.between(since, now).toDays();
        String silence = days + " days without strong engagement (since " + since + ")";
        if (days >= stages.sunsetAfter().toDays()) {
            return new Decision(Status.SUNSET, silence);
        }
        if (days >= stages.reconfirmAfter().toDays()) {
            return new Decision(Status.RECONFIRM, silence);
        }
        if (days >= stages.reduceAfter().toDays()) {
            return new Decision(Status.REDUCED, silence);
        }
        return active(r, "engaged " + days + " days ago (" + since + ")");
    }

    /** ACTIVE, and said to be a reactivation when the recipient was in a later stage before. */
    private static Decision active(RecipientActivity r, String why) {
        return new Decision(Status.ACTIVE, r.status() == Status.ACTIVE ? why : "reactivated: " + why);
    }

    /** When the inactivity clock started: the last strong engagement, or enough weighted opens, or the first event. */
    private Instant engagedAt(RecipientActivity r) {
        Instant at = r.lastStrongAt() != null ? r.lastStrongAt() : r.firstSeenAt();
        boolean opensCount = settings.openWeight() > 0 && r.lastOpenedAt() != null
                && r.opensSinceStrong() * settings.openWeight() >= 1.0;
        return opensCount && r.lastOpenedAt().isAfter(at) ? r.lastOpenedAt() : at;
    }
}

package dev.smtpd4c.auth.arc;

/**
 * The verdict on a message's ARC chain (RFC 8617 5.2), flat for Authentication-Results
 * ("arc=pass") and DMARC local policy overrides.
 *
 * @param cv none (no ARC sets), pass or fail
 * @param reason why it is not pass, for people; empty on pass
 * @param instances highest instance found (0 when none or unreadable)
 * @param oldestPass lowest instance from which every AMS up to the newest validates;
 *     0 when the chain failed or was not evaluated
 * @param sealerDomain d= of the newest ARC-Seal (the last intermediary), empty if unknown
 */
public record ArcResult(ArcChainStatus cv, String reason, int instances, int oldestPass, String sealerDomain) {

    static ArcResult none() {
        return new ArcResult(ArcChainStatus.NONE, "no ARC sets", 0, 0, "");
    }

    static ArcResult fail(String reason, int instances) {
        return new ArcResult(ArcChainStatus.FAIL, reason, instances, 0, "");
    }
}

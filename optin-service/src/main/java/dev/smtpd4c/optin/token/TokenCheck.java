package dev.smtpd4c.optin.token;

import java.util.UUID;

/** The result of checking a token: {@code subscriptionId} is set only when the outcome is VALID. */
public record TokenCheck(Outcome outcome, UUID subscriptionId) {

    public enum Outcome {
        VALID,
        /** Not three base64url parts, or a payload that does not parse. */
        MALFORMED,
        /** Signed with a key id this service does not (or no longer) know. */
        UNKNOWN_KEY,
        /** The MAC does not match: forged or altered. */
        BAD_SIGNATURE,
        /** Genuine, but made for another purpose. */
        WRONG_PURPOSE,
        EXPIRED
    }

    static TokenCheck failed(Outcome outcome) {
        return new TokenCheck(outcome, null);
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}

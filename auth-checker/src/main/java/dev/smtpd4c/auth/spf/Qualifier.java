package dev.smtpd4c.auth.spf;

import dev.smtpd4c.auth.AuthResult;

/** The prefix of an SPF directive (RFC 7208 section 4.6.2); no prefix means {@link #PASS}. */
public enum Qualifier {
    PASS('+', AuthResult.PASS),
    FAIL('-', AuthResult.FAIL),
    SOFTFAIL('~', AuthResult.SOFTFAIL),
    NEUTRAL('?', AuthResult.NEUTRAL);

    private final char symbol;
    private final AuthResult result;

    Qualifier(char symbol, AuthResult result) {
        this.symbol = symbol;
        this.result = result;
    }

    public char symbol() {
        return symbol;
    }

    public AuthResult result() {
        return result;
    }

    /** The qualifier for a leading character, or null when the character is not a qualifier. */
    static Qualifier of(char c) {
        for (Qualifier q : values()) {
            if (q.symbol == c) {
                return q;
            }
        }
        return null;
    }
}

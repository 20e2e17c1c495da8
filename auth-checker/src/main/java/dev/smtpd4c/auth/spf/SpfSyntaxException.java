package dev.smtpd4c.auth.spf;

/** A record that does not follow the RFC 7208 grammar; the position lets the linter point at it. */
public final class SpfSyntaxException extends Exception {

    private final int position;

    public SpfSyntaxException(String message, int position) {
        super(message + " at position " + position);
        this.position = position;
    }

    /** 0-based character offset in the record where the problem starts. */
    public int position() {
        return position;
    }
}

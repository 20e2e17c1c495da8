package dev.smtpd4c.optin.messaging;

/** A record that can never be applied, whatever the retries; it goes to the dead-letter topic with this message. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

package dev.smtpd4c.auth.dmarc;

/** A DNS failure during DMARC discovery: the evaluation ends with temperror. */
public final class DmarcTempException extends Exception {

    public DmarcTempException(String message) {
        super(message, null, false, false);
    }
}

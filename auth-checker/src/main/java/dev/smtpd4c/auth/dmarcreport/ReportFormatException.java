package dev.smtpd4c.auth.dmarcreport;

/** The upload is not a DMARC aggregate report we accept; the message says what to fix. */
public class ReportFormatException extends Exception {

    private final boolean tooLarge;

    public ReportFormatException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    /** The report (or its decompressed form) exceeds a limit, as opposed to being malformed. */
    public boolean tooLarge() {
        return tooLarge;
    }
}

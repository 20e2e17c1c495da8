package dev.smtpd4c.bounce.parse;

/**
 * What a format read about one recipient, before classification. Empty strings, never null.
 *
 * @param recipient      failed recipient address, lower case
 * @param status         enhanced status code (RFC 3463) as written, e.g. "5.1.1"
 * @param replyCode      SMTP reply code, e.g. "550"
 * @param diagnosticCode the error text as the format found it (squeezed later)
 * @param diagnosticType "SMTP", "X-UNIX", ... from a DSN Diagnostic-Code
 * @param action         DSN Action: failed, delayed, delivered, relayed, expanded
 * @param command        SMTP command the error answered: MAIL, RCPT, DATA, ...
 * @param reportingMta   host that wrote the report (lhost)
 * @param remoteMta      host that gave the error (rhost)
 * @param feedbackType   ARF Feedback-Type for complaints
 * @param reasonHint     a reason the format knows for certain (feedback, vacation, ...), or ""
 * @param category       the sending MTA's own classification of the failure, as "field: value"
 *                       (e.g. "x-powermta-bouncecategory: bad-mailbox"), or ""
 */
public record RawFailure(String recipient, String status, String replyCode, String diagnosticCode,
                         String diagnosticType, String action, String command, String reportingMta,
                         String remoteMta, String feedbackType, String reasonHint, String category) {

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.recipient = recipient; b.status = status; b.replyCode = replyCode; b.diagnosticCode = diagnosticCode;
        b.diagnosticType = diagnosticType; b.action = action; b.command = command; b.reportingMta = reportingMta;
        b.remoteMta = remoteMta; b.feedbackType = feedbackType; b.reasonHint = reasonHint; b.category = category;
        return b;
    }

    /** Mutable collector used while a format reads a report; {@link #build} fills gaps from the diagnostic text. */
    public static final class Builder {
        /** Raw error text read per recipient; the classifier reads 4,000 characters of it at most. */
        static final int MAX_RAW = 8192;

        public String recipient = "", status = "", replyCode = "", diagnosticCode = "", diagnosticType = "",
                action = "", command = "", reportingMta = "", remoteMta = "", feedbackType = "", reasonHint = "", category = "";

        public Builder recipient(String v) { recipient = Addresses.normalize(v); return this; }
        public Builder status(String v) { status = nz(v); return this; }
        public Builder replyCode(String v) { replyCode = nz(v); return this; }
        public Builder diagnostic(String v) { diagnosticCode = nz(v); return this; }
        public Builder diagnosticType(String v) { diagnosticType = nz(v); return this; }
        public Builder action(String v) { action = nz(v).toLowerCase(java.util.Locale.ROOT); return this; }
        public Builder command(String v) { command = nz(v); return this; }
        public Builder reportingMta(String v) { reportingMta = nz(v); return this; }
        public Builder remoteMta(String v) { remoteMta = nz(v); return this; }
        public Builder feedbackType(String v) { feedbackType = nz(v); return this; }
        public Builder reasonHint(String v) { reasonHint = nz(v); return this; }
        public Builder category(String v) { category = nz(v).toLowerCase(java.util.Locale.ROOT); return this; }

        public RawFailure build() {
            // Cut before any work: a message can name hundreds of recipients, each with a huge
            // folded field, and only the first 600 characters are kept (found by fuzzing).
            String raw = diagnosticCode.length() > MAX_RAW ? diagnosticCode.substring(0, MAX_RAW) : diagnosticCode;
            String diag = dev.smtpd4c.bounce.mail.Text.squeeze(raw);
            String quoted = Codes.quotedStatus(diag);
            String st = status(status, quoted.isEmpty() ? Codes.status(diag) : quoted);
            // An X-Unix diagnostic is a program's exit status ("255"), not an SMTP reply.
            String rc = replyCode.isEmpty() && !diagnosticType.equalsIgnoreCase("X-UNIX") ? Codes.reply(diag) : replyCode;
            String cmd = command.isEmpty() ? Codes.command(diag) : command;
            return new RawFailure(recipient, st, rc, diag, diagnosticType, action, cmd, reportingMta,
                    remoteMta, feedbackType, reasonHint, category);
        }

        /**
         * The remote server's own code, quoted in the diagnostic, beats the reporting MTA's Status
         * field when they differ within one class: the field is often the MTA's summary (sendmail
         * writes 4.4.7 for any deferral it gave up on, 5.1.1 for any refused recipient).
         */
        private static String status(String field, String inText) {
            if (inText.isEmpty() || Codes.isGeneric(inText) && !field.isEmpty()) return field;
            if (field.isEmpty() || Codes.isGeneric(field) || field.charAt(0) == inText.charAt(0)) return inText;
            return field;
        }

        private static String nz(String v) { return v == null ? "" : v.trim(); }
    }
}

package dev.smtpd4c.bounce;

/**
 * One classified result: a failed (or delayed, delivered, complained, auto-replied) recipient.
 * Strings are never null; "" means "not stated in the message".
 *
 * @param recipient          the recipient the report is about, lower case
 * @param status             enhanced status code (RFC 3463), e.g. "5.1.1"
 * @param replyCode          SMTP reply code, e.g. "550"
 * @param reason             Sisimai 5 reason name, e.g. "userunknown"
 * @param hardBounce         permanent address-level failure: stop mailing this address at once
 * @param action             DSN action: failed, delayed, delivered, ... ("" for complaints and auto-replies)
 * @param diagnosticCode     the error text, white space squeezed, at most 600 characters
 * @param diagnosticType     type of the diagnostic, e.g. "SMTP", "X-UNIX"
 * @param smtpCommand        SMTP command that failed: MAIL, RCPT, DATA, ...
 * @param decodedBy          name of the format that read the message, e.g. "Postfix", "RFC3464"
 * @param reportingMta       host that wrote the report (lhost)
 * @param remoteMta          host that rejected the message (rhost)
 * @param feedbackType       ARF Feedback-Type for complaints: abuse, opt-out, fraud, ...
 * @param originalMessageId  Message-ID of the returned original message
 * @param originalFrom       From address of the returned original message
 * @param originalTo         To address of the returned original message
 * @param verpRecipient      recipient decoded from our VERP return path (bounces+alice=example.org@...)
 * @param smtpd4cMessageId   X-SMTPD4C-Message-ID of the returned original, set by the suite's mail
 * @param smtpd4cStream      X-SMTPD4C-Stream of the returned original (transactional, marketing, ...)
 * @param feedbackId         Feedback-ID header of the returned original (Gmail FBL identifier)
 */
public record BounceRecord(
        String recipient, String status, String replyCode, String reason, boolean hardBounce, String action,
        String diagnosticCode, String diagnosticType, String smtpCommand, String decodedBy, String reportingMta,
        String remoteMta, String feedbackType, String originalMessageId, String originalFrom, String originalTo,
        String verpRecipient, String smtpd4cMessageId, String smtpd4cStream, String feedbackId) {}

package dev.smtpd4c.bounce.ingest;

import dev.smtpd4c.bounce.events.BounceRecorded;
import dev.smtpd4c.bounce.events.ComplaintRecorded;
import java.util.regex.Pattern;

/** Stored results as the data of their events; fields a report filled with junk are sent empty rather than broken. */
final class RecordedEvents {

    private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern REPLY = Pattern.compile("[245]\\d\\d");

    private RecordedEvents() {}

    static BounceRecorded bounce(Bounce b, String source) {
        return new BounceRecorded(b.recipient, STATUS.matcher(b.status).matches() ? b.status : "",
                REPLY.matcher(b.replyCode).matches() ? b.replyCode : "", b.reason, b.hard, cut(b.action, 40),
                cut(b.diagnosticCode, 600), cut(b.decodedBy, 60), cut(b.reportingMta, 255), cut(b.remoteMta, 255),
                cut(b.sendingDomain, 253), cut(b.stream, 100), cut(b.originalMessageId, 998), cut(b.smtpd4cMessageId, 998),
                source, b.recordedAt);
    }

    static ComplaintRecorded complaint(Bounce b, String source) {
        return new ComplaintRecorded(b.recipient, cut(b.feedbackType.isEmpty() ? "abuse" : b.feedbackType, 40),
                cut(b.decodedBy, 60), cut(b.sendingDomain, 253), cut(b.stream, 100), cut(b.originalMessageId, 998),
                cut(b.smtpd4cMessageId, 998), cut(b.feedbackId, 998), source, b.recordedAt);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}

package dev.smtpd4c.bounce.ingest;

import java.util.List;

/**
 * What one input gave. {@code duplicate} is true when the same input had been stored before: the
 * results are then those of the first time, and nothing was changed.
 */
public record IngestResult(long inboundId, boolean duplicate, List<Result> results) {

    /** One classified result; {@code suppressedIn} is the scope it suppressed, or null. */
    public record Result(long bounceId, String recipient, String kind, String reason, boolean hardBounce, String status,
            String replyCode, String feedbackType, String decodedBy, String sendingDomain, String stream, String suppressedIn) {

        static Result of(Bounce b, String suppressedIn) {
            return new Result(b.id, b.recipient, b.kind, b.reason, b.hard, b.status, b.replyCode, b.feedbackType,
                    b.decodedBy, b.sendingDomain, b.stream, suppressedIn);
        }
    }
}

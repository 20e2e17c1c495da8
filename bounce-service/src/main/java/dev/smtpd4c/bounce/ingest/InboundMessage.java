package dev.smtpd4c.bounce.ingest;

/**
 * One input as it arrived: a raw message or mbox posted over REST, or one provider event from a
 * webhook. {@code providerEventId} is the provider's id of the event (empty for raw mail); the
 * input is stored once, by the SHA-256 of {@code raw} and by that id.
 */
public record InboundMessage(String source, String providerEventId, String contentType, byte[] raw) {

    public static InboundMessage raw(String contentType, byte[] raw) {
        return new InboundMessage("rest", "", contentType, raw);
    }
}

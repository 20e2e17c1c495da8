package dev.smtpd4c.auth.verify;

import com.google.common.net.InetAddresses;
import dev.smtpd4c.auth.config.AuthConfig;
import dev.smtpd4c.auth.message.MessageParser;
import dev.smtpd4c.auth.message.ParsedMessage;
import dev.smtpd4c.auth.message.RawMessage;
import dev.smtpd4c.auth.rest.ProblemException;
import dev.smtpd4c.auth.sender.ObservationService;
import dev.smtpd4c.auth.sender.ObservationValidator;
import dev.smtpd4c.auth.sender.SenderObservation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the connection parameters, parses the message and runs the verifier. Stores nothing,
 * unless the caller names the message's stream: then (stream, From domain, IP) is recorded as a
 * sender observation of the registered domain it belongs to, for the sender drift check.
 */
@ApplicationScoped
public class VerifyService {

    /** A HELO name or address literal: printable, no spaces, as SMTP allows. */
    private static final Pattern HELO = Pattern.compile("[!-~]{1,255}");
    private static final Pattern MAIL_FROM = Pattern.compile("[!-~]{0,320}");

    private final MessageVerifier verifier;
    private final ObservationService observations;
    private final Clock clock;
    private final int maxBytes;

    public VerifyService(MessageVerifier verifier, ObservationService observations, Clock clock, AuthConfig config) {
        this.verifier = verifier;
        this.observations = observations;
        this.clock = clock;
        this.maxBytes = config.verify().maxMessageBytes();
    }

    public Verification verify(byte[] message, String ip, String helo, String mailFrom, String stream) {
        String sendingStream = ObservationValidator.stream("stream (query parameter or X-Stream header)", stream);
        if (ip == null || ip.isBlank() || !InetAddresses.isInetAddress(ip.strip())) {
            throw bad("invalid-connection", "ip (query parameter or X-Connecting-IP header) must be the client's IPv4 "
                    + "or IPv6 address, got '" + (ip == null ? "" : ip) + "'");
        }
        if (helo == null || !HELO.matcher(helo.strip()).matches()) {
            throw bad("invalid-connection", "helo (query parameter or X-HELO header) must be the HELO/EHLO name");
        }
        String from = mailFrom == null ? "" : mailFrom.strip();
        if (from.startsWith("<") && from.endsWith(">")) {
            from = from.substring(1, from.length() - 1);
        }
        if (!MAIL_FROM.matcher(from).matches() || !from.isEmpty() && from.indexOf('@') <= 0) {
            throw bad("invalid-connection", "mailFrom must be an address like bounces@example.org, or empty for bounces");
        }
        if (message == null || message.length == 0) {
            throw bad("invalid-message", "the body must be the raw message (Content-Type: message/rfc822)");
        }
        if (message.length > maxBytes) {
            throw new ProblemException(413, "message-too-large", "Message too large",
                    "the message has " + message.length + " bytes; at most " + maxBytes + " are verified");
        }
        RawMessage raw = switch (MessageParser.parse(message)) {
            case ParsedMessage.Ok ok -> ok.message();
            case ParsedMessage.Malformed m -> throw bad("invalid-message",
                    "not an RFC 5322 message: line " + m.error().line() + ": " + m.error().reason());
        };
        Verification result = verifier.verify(raw, ip.strip(), helo.strip(), from);
        if (sendingStream != null && !result.fromDomain().isEmpty()) {
            Instant now = clock.instant();
            observations.record(List.of(new SenderObservation(sendingStream, result.fromDomain(),
                    ObservationValidator.ip("ip", ip), now, now, 1, SenderObservation.VERIFY)));
        }
        return result;
    }

    private static ProblemException bad(String slug, String detail) {
        return ProblemException.badRequest(slug, slug.equals("invalid-message") ? "Invalid message"
                : "Invalid connection parameters", detail);
    }
}

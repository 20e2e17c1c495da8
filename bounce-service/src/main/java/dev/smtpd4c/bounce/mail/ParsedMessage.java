package dev.smtpd4c.bounce.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A read message with the views the bounce formats ask for: the human-readable text, the
 * delivery-status and feedback-report parts, and the returned original message.
 */
public final class ParsedMessage {
    /** Inputs are cut here: a bounce worth reading is far smaller, and the cap bounds all later work. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** The text view is cut here; diagnostics sit near the top of a bounce. */
    static final int MAX_TEXT = 512 * 1024;

    private final MimePart root;
    private String text;
    private String lowerText;
    private String lowerHead;
    private java.util.Map<String, String> lowerFields;
    // Every format asks for these; each is worked out once per message.
    private String subject, from;
    private Optional<DeliveryStatus> deliveryStatus;

    private ParsedMessage(MimePart root) { this.root = root; }

    public static ParsedMessage parse(byte[] raw) { return of(Text.normalize(raw, MAX_BYTES)); }

    /** Parses an already normalized byte string (LF line ends, one char per byte). */
    public static ParsedMessage of(String normalized) { return new ParsedMessage(MimeReader.read(normalized)); }

    public MimePart root() { return root; }

    public Headers headers() { return root.headers(); }

    /** Decoded Subject. */
    public String subject() {
        if (subject == null) subject = root.headers().text("Subject");
        return subject;
    }

    /** Decoded From, lower case, for sender checks like "mailer-daemon@". */
    public String from() {
        if (from == null) from = Text.lower(root.headers().text("From"));
        return from;
    }

    /**
     * The readable text of the report: every text part outside the returned message, in order,
     * decoded in its charset; HTML is reduced to its text. For a single-part message, its body.
     */
    public String text() {
        if (text == null) {
            StringBuilder sb = new StringBuilder();
            collectText(root, sb);
            text = sb.length() > MAX_TEXT ? sb.substring(0, MAX_TEXT) : sb.toString();
        }
        return text;
    }

    /** {@link #text} in lower case, made once and shared by every format's signature checks. */
    public String lowerText() {
        if (lowerText == null) lowerText = Text.lower(text());
        return lowerText;
    }

    /** The first 4 KB of {@link #lowerText}: where formats look for their signatures. */
    public String lowerHead() {
        if (lowerHead == null) {
            // Text.lower keeps lengths, so the head of the lower-case text is the lower-case head;
            // most messages are claimed on their head and never need the whole text lowered.
            if (lowerText != null) lowerHead = lowerText.length() > 4096 ? lowerText.substring(0, 4096) : lowerText;
            else lowerHead = Text.lower(text().length() > 4096 ? text().substring(0, 4096) : text());
        }
        return lowerHead;
    }

    /** All values of a header field, lower case, one per line; made once per field name and message. */
    public String lowerFields(String name) {
        if (lowerFields == null) lowerFields = new java.util.HashMap<>();
        return lowerFields.computeIfAbsent(name, n -> Text.lower(String.join("\n", root.headers().getAll(n))));
    }

    private static void collectText(MimePart p, StringBuilder sb) {
        if (sb.length() > MAX_TEXT || p.isEnclosedMessage()) return;
        if (p.isMultipart()) {
            for (MimePart c : p.children()) collectText(c, sb);
            return;
        }
        if (p.type().equals("text/plain") || p.type().equals("text/html") && sb.length() == 0
                || p.type().equals("message/delivery-status") && sb.length() == 0) {
            String t = p.text();
            sb.append(p.type().equals("text/html") ? Html.toText(t) : t).append('\n');
        }
    }

    /** The first part of the given type outside a returned message (message/delivery-status, ...). */
    public Optional<MimePart> part(String type) { return find(root, type); }

    private static Optional<MimePart> find(MimePart p, String type) {
        if (p.type().equals(type) && p.depth() >= 0 && p != null && !p.isMultipart()) return Optional.of(p);
        if (p.isEnclosedMessage()) return Optional.empty();
        for (MimePart c : p.children()) {
            Optional<MimePart> f = find(c, type);
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    /** RFC 3464 status of the first delivery-status part (also message/global-delivery-status). */
    public Optional<DeliveryStatus> deliveryStatus() {
        if (deliveryStatus == null) {
            Optional<MimePart> p = part("message/delivery-status");
            if (p.isEmpty()) p = part("message/global-delivery-status");
            deliveryStatus = p.map(x -> DeliveryStatus.parse(x.text()));
        }
        return deliveryStatus;
    }

    /** Header fields of the returned original message (message/rfc822 or text/rfc822-headers). */
    public Headers originalHeaders() {
        List<MimePart> found = new ArrayList<>();
        enclosed(root, found);
        return found.isEmpty() ? Headers.EMPTY : found.get(0).children().get(0).headers();
    }

    /** The first attached message when it is itself a delivery report (multipart/report), else empty. */
    public Optional<ParsedMessage> forwardedReport() {
        List<MimePart> found = new ArrayList<>();
        enclosed(root, found);
        if (found.isEmpty() || !found.get(0).children().get(0).type().equals("multipart/report")) return Optional.empty();
        return Optional.of(new ParsedMessage(found.get(0).children().get(0)));
    }

    private static void enclosed(MimePart p, List<MimePart> out) {
        if (!out.isEmpty()) return;
        if (p.isEnclosedMessage() && !p.children().isEmpty()) { out.add(p); return; }
        for (MimePart c : p.children()) enclosed(c, out);
    }
}

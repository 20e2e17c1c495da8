package dev.smtpd4c.bounce;

import dev.smtpd4c.bounce.classify.Classifier;
import dev.smtpd4c.bounce.classify.PseudoStatus;
import dev.smtpd4c.bounce.classify.Reason;
import dev.smtpd4c.bounce.mail.Headers;
import dev.smtpd4c.bounce.mail.Mbox;
import dev.smtpd4c.bounce.mail.ParsedMessage;
import dev.smtpd4c.bounce.mail.Text;
import dev.smtpd4c.bounce.parse.Addresses;
import dev.smtpd4c.bounce.parse.BounceFormat;
import dev.smtpd4c.bounce.parse.Formats;
import dev.smtpd4c.bounce.parse.RawFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bytes in, classified results out. An mbox file gives the results of all its messages; a
 * message no format claims gives none. Never throws: a format that fails on odd input is
 * treated as "not mine" and the next one is tried.
 */
public final class BounceParser {
    static final int MAX_DIAGNOSTIC = 600;

    private final List<BounceFormat> formats;
    private final Classifier classifier;

    public BounceParser() { this(Formats.ALL); }

    public BounceParser(List<BounceFormat> formats) { this(formats, null); }

    /** With a classifier that leaves some of its data out (the agreement benchmark); null: all of it. */
    public BounceParser(List<BounceFormat> formats, Classifier classifier) {
        this.formats = List.copyOf(formats);
        this.classifier = classifier;
    }

    public List<BounceRecord> parse(byte[] raw) {
        List<BounceRecord> out = new ArrayList<>();
        for (String message : Mbox.split(Text.normalize(raw, ParsedMessage.MAX_BYTES))) {
            out.addAll(parseOne(ParsedMessage.of(message)));
        }
        return out;
    }

    public List<BounceRecord> parseOne(ParsedMessage m) {
        // A relay or filter that forwards a bounce as an attachment, with a cover note of its own:
        // the attached report is the precise one.
        Optional<ParsedMessage> inner = m.deliveryStatus().isEmpty() ? m.forwardedReport() : Optional.empty();
        if (inner.isPresent()) {
            List<BounceRecord> got = parseOne(inner.get());
            if (!got.isEmpty()) return got;
        }
        for (BounceFormat f : formats) {
            Optional<List<RawFailure>> got;
            try {
                got = f.decode(m);
            } catch (RuntimeException | StackOverflowError e) {
                continue; // a format bug must not lose the message: the next format may read it
            }
            if (got.isPresent() && !got.get().isEmpty()) return records(m, f.name(), got.get());
        }
        return List.of();
    }

    private List<BounceRecord> records(ParsedMessage m, String decoder, List<RawFailure> failures) {
        Headers orig = m.originalHeaders();
        String verp = Addresses.verpRecipient(m.headers().get("To"));
        if (verp.isEmpty()) verp = Addresses.verpRecipient(orig.get("Return-Path"));
        List<BounceRecord> out = new ArrayList<>();
        for (RawFailure f : failures) {
            if (f.recipient().isEmpty()) continue;
            Reason r = classifier == null ? Classifier.classify(f) : classifier.reasonOf(f);
            String status = f.status();
            if (status.isEmpty()) status = PseudoStatus.of(r, Classifier.isTemporary(f));
            String diag = f.diagnosticCode().length() > MAX_DIAGNOSTIC ? f.diagnosticCode().substring(0, MAX_DIAGNOSTIC) : f.diagnosticCode();
            out.add(new BounceRecord(f.recipient(), status, f.replyCode(), r.id(), r.isHard(f.status(), f.replyCode()),
                    f.action(), diag, f.diagnosticType(), f.command(), decoder, f.reportingMta(), f.remoteMta(),
                    f.feedbackType(), orig.get("Message-ID").trim(), Addresses.find(orig.get("From")),
                    Addresses.find(orig.get("To")), verp, orig.get("X-SMTPD4C-Message-ID").trim(),
                    orig.get("X-SMTPD4C-Stream").trim(), orig.get("Feedback-ID").trim()));
        }
        return out;
    }
}

package dev.smtpd4c.bounce.parse;

import java.util.List;

/**
 * The formats in the order they are tried: data, not discovery. Complaints and Amazon SES's
 * machine-readable notifications first; OpenSMTPD before RFC 3464, because its delay reports
 * carry a bare "Action: delayed, Status: 4.0.0" while its text names the real, often final, cause
 * ("Envelope expired", "No MX found for domain"); then RFC 3464 DSNs; then the text formats of
 * MTAs without a DSN part and raw SMTP session transcripts; then auto-replies; and the text scanner last, for bounces nobody claims.
 */
public final class Formats {
    private Formats() {}

    public static final List<BounceFormat> ALL = List.of(
            new ArfFormat(),
            new AmazonSesFormat(),
            new OpenSmtpdFormat(),
            new Rfc3464Format(),
            new DragonFlyFormat(),
            new QmailFormat(),
            new GoogleGroupsFormat(),
            new EximFormat(),
            new GmailFormat(),
            new YahooFormat(),
            new VerizonFormat(),
            new AuFormat(),
            new DominoFormat(),
            new NotesFormat(),
            new ExchangeFormat(),
            new ImailFormat(),
            new SendmailFormat(),
            new FmlFormat(),
            new SmtpTranscriptFormat(),
            new Rfc3834Format(),
            new TextScannerFormat());
}

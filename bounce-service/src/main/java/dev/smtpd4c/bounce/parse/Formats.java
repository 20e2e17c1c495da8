package dev.smtpd4c.bounce.parse;

import java.util.List;

/**
 * The formats in the order they are tried: data, not discovery. Complaints and machine-readable
 * notifications first; then text formats with strong signatures (they are more precise than the
 * generic DSN reader when a vendor adds its own text); then RFC 3464; then auto-replies; and the
 * text scanner last, for bounces nobody claims.
 */
public final class Formats {
    private Formats() {}

    public static final List<BounceFormat> ALL = List.of(
            new ArfFormat(),
            new AmazonSesFormat(),
            new Rfc3464Format(),
            new DragonFlyFormat(),
            new QmailFormat(),
            new GoogleGroupsFormat(),
            new EximFormat(),
            new OpenSmtpdFormat(),
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
            new Rfc3834Format(),
            new TextScannerFormat());
}

package dev.smtpd4c.bounce.parse;

/** Small helper for DSN-style "type; value" strings met outside a delivery-status part. */
final class DsnText {
    private DsnText() {}

    static String value(String v) { return dev.smtpd4c.bounce.mail.DeliveryStatus.stripType(v == null ? "" : v); }
}

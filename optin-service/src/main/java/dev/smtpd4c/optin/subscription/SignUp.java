package dev.smtpd4c.optin.subscription;

/**
 * A sign-up request as the REST API takes it; {@code formVersion} names the form and consent text
 * shown. {@code website} is the honeypot: a form field hidden from people, so only bots fill it in.
 */
public record SignUp(String address, String list, String source, String locale, String formVersion, String website) {

    public SignUp(String address, String list, String source, String locale, String formVersion) {
        this(address, list, source, locale, formVersion, null);
    }
}

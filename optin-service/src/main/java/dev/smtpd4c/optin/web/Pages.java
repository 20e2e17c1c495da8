package dev.smtpd4c.optin.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The few HTML pages people see after following a link from a mail. Only fixed text and verified
 * tokens go in (a token that passed its MAC check holds only base64url characters, '.' and the
 * configured kid), so nothing a visitor typed is echoed.
 */
public final class Pages {

    private Pages() {}

    public static Response page(int status, String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><meta name=\"robots\" content=\"noindex\">"
                + "<title>" + title + "</title></head><body><main><h1>" + title + "</h1>" + body + "</main></body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    /** A form that POSTs back to {@code action}: what turns a link scanner's GET into a person's click. */
    public static String form(String action, String hiddenName, String hiddenValue, String button) {
        return "<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"" + hiddenName
                + "\" value=\"" + hiddenValue + "\"><button type=\"submit\">" + button + "</button></form>";
    }

    public static Response invalidLink() {
        return page(400, "This link is not valid", "<p>The link is incomplete or was changed. Copy the whole link "
                + "from the mail, or sign up again.</p>");
    }

    public static Response expiredLink() {
        return page(410, "This link has expired", "<p>Sign up again to get a new confirmation mail.</p>");
    }
}

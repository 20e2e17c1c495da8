package dev.smtpd4c.bounce.webhook;

import java.io.IOException;
import java.net.URI;

/**
 * The two HTTPS calls the SNS handshake needs: fetching a signing certificate and confirming a
 * subscription. An interface so tests serve a certificate of their own and record confirmations
 * without the network; URLs are checked before they get here.
 */
public interface SnsHttp {

    /** The body of a GET on {@code uri}; throws when the answer is not 200. */
    byte[] get(URI uri) throws IOException;
}

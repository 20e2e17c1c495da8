package dev.smtpd4c.auth.support;

/** The JSON endpoint of this service that MalformedJsonTest sends broken bodies to. */
final class JsonEndpoint {

    /** POST, application/json: the sender observations. */
    static final String PATH = "/api/v1/observations";

    private JsonEndpoint() {}
}

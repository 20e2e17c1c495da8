package dev.smtpd4c.bounce.support;

/** The JSON endpoint of this service that MalformedJsonTest sends broken bodies to. */
final class JsonEndpoint {

    /** POST, application/json: the sends report. */
    static final String PATH = "/api/v1/sends";

    private JsonEndpoint() {}
}

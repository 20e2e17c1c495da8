package dev.smtpd4c.sunset.support;

/** The JSON endpoint of this service that MalformedJsonTest sends broken bodies to. */
final class JsonEndpoint {

    /** POST, application/json: the engagement batch. */
    static final String PATH = "/api/v1/engagement";

    private JsonEndpoint() {}
}

package dev.smtpd4c.optin.support;

/** The JSON endpoint of this service that MalformedJsonTest sends broken bodies to. */
final class JsonEndpoint {

    /** POST, application/json: the sign-up. */
    static final String PATH = "/api/v1/subscriptions";

    private JsonEndpoint() {}
}

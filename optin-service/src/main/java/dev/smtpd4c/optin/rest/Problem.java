package dev.smtpd4c.optin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details document; {@code type} is stable and documented per error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String TYPE_BASE = "https://smtpd4c.dev/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";
}

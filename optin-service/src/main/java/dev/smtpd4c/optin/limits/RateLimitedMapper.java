package dev.smtpd4c.optin.limits;

import dev.smtpd4c.optin.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class RateLimitedMapper {

    @ServerExceptionMapper
    public Response limited(RateLimitedException e, UriInfo uri) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(new Problem(Problem.TYPE_BASE + "rate-limited", "Too many requests", 429, e.getMessage(), uri.getPath()))
                .build();
    }
}

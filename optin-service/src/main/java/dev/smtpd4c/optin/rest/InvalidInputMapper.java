package dev.smtpd4c.optin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 422 problem+json listing every invalid field (RFC 9457 3.2 extension member {@code errors}). */
public class InvalidInputMapper {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InvalidInputProblem(String type, String title, int status, String detail, String instance,
            List<InvalidInputException.FieldError> errors) {}

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, UriInfo uri) {
        String detail = e.errors().size() == 1 ? e.errors().get(0).detail()
                : "The request has " + e.errors().size() + " invalid fields; see errors.";
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(new InvalidInputProblem(Problem.TYPE_BASE + "invalid-input",
                "Invalid input", 422, detail, uri.getPath(), e.errors())).build();
    }
}

package dev.smtpd4c.optin.subscription;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/subscriptions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionService service;

    public SubscriptionResource(SubscriptionService service) {
        this.service = service;
    }

    /** Always the same 202 body for a valid address, so nobody learns whether it was already known. */
    @POST
    @Operation(summary = "Sign an address up for a list; a confirmation mail follows")
    public Response signUp(SignUp request) {
        if (request == null) {
            throw dev.smtpd4c.optin.rest.ProblemException.badRequest("missing-body", "Missing body",
                    "Send a JSON object with at least \"address\".");
        }
        service.signUp(request);
        return Response.accepted(Map.of("status", "accepted",
                "detail", "If the address can receive mail, a confirmation message is on its way.")).build();
    }
}

package dev.smtpd4c.optin.subscription;

import dev.smtpd4c.optin.consent.ClientInfoResolver;
import dev.smtpd4c.optin.rest.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/subscriptions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private static final Map<String, String> ACCEPTED = Map.of("status", "accepted",
            "detail", "If the address can receive mail, a confirmation message is on its way.");
    private static final Map<String, String> RESENT = Map.of("status", "accepted",
            "detail", "If a sign-up for this address is waiting for confirmation, its confirmation message is sent again.");

    private final SubscriptionService service;
    private final ClientInfoResolver clients;

    public SubscriptionResource(SubscriptionService service, ClientInfoResolver clients) {
        this.service = service;
        this.clients = clients;
    }

    /** Always the same 202 body for a valid address (new, pending, confirmed or unsubscribed), so nobody learns who is subscribed. */
    @POST
    @Operation(summary = "Sign an address up for a list; a confirmation mail follows")
    public Response signUp(SignUp request, @Context HttpServerRequest http) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "Missing body",
                    "Send a JSON object with at least \"address\".");
        }
        service.signUp(request, clients.of(http));
        return Response.accepted(ACCEPTED).build();
    }

    /** The same 202 whatever the address's state (pending, confirmed, unknown, cap reached), so nobody learns who is subscribed. */
    @POST
    @Path("/resend")
    @Operation(summary = "Send the confirmation mail of a pending sign-up again (capped)")
    public Response resend(Resend request, @Context HttpServerRequest http) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "Missing body",
                    "Send a JSON object with at least \"address\".");
        }
        service.resend(request, clients.of(http));
        return Response.accepted(RESENT).build();
    }
}

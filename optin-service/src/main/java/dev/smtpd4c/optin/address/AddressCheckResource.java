package dev.smtpd4c.optin.address;

import dev.smtpd4c.optin.consent.ClientInfoResolver;
import dev.smtpd4c.optin.limits.AbuseLimits;
import dev.smtpd4c.optin.rest.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Lets a sign-up form check an address before submitting it; stores nothing and says nothing about subscriptions. */
@Path("/api/v1/address-checks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AddressCheckResource {

    public record AddressCheckRequest(String address) {}

    private final AddressChecker checker;
    private final AbuseLimits limits;
    private final ClientInfoResolver clients;

    public AddressCheckResource(AddressChecker checker, AbuseLimits limits, ClientInfoResolver clients) {
        this.checker = checker;
        this.limits = limits;
        this.clients = clients;
    }

    @POST
    @Operation(summary = "Check an address: syntax, disposable domain, MX/A in DNS, typo suggestion")
    public AddressVerdict check(AddressCheckRequest request, @Context HttpServerRequest http) {
        if (request == null || request.address() == null) {
            throw ProblemException.badRequest("missing-address", "Missing address",
                    "Send a JSON object with \"address\".");
        }
        limits.check(AbuseLimits.Action.ADDRESS_CHECK, clients.of(http)); // each check may ask DNS
        return checker.check(request.address());
    }
}

package dev.smtpd4c.optin.consent;

import dev.smtpd4c.optin.rest.ProblemException;
import dev.smtpd4c.optin.subscription.EmailAddress;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operator API: proof of consent per address, and erasure on request. Not for the public internet. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final ConsentLedger ledger;
    private final ErasureService erasure;

    public ConsentResource(ConsentLedger ledger, ErasureService erasure) {
        this.ledger = ledger;
        this.erasure = erasure;
    }

    @GET
    @Path("/consent/{address}")
    @Operation(summary = "Every consent step recorded for an address, oldest first")
    public Map<String, Object> export(@PathParam("address") String address) {
        String normalised = normalise(address);
        List<ConsentRecord> steps = ledger.export(normalised);
        return Map.of("address", normalised, "steps", steps);
    }

    @DELETE
    @Path("/subscribers/{address}")
    @Operation(summary = "Erase an address: subscriptions and consent rows go, a pseudonymised tombstone stays")
    public Map<String, Object> erase(@PathParam("address") String address) {
        String hash = erasure.erase(normalise(address));
        return Map.of("status", "erased", "addressHash", hash);
    }

    private static String normalise(String address) {
        return EmailAddress.parse(address).map(EmailAddress::toString).orElseThrow(() -> ProblemException.badRequest(
                "invalid-address", "Invalid address", "The address is not a valid mailbox address (RFC 5321)."));
    }
}

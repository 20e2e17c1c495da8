package dev.smtpd4c.bounce.suppression;

import dev.smtpd4c.bounce.rest.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/suppressions")
@Produces(MediaType.APPLICATION_JSON)
public class SuppressionResource {

    private static final int MAX_LIMIT = 1000;

    private final SuppressionService service;

    public SuppressionResource(SuppressionService service) {
        this.service = service;
    }

    public record Entry(long id, String address, String scope, String reason, String detail, String source, String actor,
            Instant createdAt) {
        static Entry of(Suppression s) {
            return new Entry(s.id, s.address, s.scope, s.reason, s.detail, s.source, s.actor, s.createdAt);
        }
    }

    public record Change(String action, String scope, String actor, String why, Instant at) {}

    public record Lookup(String address, boolean suppressed, List<Entry> scopes, List<Change> history) {}

    /** {@code next} is the {@code after} value of the following page; null on the last page. */
    public record Page(List<Entry> items, Long next) {}

    public record ManualSuppression(String address, String scope, String actor, String reason) {}

    @GET
    @Path("/{address}")
    @Operation(summary = "Is the address suppressed, in which scopes, and why (with the audit history)")
    public Lookup lookup(@PathParam("address") String address) {
        List<Entry> active = service.active(address).stream().map(Entry::of).toList();
        List<Change> history = service.history(address).stream()
                .map(a -> new Change(a.action, a.scope, a.actor, a.why, a.at)).toList();
        return new Lookup(EmailAddress.normalise(address), !active.isEmpty(), active, history);
    }

    @GET
    @Operation(summary = "Active suppressions in id order; pass the reply's next as after for the following page")
    public Page list(@QueryParam("scope") String scope, @QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid-limit", "Invalid limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        List<Entry> items = service.page(Optional.ofNullable(scope), after, limit).stream().map(Entry::of).toList();
        Long next = items.size() == limit ? items.get(items.size() - 1).id() : null;
        return new Page(items, next);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suppress an address by hand (audited); 201 when added, 200 when it already was")
    public Response add(ManualSuppression request) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "Missing body",
                    "Send a JSON object with address, actor and reason (scope defaults to global).");
        }
        Optional<Suppression> added = service.addManual(request.address(), request.scope(), request.actor(), request.reason());
        return added.map(s -> Response.status(201).entity(Entry.of(s)).build())
                .orElseGet(() -> Response.ok(lookup(request.address())).build());
    }

    @DELETE
    @Path("/{address}")
    @Operation(summary = "Lift a suppression in one scope (default global); actor and reason are required and audited")
    public Entry lift(@PathParam("address") String address, @QueryParam("scope") String scope,
            @QueryParam("actor") String actor, @QueryParam("reason") String reason) {
        return Entry.of(service.lift(address, scope, actor, reason));
    }
}

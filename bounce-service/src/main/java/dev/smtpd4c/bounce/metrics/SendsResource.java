package dev.smtpd4c.bounce.metrics;

import dev.smtpd4c.bounce.rest.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Sends reported by the mail system, the denominator of the hard-bounce rate. Counted in memory
 * only: the rate is a Prometheus query over counters, and Prometheus keeps the history.
 */
@Path("/api/v1/sends")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SendsResource {

    private static final long MAX_COUNT = 10_000_000;

    private final BounceMetrics metrics;

    public SendsResource(BounceMetrics metrics) {
        this.metrics = metrics;
    }

    /** {@code domain}: the sending domain (From); {@code stream}: transactional, marketing, ...; {@code count}: messages sent. */
    public record Sends(String domain, String stream, long count) {}

    @POST
    @Operation(summary = "Report messages sent per sending domain and stream (smtpd4c_messages_sent_total)")
    public Response report(Sends s) {
        if (s == null || s.domain() == null || s.domain().isBlank() || s.count() < 1 || s.count() > MAX_COUNT) {
            throw ProblemException.badRequest("invalid-sends", "Invalid sends report",
                    "Send {\"domain\": \"news.example.com\", \"stream\": \"marketing\", \"count\": 1..." + MAX_COUNT + "}.");
        }
        metrics.sent(s.domain(), s.stream(), s.count());
        return Response.accepted().build();
    }
}

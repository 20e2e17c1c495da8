package dev.smtpd4c.sunset.evaluation;

import dev.smtpd4c.sunset.rest.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Runs an evaluation now, or previews one (dryRun=true: what would change and why, nothing written). */
@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final EvaluationService evaluation;

    public EvaluationResource(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @POST
    public Response evaluate(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("sample") @DefaultValue("100") int sample) {
        if (sample < 0 || sample > 10_000) {
            throw ProblemException.badRequest("invalid-sample", "Invalid sample size", "sample must be between 0 and 10000");
        }
        return dryRun ? Response.ok(evaluation.dryRun(sample)).build() : Response.ok(evaluation.evaluate()).build();
    }
}

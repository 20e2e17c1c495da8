package dev.smtpd4c.sunset.complaint;

import dev.smtpd4c.sunset.rest.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The complaint-rate monitor: the last judgement, a judgement now, and an operator's resume of paused marketing. */
@Path("/api/v1/complaint-rates")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintRateResource {

    private final ComplaintRateMonitor monitor;

    public ComplaintRateResource(ComplaintRateMonitor monitor) {
        this.monitor = monitor;
    }

    /** Every sending domain, stream and window as last judged, with any pause. */
    @GET
    public List<ComplaintRateMonitor.Rate> current() {
        return monitor.current();
    }

    /** Judges every window now (the schedule does the same) and returns the result. */
    @POST
    public List<ComplaintRateMonitor.Rate> evaluate() {
        return monitor.evaluate();
    }

    public record Resume(String sendingDomain, String stream, String actor, String reason) {}

    /** Lifts a pause: an operator saw the rate fall and resumes (slowly, see the runbook). */
    @POST
    @Path("resume")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> resume(Resume r) {
        if (r == null || blank(r.sendingDomain()) || blank(r.stream()) || blank(r.actor()) || blank(r.reason())) {
            throw ProblemException.badRequest("invalid-resume", "Invalid resume",
                    "sendingDomain, stream, actor and reason are required; the log and the event need who and why");
        }
        if (!monitor.resume(r.sendingDomain(), r.stream(), r.actor(), r.reason())) {
            throw new ProblemException(404, "not-paused", "Not paused", "marketing of stream " + r.stream() + " from " + r.sendingDomain() + " is not paused");
        }
        return Map.of("sendingDomain", r.sendingDomain(), "stream", r.stream(), "marketingPaused", false);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

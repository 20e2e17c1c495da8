package dev.smtpd4c.sunset.recipient;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** "May I mail this address?", "should this user re-confirm at login?", and manual overrides. */
@Path("/api/v1/recipients/{address}")
@Produces(MediaType.APPLICATION_JSON)
public class RecipientResource {

    private final RecipientService recipients;

    public RecipientResource(RecipientService recipients) {
        this.recipients = recipients;
    }

    /** Every stream's status with its reason, and the audit trail of manual overrides, newest first. */
    @GET
    public RecipientService.Standing standing(@PathParam("address") String address) {
        return recipients.standing(address);
    }

    @GET
    @Path("may-send")
    public Map<String, Object> maySend(@PathParam("address") String address, @QueryParam("stream") String stream,
            @QueryParam("sendingDomain") String sendingDomain) {
        Answer a = recipients.maySend(address, stream, sendingDomain);
        return Map.of("allowed", a.yes(), "reason", a.reason());
    }

    @GET
    @Path("reconfirm-at-login")
    public Map<String, Object> reconfirmAtLogin(@PathParam("address") String address) {
        Answer a = recipients.reconfirmAtLogin(address);
        return Map.of("ask", a.yes(), "reason", a.reason());
    }

    /** Sets a status by hand, pinned against the evaluation; writes an audit row and announces the change. */
    @POST
    @Path("override")
    @Consumes(MediaType.APPLICATION_JSON)
    public StatusChange override(@PathParam("address") String address, OverrideRequest request) {
        return recipients.override(address, request);
    }
}

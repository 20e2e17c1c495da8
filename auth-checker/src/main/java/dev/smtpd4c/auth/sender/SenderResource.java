package dev.smtpd4c.auth.sender;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What was seen sending for a registered domain. */
@Path("/api/v1/domains/{domain}/senders")
@Produces(MediaType.APPLICATION_JSON)
public class SenderResource {

    private final ObservationService service;

    public SenderResource(ObservationService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Every (stream, From domain, IP) seen sending for the domain, registered or not")
    public List<SenderView> senders(@PathParam("domain") String domain) {
        return service.senders(domain);
    }
}

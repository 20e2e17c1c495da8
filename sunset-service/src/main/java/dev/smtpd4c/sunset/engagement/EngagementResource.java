package dev.smtpd4c.sunset.engagement;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Batches of engagement events from the organisation's mail system or ESP. */
@Path("/api/v1/engagement")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource {

    private final EngagementService service;

    public EngagementResource(EngagementService service) {
        this.service = service;
    }

    /** 202 with how many events were applied and how many were already known by id. */
    @POST
    public Response record(List<EngagementService.Item> batch) {
        return Response.accepted(service.recordBatch(batch)).build();
    }
}

package dev.smtpd4c.auth.domain;

import dev.smtpd4c.auth.report.DomainReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sender domains: register, read, change, remove, and their report. */
@Path("/api/v1/domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainResource {

    private final DomainService service;

    public DomainResource(DomainService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Register a sender domain (409 if it already is)")
    public Response register(DomainRegistration body) {
        DomainView view = service.register(body);
        return Response.created(URI.create("/api/v1/domains/" + view.domain())).entity(view).build();
    }

    @GET
    @Path("{domain}")
    public DomainView get(@PathParam("domain") String domain) {
        return service.get(domain);
    }

    @PUT
    @Path("{domain}")
    @Operation(summary = "Replace the selectors, IPs, From domains and streams of a registered domain")
    public DomainView update(@PathParam("domain") String domain, DomainRegistration body) {
        return service.update(domain, body);
    }

    @DELETE
    @Path("{domain}")
    public Response delete(@PathParam("domain") String domain) {
        service.delete(domain);
        return Response.noContent().build();
    }

    @GET
    @Path("{domain}/report")
    @Operation(summary = "Check the domain now: findings, grade, bulk-sender requirements; stored as a snapshot")
    public DomainReport report(@PathParam("domain") String domain) {
        return service.report(domain);
    }
}

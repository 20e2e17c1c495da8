package dev.smtpd4c.auth.sender;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who sends for registered domains: observations from the MTA side and DMARC aggregate reports. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    private final ObservationService service;

    public ObservationResource(ObservationService service) {
        this.service = service;
    }

    @POST
    @Path("observations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record messages seen leaving (stream, From domain, IP) for registered domains")
    public ObservationResult observations(ObservationInput body) {
        return service.recordBatch(body);
    }

    @POST
    @Path("dmarc-reports")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, "application/gzip", "application/x-gzip", "application/zip",
            MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Apply a DMARC aggregate report (XML, .xml.gz or .zip): its rows become sender observations")
    public DmarcReportResult dmarcReport(byte[] upload) {
        return service.importReport(upload);
    }
}

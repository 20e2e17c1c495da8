package dev.smtpd4c.auth.verify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Verifies one raw message as a receiver would: SPF, DKIM, DMARC, ARC and Authentication-Results. */
@Path("/api/v1/verify")
public class VerifyResource {

    private final VerifyService service;

    public VerifyResource(VerifyService service) {
        this.service = service;
    }

    @POST
    @Consumes({"message/rfc822", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Authenticate a raw message given the connecting IP, HELO and MAIL FROM; with a stream, "
            + "the sender (stream, From domain, IP) is recorded for the registered domain it belongs to")
    public Verification verify(byte[] message,
            @QueryParam("ip") String ip, @HeaderParam("X-Connecting-IP") String ipHeader,
            @QueryParam("helo") String helo, @HeaderParam("X-HELO") String heloHeader,
            @QueryParam("mailFrom") String mailFrom, @HeaderParam("X-Mail-From") String mailFromHeader,
            @QueryParam("stream") String stream, @HeaderParam("X-Stream") String streamHeader) {
        return service.verify(message, ip != null ? ip : ipHeader, helo != null ? helo : heloHeader,
                mailFrom != null ? mailFrom : mailFromHeader, stream != null ? stream : streamHeader);
    }
}

package dev.smtpd4c.bounce.ingest;

import dev.smtpd4c.bounce.config.BounceConfig;
import dev.smtpd4c.bounce.rest.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/bounces")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

    static final String RFC822 = "message/rfc822";
    static final String MBOX = "application/mbox";

    private final IngestService service;
    private final long maxBytes;

    public IngestResource(IngestService service, BounceConfig config) {
        this.service = service;
        this.maxBytes = config.ingest().maxSize().asLongValue();
    }

    @POST
    @Consumes({RFC822, MBOX})
    @Operation(summary = "Record a bounce, complaint or auto-reply mail (message/rfc822) or several (application/mbox)")
    public IngestResult ingest(@HeaderParam("Content-Type") String contentType, InputStream body) {
        byte[] raw = readCapped(body);
        if (raw.length == 0) {
            throw ProblemException.badRequest("empty-message", "Empty message", "The request body is empty; send the raw mail.");
        }
        return service.ingestRaw(contentType.startsWith(MBOX) ? MBOX : RFC822, raw);
    }

    /** Reads at most the configured size; one byte more is refused before anything is stored. */
    private byte[] readCapped(InputStream body) {
        try (body) {
            byte[] raw = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (raw.length > maxBytes) {
                throw new ProblemException(413, "message-too-large", "Message too large",
                        "The body is larger than " + maxBytes + " bytes (smtpd4c.ingest.max-size); nothing was stored.");
            }
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the posted message", e);
        }
    }
}

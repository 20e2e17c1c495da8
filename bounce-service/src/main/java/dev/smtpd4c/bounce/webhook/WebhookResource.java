package dev.smtpd4c.bounce.webhook;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** ESP webhooks. Bodies are taken as bytes: signatures are over the exact bytes sent. */
@Path("/api/v1/webhooks")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookService service;

    public WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Path("/ses")
    @Operation(summary = "Amazon SES notifications via SNS (subscription handshake and Bounce/Complaint/Delivery)")
    public WebhookService.Reply ses(byte[] body) {
        return service.ses(body);
    }

    @POST
    @Path("/sendgrid")
    @Operation(summary = "SendGrid signed event webhook")
    public WebhookService.Reply sendgrid(byte[] body, @HeaderParam(SendGridVerifier.SIGNATURE) String signature,
            @HeaderParam(SendGridVerifier.TIMESTAMP) String timestamp) {
        return service.sendgrid(body, signature, timestamp);
    }

    @POST
    @Path("/postmark")
    @Operation(summary = "Postmark bounce and spam complaint webhooks (HTTP Basic credentials)")
    public WebhookService.Reply postmark(byte[] body, @HeaderParam("Authorization") String authorization,
            @Context HttpServerRequest request) {
        return service.postmark(body, authorization, request.remoteAddress().hostAddress());
    }

    @POST
    @Path("/mailgun")
    @Operation(summary = "Mailgun webhooks (HMAC-signed JSON)")
    public WebhookService.Reply mailgun(byte[] body) {
        return service.mailgun(body);
    }
}

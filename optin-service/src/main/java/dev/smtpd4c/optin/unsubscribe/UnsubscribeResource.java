package dev.smtpd4c.optin.unsubscribe;

import dev.smtpd4c.optin.consent.ClientInfoResolver;
import dev.smtpd4c.optin.web.Pages;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The List-Unsubscribe URL: mail clients POST to it (RFC 8058), people land on the GET page. */
@Path("/unsubscribe")
public class UnsubscribeResource {

    static final String ONE_CLICK = "One-Click";

    private final UnsubscribeService service;
    private final ClientInfoResolver clients;

    public UnsubscribeResource(UnsubscribeService service, ClientInfoResolver clients) {
        this.service = service;
        this.clients = clients;
    }

    @GET
    @Operation(summary = "Page with an unsubscribe button")
    public Response page(@QueryParam("token") String token) {
        return switch (service.check(token).outcome()) {
            // The button sends exactly what an RFC 8058 client sends, so there is one POST path.
            case VALID -> Pages.page(200, "Unsubscribe", "<p>Press the button and you get no more mail from this list.</p>"
                    + Pages.form("/unsubscribe?token=" + token, "List-Unsubscribe", ONE_CLICK, "Unsubscribe"));
            case EXPIRED -> Pages.expiredLink();
            default -> Pages.invalidLink();
        };
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "RFC 8058 one-click: POST ?token=… with body List-Unsubscribe=One-Click")
    public Response unsubscribe(@QueryParam("token") String token, @FormParam("List-Unsubscribe") String oneClick,
            @Context HttpServerRequest request) {
        if (!ONE_CLICK.equals(oneClick)) {
            return Pages.page(400, "Nothing was changed", "<p>The request did not carry List-Unsubscribe=One-Click.</p>");
        }
        return switch (service.unsubscribe(token, clients.of(request))) {
            case UNSUBSCRIBED, ALREADY_UNSUBSCRIBED -> Pages.page(200, "You are unsubscribed",
                    "<p>You will get no more mail from this list.</p>");
            case EXPIRED -> Pages.expiredLink();
            case INVALID -> Pages.invalidLink();
        };
    }
}

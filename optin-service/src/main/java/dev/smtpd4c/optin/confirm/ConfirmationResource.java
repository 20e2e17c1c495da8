package dev.smtpd4c.optin.confirm;

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

/** The link in the confirmation mail. GET only shows a button: mail scanners follow links, people press buttons. */
@Path("/confirm")
public class ConfirmationResource {

    private final ConfirmationService service;
    private final ClientInfoResolver clients;

    public ConfirmationResource(ConfirmationService service, ClientInfoResolver clients) {
        this.service = service;
        this.clients = clients;
    }

    @GET
    @Operation(summary = "Page with a button that confirms; following the link alone changes nothing")
    public Response page(@QueryParam("token") String token) {
        return switch (service.check(token).outcome()) {
            case VALID -> Pages.page(200, "Confirm your subscription", "<p>Press the button to start receiving mail.</p>"
                    + Pages.form("/confirm", "token", token, "Confirm subscription"));
            case EXPIRED -> Pages.expiredLink();
            default -> Pages.invalidLink();
        };
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Confirm with the token from the mail (form field token)")
    public Response confirm(@FormParam("token") String token, @Context HttpServerRequest request) {
        return switch (service.confirm(token, clients.of(request))) {
            case CONFIRMED -> Pages.page(200, "Subscription confirmed", "<p>Thank you. You can leave with one click "
                    + "from any mail we send.</p>");
            case ALREADY_USED -> Pages.page(409, "This link was already used",
                    "<p>Nothing was changed. If you did not confirm yourself, sign up again.</p>");
            case EXPIRED -> Pages.expiredLink();
            case INVALID -> Pages.invalidLink();
        };
    }
}

package dev.smtpd4c.optin.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpd4c.optin.support.GreenMail;
import dev.smtpd4c.optin.support.MimeReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The confirmation mail as the real GreenMail received it: the sign-up's language, both parts, the one-click headers. */
@QuarkusTest
class LocalisedMailTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "de-CH | de | Bitte bestätigen Sie Ihr Abonnement von Wöchentlich | Zum Bestätigen öffnen Sie diesen Link | Abonnement bestätigen",
            "fr     | fr | Veuillez confirmer votre abonnement à Wöchentlich    | Pour confirmer, ouvrez ce lien           | Confirmer mon abonnement",
            "en     | en | Please confirm your subscription to Wöchentlich      | To confirm, open this link               | Confirm my subscription",
            "pt-BR  | en | Please confirm your subscription to Wöchentlich      | To confirm, open this link               | Confirm my subscription",
            "'x y'  | en | Please confirm your subscription to Wöchentlich      | To confirm, open this link               | Confirm my subscription"})
    void theMailIsInTheSignUpLanguageWithBothPartsAndOneClickHeaders(String tag, String locale, String subject,
            String textPhrase, String htmlPhrase) throws Exception {
        String address = "lena-" + UUID.randomUUID() + "@smtpd4c.test";
        given().contentType("application/json")
                .body("{\"address\":\"" + address + "\",\"list\":\"Wöchentlich\",\"locale\":\"" + tag + "\"}")
                .post("/api/v1/subscriptions").then().statusCode(202);
        List<String> mails = GreenMail.primary().awaitMessages(address, Duration.ofSeconds(10));
        assertThat(mails).hasSize(1);
        MimeReader.Message mail = MimeReader.read(mails.get(0));

        assertThat(mail.header("Subject")).isEqualTo(subject);
        assertThat(mail.header("Content-Language")).isEqualTo(locale);
        assertThat(mail.header("To")).isEqualTo(address);
        assertThat(mail.header("List-Unsubscribe")).matches("<http://[^>]+/unsubscribe\\?token=[A-Za-z0-9_.-]+>");
        assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.header("X-SMTPD4C-Stream")).isEqualTo("transactional");
        assertThat(mail.header("Content-Type")).startsWith("multipart/alternative");

        assertThat(mail.parts()).hasSize(2);
        String text = mail.part("text/plain").content();
        String html = mail.part("text/html").content();
        assertThat(text).contains(textPhrase, address, "/confirm?token=").doesNotContain("<p>");
        assertThat(html).contains(htmlPhrase, "<html lang=\"" + locale + "\">", "href=\"http://");
        String token = text.replaceAll("(?s).*/confirm\\?token=([A-Za-z0-9_.-]+).*", "$1");
        assertThat(html).contains("/confirm?token=" + token); // both parts carry the same link
    }
}

package dev.smtpd4c.optin.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smtpd4c.optin.support.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The mail the real GreenMail received carries an RSA and an Ed25519 DKIM signature that an
 * independent verifier, dkimpy, accepts with the published keys; a changed byte breaks both.
 */
@QuarkusTest
@TestProfile(DkimProfile.class)
class DkimSignedMailTest {

    @Test
    void dkimpyVerifiesBothSignaturesOfTheReceivedMailAndRejectsATamperedCopy() throws Exception {
        String address = "dora-" + UUID.randomUUID() + "@smtpd4c.test";
        given().contentType("application/json")
                .body("{\"address\":\"" + address + "\",\"list\":\"Neuigkeiten für dich\",\"locale\":\"de\"}")
                .post("/api/v1/subscriptions").then().statusCode(202);
        List<String> mails = GreenMail.primary().awaitMessages(address, Duration.ofSeconds(10));
        assertThat(mails).hasSize(1);
        String received = mails.get(0);
        assertThat(received).contains("X-SMTPD4C-Stream: transactional", "d=smtpd4c.test");

        Verification ok = verify(received);
        assertThat(ok.output()).contains("rsa-sha256 tx-rsa pass", "ed25519-sha256 tx-ed pass");
        assertThat(ok.exit()).isZero();

        Verification tampered = verify(received.replace("Zum Best", "Zum best"));
        assertThat(tampered.output()).contains("rsa-sha256 tx-rsa fail", "ed25519-sha256 tx-ed fail");
        assertThat(tampered.exit()).isNotZero();
    }

    record Verification(int exit, String output) {}

    private static Verification verify(String mime) throws Exception {
        Path message = Files.createTempFile("dkim-", ".eml");
        try {
            Files.writeString(message, mime.replaceAll("\r?\n", "\r\n"), StandardCharsets.UTF_8);
            String python = new File("/usr/bin/python3").canExecute() ? "/usr/bin/python3" : "python3";
            Process p = new ProcessBuilder(python, "src/test/resources/dkim/verify.py", message.toString(),
                    new ObjectMapper().writeValueAsString(DkimProfile.records())).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Verification(p.waitFor(), out);
        } finally {
            Files.deleteIfExists(message);
        }
    }
}

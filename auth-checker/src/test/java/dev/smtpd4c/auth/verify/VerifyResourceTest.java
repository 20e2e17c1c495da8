package dev.smtpd4c.auth.verify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.smtpd4c.auth.dkim.DkimAlgorithm;
import dev.smtpd4c.auth.dkim.DkimSigner;
import dev.smtpd4c.auth.dkim.PrivateKeys;
import dev.smtpd4c.auth.dns.TestDnsServer;
import dev.smtpd4c.auth.message.MessageParser;
import dev.smtpd4c.auth.message.ParsedMessage;
import dev.smtpd4c.auth.message.RawMessage;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A message signed here with the Ed25519 test key whose public half is published at
 * mail._domainkey.shop.test on the Knot test server, verified through the REST endpoint.
 */
@QuarkusTest
class VerifyResourceTest {

    private static byte[] signed;

    @BeforeAll
    static void sign() throws Exception {
        TestDnsServer.require();
        String seed;
        try (InputStream in = VerifyResourceTest.class.getResourceAsStream("/domain/shop.test.mail.ed25519")) {
            seed = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
        }
        PrivateKey key = PrivateKeys.ed25519FromSeed(seed);
        String text = "From: Shop <news@shop.test>\r\nTo: alice@example.org\r\nSubject: Your order\r\n"
                + "Date: Sat, 28 Nov 2026 10:00:00 +0000\r\nMessage-ID: <order-1@shop.test>\r\n\r\n"
                + "Your order has shipped.\r\n";
        RawMessage message = ((ParsedMessage.Ok) MessageParser.parse(text.getBytes(StandardCharsets.US_ASCII))).message();
        DkimSigner signer = new DkimSigner("shop.test", "mail", DkimAlgorithm.ED25519_SHA256, key,
                DkimSigner.DEFAULT_HEADERS, Clock.systemUTC());
        signed = message.prepend(signer.sign(message)).toBytes();
    }

    @Test
    void aSignedMessageFromAnAuthorisedIpPassesEverything() {
        given().contentType("message/rfc822").body(signed)
                .queryParam("ip", "198.51.100.10").queryParam("helo", "out.shop.test").queryParam("mailFrom", "bounce@shop.test")
                .when().post("/api/v1/verify").then().statusCode(200)
                .body("spf.result", equalTo("PASS"))
                .body("dkim[0].result", equalTo("PASS"))
                .body("dkim[0].domain", equalTo("shop.test"))
                .body("dmarc.result", equalTo("PASS"))
                .body("dmarc.dkimAlignedDomain", equalTo("shop.test"))
                .body("arc.cv", equalTo("NONE"))
                .body("fromDomain", equalTo("shop.test"))
                .body("authenticationResults", containsString("Authentication-Results: auth-checker.smtpd4c;"))
                .body("authenticationResults", containsString("spf=pass smtp.mailfrom=bounce@shop.test"))
                .body("authenticationResults", containsString("dkim=pass (256-bit key) header.d=shop.test"))
                .body("authenticationResults", containsString("dmarc=pass (p=reject dis=none) header.from=shop.test"));
    }

    @Test
    void aTamperedMessageFromAnUnauthorisedIpFailsDmarcWithTheRejectDisposition() {
        byte[] tampered = new String(signed, StandardCharsets.US_ASCII).replace("shipped", "vanished")
                .getBytes(StandardCharsets.US_ASCII);
        given().contentType("message/rfc822").body(tampered)
                .header("X-Connecting-IP", "192.0.2.99").header("X-HELO", "evil.example").header("X-Mail-From", "x@shop.test")
                .when().post("/api/v1/verify").then().statusCode(200)
                .body("spf.result", equalTo("FAIL"))
                .body("dkim[0].result", equalTo("FAIL"))
                .body("dmarc.result", equalTo("FAIL"))
                .body("dmarc.disposition", equalTo("REJECT"));
    }

    @Test
    void badParametersAndMessagesAreProblems() {
        given().contentType("message/rfc822").body(signed).queryParam("ip", "not-an-ip").queryParam("helo", "h.test")
                .when().post("/api/v1/verify").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-connection"));
        given().contentType("message/rfc822").body("no colon here\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII))
                .queryParam("ip", "192.0.2.1").queryParam("helo", "h.test")
                .when().post("/api/v1/verify").then().statusCode(400)
                .body("type", equalTo("https://smtpd4c.dev/problems/invalid-message"))
                .body("detail", containsString("line 1"));
    }
}

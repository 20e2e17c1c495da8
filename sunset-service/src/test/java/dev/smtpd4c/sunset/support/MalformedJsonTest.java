package dev.smtpd4c.sunset.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken JSON is an RFC 9457 problem, not the framework's own answer: a syntax error (which the JSON
 * reader wraps in a bare 400) and a value of the wrong type (which Quarkus REST's built-in
 * MismatchedInputException mapper would answer in plain JSON) both come back as malformed-json.
 */
@QuarkusTest
class MalformedJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":", "{\"a\": [1, }", "true", "\"text\""})
    void brokenJsonIsAMalformedJsonProblem(String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post(JsonEndpoint.PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://smtpd4c.dev/problems/malformed-json"))
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON for this endpoint"))
                .body("instance", equalTo(JsonEndpoint.PATH));
    }
}

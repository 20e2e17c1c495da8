package dev.smtpd4c.optin.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads back what the real GreenMail SMTP server on loopback received, over its HTTP API. */
public final class GreenMail {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;

    public GreenMail(int apiPort) {
        this.api = "http://127.0.0.1:" + apiPort;
    }

    public static GreenMail primary() {
        return new GreenMail(8025);
    }

    /** The full MIME text of every message delivered to {@code address}, waiting up to {@code timeout} for at least one. */
    public List<String> awaitMessages(String address, Duration timeout) throws IOException, InterruptedException {
        return awaitMessages(address, 1, timeout);
    }

    /** Every message delivered to {@code address}, waiting up to {@code timeout} for at least {@code count}. */
    public List<String> awaitMessages(String address, int count, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> out = new ArrayList<>();
        do {
            out.clear();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/user/"
                    + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                for (JsonNode m : JSON.readTree(r.body())) {
                    out.add(m.path("mimeMessage").asText());
                }
            }
            if (out.size() >= count) {
                return out;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return out;
    }
}

package dev.smtpd4c.auth.records;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches MTA-STS policies over HTTPS with the JDK client: certificate checked by the default
 * trust store, no redirects (RFC 8461 3.3 forbids following them), a time limit for the whole
 * exchange and a size limit, so a hostile or slow server cannot hold the check or fill memory.
 */
public final class HttpsMtaStsPolicyFetcher implements MtaStsPolicyFetcher {

    /** RFC 8461 gives no limit; real policies are a few hundred bytes. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;

    public HttpsMtaStsPolicyFetcher(Duration timeout, int maxBytes) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public Result fetch(String domain) {
        URI uri = URI.create("https://mta-sts." + domain + "/.well-known/mta-sts.txt");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new Result.Failed(uri + " answered HTTP " + response.statusCode() + " (must be 200)");
                }
                String type = response.headers().firstValue("content-type").orElse("");
                if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")) {
                    return new Result.Failed(uri + " has content type '" + type + "' (must be text/plain)");
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    return new Result.Failed(uri + " is larger than " + maxBytes + " bytes");
                }
                return new Result.Fetched(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return new Result.Failed("cannot fetch " + uri + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Failed("interrupted while fetching " + uri);
        }
    }
}

package dev.smtpd4c.auth.dkim;

import dev.smtpd4c.auth.message.MessageParser;
import dev.smtpd4c.auth.message.ParsedMessage;
import dev.smtpd4c.auth.message.RawMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test resources from the classpath. */
public final class TestResources {

    private TestResources() {}

    public static byte[] bytes(String path) {
        try (InputStream in = TestResources.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public static RawMessage message(byte[] bytes) {
        return switch (MessageParser.parse(bytes)) {
            case ParsedMessage.Ok ok -> ok.message();
            case ParsedMessage.Malformed bad -> throw new AssertionError("test message does not parse: " + bad.error());
        };
    }

    public static RawMessage message(String path) {
        return message(bytes(path));
    }
}

package dev.smtpd4c.auth.message;

/** The outcome of {@link MessageParser#parse}: a message or a structured error, never an exception. */
public sealed interface ParsedMessage {

    record Ok(RawMessage message) implements ParsedMessage {}

    record Malformed(MessageParseError error) implements ParsedMessage {}
}

package dev.smtpd4c.optin.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reads a CloudEvents JSON record value and says precisely what is wrong with one that is not. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper json;

    public EventReader(ObjectMapper json) {
        this.json = json;
    }

    /** The envelope of a record; throws {@link InvalidEventException} with the reason for a bad one. */
    public Envelope read(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("empty record value (key " + key + ")");
        }
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("record value is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!node.isObject() || !"1.0".equals(node.path("specversion").asText())) {
            throw new InvalidEventException("not a CloudEvents 1.0 document (specversion must be \"1.0\")");
        }
        UUID id;
        try {
            id = UUID.fromString(node.path("id").asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("CloudEvent id is missing or not a UUID: '" + node.path("id").asText() + "'");
        }
        String type = node.path("type").asText();
        if (type.isEmpty() || !node.path("data").isObject()) {
            throw new InvalidEventException("CloudEvent " + id + " has no type or no data object");
        }
        return new Envelope(id, type, node.path("subject").asText(), node.path("data"));
    }

    /** The data of an event as the record {@code type}; throws {@link InvalidEventException} naming the field. */
    public <T> T data(Envelope e, Class<T> type) {
        try {
            return json.treeToValue(e.data(), type);
        } catch (JsonProcessingException ex) {
            throw new InvalidEventException("data of " + e.type() + " " + e.id() + " does not match the contract: "
                    + ex.getOriginalMessage(), ex);
        }
    }

    public record Envelope(UUID id, String type, String subject, JsonNode data) {}
}

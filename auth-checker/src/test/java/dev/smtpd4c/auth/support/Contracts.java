package dev.smtpd4c.auth.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The event contract (contracts/events/*.schema.json at the repository root), as the tests read it. */
public final class Contracts {

    private static final String BASE = "https://smtpd4c.dev/contracts/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:contracts/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Contracts() {}

    /** The schema file name of a CloudEvent type: dev.smtpd4c.subscription.requested.v1 -> subscription.requested.v1. */
    public static String schemaName(String type) {
        return type.substring("dev.smtpd4c.".length()) + ".schema.json";
    }

    public static JsonNode schemaJson(String type) throws IOException {
        try (InputStream in = Contracts.class.getResourceAsStream("/contracts/events/" + schemaName(type))) {
            if (in == null) {
                throw new IllegalStateException("no schema contracts/events/" + schemaName(type) + " for event type " + type);
            }
            return JSON.readTree(in);
        }
    }

    /** Validation errors of {@code event} against its type's schema; empty when it conforms. */
    public static Set<String> errors(JsonNode event) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + "events/" + schemaName(event.path("type").asText())), CONFIG);
        Set<ValidationMessage> errors = schema.validate(event);
        return errors.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(TreeSet::new));
    }

    public static Set<String> errors(String eventJson) throws IOException {
        return errors(JSON.readTree(eventJson));
    }
}

package dev.smtpd4c.bounce.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.smtpd4c.bounce.support.Contracts;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * This service's event records against contracts/events, both ways: every field of the schema is a
 * record component and the other way round, the schema's example reads into the record, and what
 * the record writes validates against the schema.
 */
class EventContractTest {

    /** The same settings as the service's ObjectMapper in the relevant respects (ISO instants, strict reading). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TestFactory
    Stream<DynamicTest> recordsMatchSchemas() {
        Map<String, Class<? extends Record>> all = new HashMap<>(EventTypes.PRODUCED);
        all.putAll(EventTypes.CONSUMED);
        return all.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue())));
    }

    private static void check(String type, Class<? extends Record> record) throws Exception {
        JsonNode schema = Contracts.schemaJson(type);
        JsonNode dataSchema = schema.path("properties").path("data");

        Set<String> schemaFields = new TreeSet<>();
        dataSchema.path("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> recordFields = new TreeSet<>(Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(recordFields).as("record %s vs schema of %s", record.getSimpleName(), type).isEqualTo(schemaFields);

        assertThat(schema.path("examples").size()).as("schema of %s needs an example", type).isPositive();
        for (JsonNode example : schema.path("examples")) {
            assertThat(Contracts.errors(example)).as("the schema's own example").isEmpty();
            Object data = JSON.treeToValue(example.path("data"), record);
            CloudEvent<Object> written = new CloudEvent<>("1.0", java.util.UUID.fromString(example.path("id").asText()),
                    example.path("source").asText(), type, Instant.parse(example.path("time").asText()),
                    "application/json", example.path("subject").asText(), data);
            JsonNode roundTrip = JSON.valueToTree(written);
            assertThat(Contracts.errors(roundTrip)).as("what the record writes").isEmpty();
            assertThat(roundTrip.path("data")).isEqualTo(example.path("data"));
        }
    }
}

package cn.gongkai.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.InputLimits;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document at {@code /v3/api-docs} is a valid, self-contained contract of the command side: every
 * command body has its real schema with the limits {@link InputLimits} enforces, every answer is listed with the
 * problem schema, and the import body is described.
 */
class OpenApiContractTest extends CommandServiceTestBase {
    @LocalServerPort
    int port;
    JsonNode doc;

    @BeforeEach
    void load() {
        var response = new Http(port, DATABASE).get("/v3/api-docs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try {
            doc = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDocumentIsValidOpenApiAndEveryReferenceResolves() {
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("info").get("title").asText()).isNotBlank();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                assertThat(op.getValue().get("responses")).as(path.getKey() + " " + op.getKey()).isNotEmpty()));
    }

    @Test
    void everyCommandBodyHasItsRealSchemaAndEveryAnswerIsListed() {
        Set<String> commands = new HashSet<>();
        doc.get("paths").fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().get("post");
            // The 台账 file and an agency's event export are files, not command bodies.
            if (post == null || !path.getKey().matches("/api/(requests|agencies|reconsiderations|lawsuits).*")
                    || path.getKey().matches("/api/agencies/\\{agencyId}/(ledger-import.*|events)")) {
                return;
            }
            JsonNode schema = post.at("/requestBody/content/application~1json/schema");
            assertThat(schema.get("type").asText()).as(path.getKey()).isEqualTo("object");
            assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
            assertThat(schema.get("properties")).as(path.getKey()).isNotEmpty();
            commands.add(schema.get("title").asText());
            JsonNode responses = post.get("responses");
            assertThat(responses.has("201") || responses.has("200")).isTrue();
            for (String status : List.of("400", "404", "409", "413", "415", "422")) {
                assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText())
                        .as(path.getKey() + " " + status).isEqualTo("#/components/schemas/Problem");
            }
        });
        assertThat(commands).containsExactlyInAnyOrderElementsOf(CommandCatalog.names());
    }

    @Test
    void eachDocumentedLimitIsTheEnforcedOne() {
        JsonNode receive = body("/api/requests");
        assertThat(receive.get("required")).extracting(JsonNode::asText)
                .contains("agencyId", "trackingNumber", "channel", "receivedOn", "applicant", "subject")
                .doesNotContain("handlingOfficer");
        JsonNode tracking = receive.at("/properties/trackingNumber");
        assertThat(tracking.get("pattern").asText()).isEqualTo("^" + InputLimits.ID_ALPHABET + "$");
        assertThat(tracking.get("maxLength").asInt()).isEqualTo(InputLimits.ID_MAX_LENGTH);
        assertThat(receive.at("/properties/subject/maxLength").asInt()).isEqualTo(InputLimits.TEXT_MAX_LENGTH);
        assertThat(receive.at("/properties/applicant/properties/name/maxLength").asInt())
                .isEqualTo(InputLimits.NAME_MAX_LENGTH);
        assertThat(receive.at("/properties/applicant/required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("type", "name");
        JsonNode date = receive.at("/properties/receivedOn");
        assertThat(date.get("format").asText()).isEqualTo("date");
        assertThat(date.get(CommandOpenApi.EARLIEST).asText()).isEqualTo(InputLimits.DATE_MIN.toString());
        assertThat(date.get(CommandOpenApi.LATEST).asText()).isEqualTo(InputLimits.DATE_MAX.toString());
        JsonNode channel = receive.at("/properties/channel");
        assertThat(channel.get("enum")).extracting(JsonNode::asText).contains("INTERNET");
        assertThat(channel.get(CommandOpenApi.LABELS)).isNotEmpty();

        JsonNode fees = body("/api/agencies/{agencyId}/fees");
        assertThat(new BigDecimal(fees.at("/properties/amountYuan/maximum").asText())).isEqualTo(InputLimits.YUAN_MAX);
        assertThat(fees.at("/properties/amountYuan/minimum").asInt()).isZero();
        assertThat(fees.has("properties") && !fees.get("properties").has("agencyId")).as("ids of the URL").isTrue();
        JsonNode tally = body("/api/agencies/{agencyId}/decision-tallies");
        assertThat(tally.at("/properties/count/type").asText()).isEqualTo("integer");
        assertThat(tally.at("/properties/count/maximum").asLong()).isEqualTo(InputLimits.COUNT_MAX);
        JsonNode reply = body("/api/requests/{requestId}/reply");
        assertThat(reply.at("/properties/secondaryReasons/maxItems").asInt()).isEqualTo(InputLimits.LIST_MAX_SIZE);
        assertThat(reply.at("/properties/primaryOutcome/x-enum-labels")).isNotEmpty();

        JsonNode importing = doc.at("/paths/~1api~1import/post");
        assertThat(importing.at("/requestBody/content/application~1x-ndjson/schema/maxLength").asInt())
                .isEqualTo(InputLimits.IMPORT_MAX_BYTES);
        assertThat(importing.at("/responses/200/content/application~1json/schema/properties/results")).isNotEmpty();
    }

    private JsonNode body(String path) {
        return doc.at("/paths/" + path.replace("/", "~1") + "/post/requestBody/content/application~1json/schema");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}

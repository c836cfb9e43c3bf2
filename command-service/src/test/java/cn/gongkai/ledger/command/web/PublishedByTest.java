package cn.gongkai.ledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.command.infrastructure.TestMongo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A publication's {@code publishedBy} is the signed-in officer: its {@code recorded.by}, stamped by the endpoint. No
 * body field, header or import line can set it: a body naming anyone is refused before anything is stored, a header
 * is ignored, and the import has no publication command.
 */
class PublishedByTest extends CommandServiceTestBase {
    private static final String AGENCY = "pub-by";
    private static final String PATH = "/api/reports/" + AGENCY + "/2024/publication";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void theSignedInOfficerIsThePublisherWhateverTheBodyOrHeadersSay() throws Exception {
        Http http = new Http(port, DATABASE);
        assertThat(http.command("/api/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"发布人测试局\"}").status())
                .isEqualTo(201);
        assertThat(http.command("/api/requests", "{\"agencyId\":\"" + AGENCY + "\",\"trackingNumber\":\"1\","
                + "\"channel\":\"EMAIL\",\"receivedOn\":\"2024-06-03\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
                + "\"name\":\"某人\"},\"subject\":\"某信息\"}").status()).isEqualTo(201);

        for (String body : new String[] {"{\"format\":\"2021\",\"publishedBy\":\"mallory\"}",
                "{\"format\":\"2021\",\"recorded\":{\"by\":\"mallory\",\"at\":\"2024-01-01T00:00:00Z\"}}",
                "{\"by\":\"mallory\"}"}) {
            Http.Response refused = http.command(PATH, body);
            assertThat(refused.status()).as(body + " " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("UNKNOWN_FIELD");
        }
        assertThat(publications()).as("nothing stored by a refused body").isEmpty();

        Http.Response published = http.post(PATH, "application/json", "{\"format\":\"2021\"}",
                Map.of("X-Officer", "mallory"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(publications()).hasSize(1);
        JsonNode payload = JSON.readTree(publications().get(0).getString("payload"));
        assertThat(payload.get("recorded").get("by").asText()).isEqualTo(Http.officerOf(AGENCY)).isNotEqualTo("mallory");

        Http.Response imported = http.post("/api/import", "application/x-ndjson",
                "{\"command\":\"PublishAnnualReport\",\"publicationId\":\"" + AGENCY + ":2024\",\"recorded\":"
                        + "{\"by\":\"mallory\",\"at\":\"2024-01-01T00:00:00Z\"}}", Map.of());
        assertThat(imported.json().get("rejected").asInt()).as(imported.body()).isEqualTo(1);
        assertThat(publications()).as("the import cannot publish").hasSize(1);
    }

    private static java.util.List<Document> publications() {
        try (MongoClient client = MongoClients.create(TestMongo.uri())) {
            return client.getDatabase(DATABASE).getCollection("domainevents")
                    .find(Filters.regex("payloadType", "AnnualReportPublished$")).sort(Sorts.ascending("_id"))
                    .into(new java.util.ArrayList<>());
        }
    }
}

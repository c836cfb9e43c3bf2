package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.privacy.DataKeys;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.report.projection.consumer.KafkaProjectionConsumer;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crypto-shredding on the running embedded ledger. An applicant's personal data is never in the clear at rest: not in
 * the MongoDB data file, the Kafka log or any record of the topic. Once the applicant's data is erased (a request,
 * the reconsideration and the lawsuit that followed it), it is unreadable everywhere, after a rebuild of every read
 * model from the topic too, while every report, and every export of it, is byte for byte what it was. Each search
 * has a positive control (a non-personal text of the same case, and a second applicant's data through the API)
 * that the same search finds, so a search that could find nothing proves nothing.
 */
class PersonalDataErasureTest {
    private static final String AGENCY = "erasure-bureau";
    private static final String TOPIC = "gongkai-ledger.events";
    private static final String NAME = "欧阳删除甲";
    private static final String ID_NUMBER = "11010519900307123X";
    private static final String CONTACT = "13912345678";
    private static final String KEPT_NAME = "司马保留乙";
    private static final String KEPT_ID_NUMBER = "110105198801019876";
    /** Not personal: stays in the clear, the positive control of every byte search. */
    private static final String SUBJECT = "关于删除测试的预算公开申请";
    private static final String ERASED = "已删除";

    @TempDir
    static Path dataDir;
    static RunningLedger ledger;
    static Http http;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start(dataDir);
        http = ledger.http();
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void anErasedApplicantIsUnreadableEverywhereWhileEveryReportStaysByteForByteTheSame() throws Exception {
        record(201, "/api/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"删除测试局\"}");
        receive("d1", NAME, ID_NUMBER, CONTACT, "2024-03-01");
        record(200, "/api/requests/" + AGENCY + ":d1/reply",
                "{\"repliedOn\":\"2024-03-15\",\"primaryOutcome\":\"PARTIALLY_DISCLOSED\",\"secondaryReasons\":[\"WITHHELD_THIRD_PARTY_RIGHTS\"]}");
        receive("d2", NAME, ID_NUMBER, CONTACT, "2024-04-01");
        receive("k1", KEPT_NAME, KEPT_ID_NUMBER, null, "2024-04-02");
        record(200, "/api/requests/" + AGENCY + ":k1/reply", "{\"repliedOn\":\"2024-04-10\",\"primaryOutcome\":\"DISCLOSED\"}");
        record(201, "/api/reconsiderations", "{\"reconsiderationId\":\"rc-erase-1\",\"agencyId\":\"" + AGENCY
                + "\",\"reviewBody\":\"市人民政府\",\"applicantName\":\"" + NAME + "\",\"filedOn\":\"2024-04-01\","
                + "\"linkedRequestId\":\"" + AGENCY + ":d1\"}");
        record(201, "/api/lawsuits", "{\"lawsuitId\":\"ls-erase-1\",\"agencyId\":\"" + AGENCY + "\",\"court\":\"区人民法院\","
                + "\"plaintiffName\":\"" + NAME + "\",\"filedOn\":\"2024-05-01\",\"route\":\"DIRECT\"}");
        record(200, "/api/lawsuits/ls-erase-1/judgments", "{\"instance\":\"FIRST\",\"court\":\"区人民法院\","
                + "\"result\":\"CLAIM_DISMISSED\",\"renderedOn\":\"2024-06-01\"}");
        record(200, "/api/lawsuits/ls-erase-1/appeals", "{\"filedOn\":\"2024-06-10\",\"appellant\":\"" + NAME + "\"}");
        ledger.awaitServedEqualsFold(AGENCY, 2024);

        // Before: a role that needs the data reads it in the clear, yet nothing at rest holds it.
        assertThat(http.get("/api/requests/" + AGENCY + ":d1").body()).contains(NAME, ID_NUMBER, CONTACT);
        assertThat(http.get("/api/lawsuits/ls-erase-1").body()).contains(NAME);
        assertNowhereAtRest(List.of(NAME, ID_NUMBER, CONTACT, KEPT_NAME, KEPT_ID_NUMBER));
        Map<String, String> before = reportsAndExports();

        // The erasure: a command of 法制 per case, each an event with who, when, which case and the legal ground.
        String ground = "{\"ground\":\"CONSENT_WITHDRAWN\"}";
        record(200, "/api/requests/" + AGENCY + ":d1/personal-data/erasure", ground);
        record(200, "/api/requests/" + AGENCY + ":d2/personal-data/erasure", ground);
        record(200, "/api/reconsiderations/rc-erase-1/personal-data/erasure", ground);
        record(200, "/api/lawsuits/ls-erase-1/personal-data/erasure", ground);
        Http.Response again = http.command("/api/requests/" + AGENCY + ":d1/personal-data/erasure", ground);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("PERSONAL_DATA_ALREADY_ERASED");
        assertThat(http.command("/api/requests/" + AGENCY + ":d2/personal-data/erasure", "{}").status()).isEqualTo(400);

        awaitErased("/api/requests/" + AGENCY + ":d1");
        awaitErased("/api/requests/" + AGENCY + ":d2");
        awaitErased("/api/reconsiderations/rc-erase-1");
        awaitErased("/api/lawsuits/ls-erase-1");
        MongoDatabase database = ledger.bean(MongoClient.class).getDatabase(RunningLedger.DATABASE);
        await(() -> database.getCollection(DataKeys.COLLECTION).find(new Document("_id", AGENCY + ":d1")).first()
                .containsKey("wrapped") ? null : "gone");
        ledger.awaitServedEqualsFold(AGENCY, 2024);

        JsonNode erasure = http.get("/api/requests/" + AGENCY + ":d1").json().get("timeline");
        JsonNode last = erasure.get(erasure.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("ApplicantDataErased");
        assertThat(last.get("recordedBy").asText()).isEqualTo(Http.officerOf(AGENCY));
        assertThat(last.get("payload").get("ground").asText()).isEqualTo("CONSENT_WITHDRAWN");

        assertThat(reportsAndExports()).as("every report and export, byte for byte").containsExactlyEntriesOf(before);
        assertUnreadable();
        assertThat(http.get("/api/requests/" + AGENCY + ":k1").body()).as("the other applicant is untouched")
                .contains(KEPT_NAME, KEPT_ID_NUMBER);

        // A replay of the whole topic into empty read models: still erased, still the same reports.
        KafkaProjectionConsumer projector = ledger.bean(KafkaProjectionConsumer.class);
        projector.stop();
        ReadModelDatabase readModel = ledger.bean(ReadModelDatabase.class);
        ReadModelDatabase.COLLECTIONS.forEach(name -> readModel.collection(name).drop());
        projector.start();
        ledger.awaitServedEqualsFold(AGENCY, 2024);
        awaitErased("/api/lawsuits/ls-erase-1");
        awaitErased("/api/requests/" + AGENCY + ":d2");
        assertThat(reportsAndExports()).as("after the replay").containsExactlyEntriesOf(before);
        assertUnreadable();
        assertNowhereAtRest(List.of(NAME, ID_NUMBER, CONTACT));
    }

    /** The erased data is in no answer: cases, lists, timelines, cells, remedy windows, letters, fees, audit. */
    private static void assertUnreadable() throws IOException {
        List<String> reads = new ArrayList<>();
        for (String path : List.of("/api/requests/" + AGENCY + ":d1", "/api/requests/" + AGENCY + ":d2",
                "/api/reconsiderations/rc-erase-1", "/api/lawsuits/ls-erase-1", "/api/requests?agencyId=" + AGENCY,
                "/api/reconsiderations?agencyId=" + AGENCY, "/api/lawsuits?agencyId=" + AGENCY,
                "/api/reports/" + AGENCY + "/2024/cells/table3/三.二/自然人", "/api/reports/" + AGENCY + "/2024/cells/table3/一/自然人",
                "/api/agencies/" + AGENCY + "/appeal-windows?asOf=2024-07-01",
                "/api/agencies/" + AGENCY + "/applicant-counts?month=2024-04", "/api/audit?agencyId=" + AGENCY)) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
            reads.add(response.body());
        }
        String all = String.join("\n", reads);
        assertThat(all).doesNotContain(NAME).doesNotContain(ID_NUMBER).doesNotContain(CONTACT)
                .doesNotContain("欧阳").contains(ERASED).contains(KEPT_NAME);
        byte[] letter = bytes("/api/requests/" + AGENCY + ":d1/letters/receipt.docx");
        String letterText = zipText(letter);
        assertThat(letterText).contains(ERASED).doesNotContain(NAME).doesNotContain(CONTACT);
        assertThat(zipText(bytes("/api/requests/" + AGENCY + ":k1/letters/receipt.docx"))).contains(KEPT_NAME);
    }

    /** Every byte at rest: the MongoDB data file, the Kafka log, and every record of the topic consumed from the start. */
    private static void assertNowhereAtRest(List<String> personal) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.getFileName().toString().equals("mongo.mv.db"));
        long scanned = 0;
        boolean controlFound = false;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            scanned += content.length;
            controlFound |= contains(content, SUBJECT);
            for (String value : personal) {
                assertThat(contains(content, value)).as(value + " in " + dataDir.relativize(file)).isFalse();
            }
        }
        assertThat(controlFound).as("the search finds the clear subject in the files").isTrue();
        List<ConsumerRecord<String, byte[]>> records = topic();
        long topicBytes = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            topicBytes += record.value().length;
            for (String value : personal) {
                assertThat(contains(record.value(), value)).as(value + " in a topic record").isFalse();
            }
        }
        assertThat(records.stream().anyMatch(r -> contains(r.value(), SUBJECT))).isTrue();
        System.out.printf("erasure evidence: %d files, %d bytes at rest and %d topic records (%d bytes) searched "
                + "for %s: 0 hits%n", files.size(), scanned, records.size(), topicBytes, personal);
    }

    /**
     * Every report format of the agency's years and every export of them, by name: the reports, CSV, JSON, HTML and
     * chart as their exact bytes; a DOCX or XLSX as the exact bytes of each entry but the creation time the package
     * records ({@code docProps/core.xml}), a PDF as its text (it records when it was made and a random id), so that
     * what is compared is what was exported, not when.
     */
    private static Map<String, String> reportsAndExports() throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String year : List.of("2024", "2025")) {
            for (String format : List.of("2021", "2019")) {
                answers.put(year + "?format=" + format, text(bytes("/api/reports/" + AGENCY + "/" + year + "?format=" + format)));
            }
            for (String kind : List.of("csv", "json", "html")) {
                answers.put(year + "/export/" + kind, text(bytes("/api/reports/" + AGENCY + "/" + year + "/export/" + kind)));
            }
            for (String kind : List.of("docx", "xlsx")) {
                answers.put(year + "/export/" + kind, zipEntries(bytes("/api/reports/" + AGENCY + "/" + year + "/export/" + kind)));
            }
            answers.put(year + "/export/pdf", pdfText(bytes("/api/reports/" + AGENCY + "/" + year + "/export/pdf")));
            answers.put(year + "/chart", text(bytes("/api/reports/" + AGENCY + "/" + year + "/chart")));
        }
        String all = String.join("\n", answers.values());
        assertThat(all).doesNotContain(NAME).doesNotContain(ID_NUMBER).doesNotContain(CONTACT).contains("删除测试局");
        return answers;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Each entry's name and uncompressed content, but the package's creation and modification times. */
    private static String zipEntries(byte[] zip) throws IOException {
        StringBuilder entries = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().equals("docProps/core.xml")) {
                    content = content.replaceAll("<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\\1>", "");
                }
                entries.append(entry.getName()).append('\n').append(content).append('\n');
            }
        }
        return entries.toString();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return document.getNumberOfPages() + " pages\n" + new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private static void receive(String tracking, String name, String idNumber, String contact, String receivedOn) {
        record(201, "/api/requests", "{\"agencyId\":\"" + AGENCY + "\",\"trackingNumber\":\"" + tracking
                + "\",\"channel\":\"INTERNET\",\"receivedOn\":\"" + receivedOn + "\",\"applicant\":{\"type\":"
                + "\"NATURAL_PERSON\",\"name\":\"" + name + "\",\"idDocumentNumber\":\"" + idNumber + "\""
                + (contact == null ? "" : ",\"contact\":\"" + contact + "\"") + "},\"subject\":\"" + SUBJECT + "\"}");
    }

    private static void record(int status, String path, String body) {
        Http.Response response = http.command(path, body);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(status);
    }

    private static void awaitErased(String path) {
        Http.Response shown = RunningLedger.await(() -> http.get(path),
                r -> r.status() == 200 && r.json().get("party").get("name").asText().equals(ERASED), Duration.ofSeconds(60));
        assertThat(shown.json().get("party").get("name").asText()).as(shown.body()).isEqualTo(ERASED);
        assertThat(shown.body()).doesNotContain(NAME).doesNotContain(ID_NUMBER);
    }

    private static void await(java.util.function.Supplier<String> probe) {
        assertThat(RunningLedger.await(probe, v -> v != null, Duration.ofSeconds(30))).isNotNull();
    }

    private static byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ledger.port() + path))
                    .header("Authorization", "Bearer " + ledger.tokenFor(AGENCY)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text of every entry of a DOCX or XLSX (their XML is deflated: the raw bytes would hide any name). */
    private static String zipText(byte[] zip) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                in.transferTo(text);
            }
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> topic() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline
                    && (records.isEmpty() || System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos())) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    batch.forEach(records::add);
                    quietSince = System.nanoTime();
                }
            }
        }
        return records;
    }

    private static boolean contains(byte[] haystack, String value) {
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

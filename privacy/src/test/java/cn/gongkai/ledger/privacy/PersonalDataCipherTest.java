package cn.gongkai.ledger.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.ApplicantType;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.Applicant;
import cn.gongkai.ledger.api.request.Channel;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.RequestReceived;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.report.json.LedgerJson;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final MasterKey master = MasterKey.random();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("privacy-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static RequestReceived received(String name, String id, String contact) {
        RequestId requestId = RequestId.of(new AgencyId("a-bureau"), "2025-001");
        return new RequestReceived(requestId, new AgencyId("a-bureau"), "2025-001", Channel.IN_PERSON,
                LocalDate.of(2025, 3, 3), new Applicant(ApplicantType.NATURAL_PERSON, name, id, contact), "预算",
                "li", new Recorded("li", Instant.parse("2025-03-03T02:00:00Z")));
    }

    @Test
    void anEventIsSealedWithTheTypeInTheClearAndOpensToTheSameEvent() throws Exception {
        PersonalDataCipher cipher = new PersonalDataCipher(new DataKeys(database, master));
        RequestReceived clear = received("王某某", "110105199001011234", "13800001234");
        RequestReceived sealed = cipher.seal(clear);
        String json = LedgerJson.newMapper().writeValueAsString(sealed);

        assertThat(json).doesNotContain("王某某").doesNotContain("110105199001011234").doesNotContain("13800001234")
                .contains("NATURAL_PERSON").contains("预算");
        assertThat(sealed.applicant().name()).startsWith(PersonalDataCipher.PREFIX);
        assertThat(cipher.open(sealed)).isEqualTo(clear);
        assertThat(database.getCollection(DataKeys.COLLECTION).find(new Document("_id", clear.aggregateId())).first()
                .toJson()).doesNotContain("王某某");
    }

    @Test
    void afterTheKeyIsDestroyedEveryValueReadsAsErasedAndNewValuesAreStoredAsErased() {
        DataKeys keys = new DataKeys(database, master);
        PersonalDataCipher cipher = new PersonalDataCipher(keys);
        RequestReceived sealed = cipher.seal(received("王某某", "110105199001011234", null));
        keys.destroy(sealed.aggregateId(), Instant.parse("2026-01-01T00:00:00Z"));

        RequestReceived opened = cipher.open(sealed);
        assertThat(opened.applicant().name()).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(opened.applicant().idDocumentNumber()).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(opened.applicant().contact()).isNull();
        assertThat(opened.applicant().type()).isEqualTo(ApplicantType.NATURAL_PERSON);
        // another replica (its own cache) reads the same
        assertThat(new PersonalDataCipher(new DataKeys(database, master)).open(sealed).applicant().name())
                .isEqualTo(PersonalDataCipher.ERASED);
        assertThat(cipher.seal(sealed.aggregateId(), "张三")).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(database.getCollection(DataKeys.COLLECTION).find(new Document("_id", sealed.aggregateId())).first()
                .containsKey("wrapped")).isFalse();
    }

    @Test
    void clearTextRecordedBeforeEncryptionStillReadsUntilItsCaseIsErased() {
        DataKeys keys = new DataKeys(database, master);
        PersonalDataCipher cipher = new PersonalDataCipher(keys);
        RequestReceived legacy = received("李四", "110105199001015678", null);
        assertThat(cipher.open(legacy)).isEqualTo(legacy);
        keys.destroy(legacy.aggregateId(), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(new PersonalDataCipher(new DataKeys(database, master)).open(legacy).applicant().name())
                .isEqualTo(PersonalDataCipher.ERASED);
    }

    @Test
    void keysPreparedTogetherSealAsKeysCreatedOneByOneAndAnErasedCaseStaysErased() {
        DataKeys keys = new DataKeys(database, master);
        PersonalDataCipher cipher = new PersonalDataCipher(keys);
        RequestReceived first = received("王某某", null, null);
        RequestId otherId = RequestId.of(new AgencyId("a-bureau"), "2025-002");
        RequestReceived other = new RequestReceived(otherId, new AgencyId("a-bureau"), "2025-002", Channel.IN_PERSON,
                LocalDate.of(2025, 3, 3), new Applicant(ApplicantType.NATURAL_PERSON, "李某", null, null), "预算", "li",
                new Recorded("li", Instant.parse("2025-03-03T02:00:00Z")));
        String existing = cipher.seal(first.aggregateId(), "已有");          // a key created one by one before
        keys.destroy("a-bureau:erased", Instant.parse("2026-01-01T00:00:00Z"));
        RequestReceived erased = new RequestReceived(RequestId.of(new AgencyId("a-bureau"), "erased"),
                new AgencyId("a-bureau"), "erased", Channel.IN_PERSON, LocalDate.of(2025, 3, 3),
                new Applicant(ApplicantType.NATURAL_PERSON, "赵某", null, null), "预算", "li",
                new Recorded("li", Instant.parse("2025-03-03T02:00:00Z")));

        cipher.prepareForSealing(java.util.List.of(first, other, erased, other));

        // one key per case with a personal value: the existing one kept, one created, none for the erased case
        assertThat(database.getCollection(DataKeys.COLLECTION).countDocuments(
                com.mongodb.client.model.Filters.exists("wrapped"))).isEqualTo(3); // with the master-key check
        DataKeys fresh = new DataKeys(database, master); // reads what is stored, no cache
        PersonalDataCipher reader = new PersonalDataCipher(fresh);
        assertThat(reader.open(first.aggregateId(), existing)).isEqualTo("已有");
        assertThat(reader.open(other.aggregateId(), cipher.seal(other).applicant().name())).isEqualTo("李某");
        assertThat(cipher.seal(erased).applicant().name()).isEqualTo(PersonalDataCipher.ERASED);
        cipher.prepareForSealing(java.util.List.of(first, other)); // again: nothing new
        assertThat(database.getCollection(DataKeys.COLLECTION).countDocuments(
                com.mongodb.client.model.Filters.exists("wrapped"))).isEqualTo(3);
    }

    @Test
    void aSealedValueMovedToAnotherCaseDoesNotOpen() {
        PersonalDataCipher cipher = new PersonalDataCipher(new DataKeys(database, master));
        String sealed = cipher.seal("a-bureau:1", "王某某");
        cipher.seal("a-bureau:2", "someone");
        assertThat(cipher.open("a-bureau:1", sealed)).isEqualTo("王某某");
        assertThatThrownBy(() -> cipher.open("a-bureau:2", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrongMasterKeyIsRefusedAtStart() {
        new PersonalDataCipher(new DataKeys(database, master)).seal("a-bureau:1", "王某某");
        assertThatThrownBy(() -> new DataKeys(database, MasterKey.random()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("master key");
    }

    @Test
    void theEmbeddedMasterKeyIsGeneratedOnceIntoItsFileReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("master.key");
        MasterKey first = MasterKey.fromFile(file);
        String content = Files.readString(file);
        MasterKey again = MasterKey.fromFile(file);
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sealed = new PersonalDataCipher(new DataKeys(database, first)).seal("a-bureau:1", "王某某");
        assertThat(new PersonalDataCipher(new DataKeys(database, again)).open("a-bureau:1", sealed)).isEqualTo("王某某");
    }
}

package cn.gongkai.ledger.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Every read of personal data in the clear (collection {@value #COLLECTION}, appended to only): who, of which
 * agency, when, which case of which agency, through which path. Queried by the auditor role with the commands'
 * trail ({@code GET /api/audit}).
 */
public class PersonalDataAudit {
    public static final String COLLECTION = "auditlog";

    private final MongoCollection<Document> log;
    private final Clock clock;

    public PersonalDataAudit(MongoDatabase database, Clock clock) {
        this.log = database.getCollection(COLLECTION);
        this.clock = clock;
        log.createIndex(Indexes.ascending("caseAgencyId", "at"));
    }

    public record Read(Instant at, String username, String officerAgencyId, String caseAgencyId, String caseId,
                       String action, String path) {
    }

    /** Records that the officer read the case's personal data in the clear; must succeed before the answer is sent. */
    public void recordRead(Officer officer, String caseAgencyId, String caseId, String action, String path) {
        log.insertOne(new Document("at", clock.instant().toString()).append("username", officer.username())
                .append("officerAgencyId", officer.agencyId().value()).append("caseAgencyId", caseAgencyId)
                .append("caseId", caseId).append("action", action).append("path", path));
    }

    /** The reads of one agency's data, oldest first, optionally within [from, to), page {@code page} of {@code size}. */
    public List<Read> reads(String caseAgencyId, Instant from, Instant to, int page, int size) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("caseAgencyId", caseAgencyId)));
        if (from != null) {
            filters.add(Filters.gte("at", from.toString()));
        }
        if (to != null) {
            filters.add(Filters.lt("at", to.toString()));
        }
        List<Read> reads = new ArrayList<>();
        for (Document d : log.find(Filters.and(filters)).sort(Sorts.ascending("at"))
                .skip(page * size).limit(size)) {
            reads.add(new Read(Instant.parse(d.getString("at")), d.getString("username"),
                    d.getString("officerAgencyId"), d.getString("caseAgencyId"), d.getString("caseId"),
                    d.getString("action"), d.getString("path")));
        }
        return reads;
    }
}

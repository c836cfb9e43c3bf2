package cn.gongkai.ledger.readmodel.store;

import cn.gongkai.ledger.readmodel.query.PublishedReport;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.bson.Document;

/**
 * {@code published_reports}: one {@link PublishedReport} per agency-year, keyed {@code agencyId|year}. Written
 * once (an insert; a second publication of the year is refused), never updated.
 */
public final class PublishedReportRepository {
    public static final String COLLECTION = "published_reports";

    private final MongoCollection<Document> published;

    public PublishedReportRepository(ReadModelDatabase database) {
        this.published = database.collection(COLLECTION);
    }

    /** Stores the snapshot; false when the agency-year was already published (the stored one is kept). */
    public boolean insert(PublishedReport report) {
        try {
            published.insertOne(ReadModelJson.toDocument(id(report.agencyId(), report.year()), report));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<PublishedReport> find(String agencyId, int year) {
        return Optional.ofNullable(published.find(Filters.eq("_id", id(agencyId, year))).first())
                .map(d -> ReadModelJson.fromDocument(d, PublishedReport.class));
    }

    private static String id(String agencyId, int year) {
        return agencyId + "|" + year;
    }
}

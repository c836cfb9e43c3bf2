package cn.gongkai.ledger.readmodel.store;

import cn.gongkai.ledger.readmodel.query.PublishedReport;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Optional;
import org.bson.Document;

/**
 * {@code published_reports}: the latest revision of each agency-year's publication, keyed {@code agencyId|year},
 * projected from {@code AnnualReportPublished} events (so a rebuild of the read model restores it). A write touches
 * the publishing agencies' subtrees once stored ({@link AgencyTreeRepository#touchSubtrees}).
 */
public final class PublishedReportRepository {
    private final MongoCollection<Document> published;
    private final AgencyTreeRepository tree;

    public PublishedReportRepository(ReadModelDatabase database) {
        this.published = database.collection(ReadModelDatabase.PUBLISHED);
        this.tree = new AgencyTreeRepository(database);
    }

    /** Stores the latest revision of the agency-year's publication (replacing the one before). */
    public void save(PublishedReport report) {
        saveAll(java.util.List.of(report));
    }

    /** Stores each, as {@link #save} does, in one round trip (in order: of one agency-year, the last given wins). */
    public void saveAll(java.util.Collection<PublishedReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        java.util.List<com.mongodb.client.model.WriteModel<Document>> writes = new java.util.ArrayList<>();
        for (PublishedReport report : reports) {
            String id = id(report.agencyId(), report.year());
            writes.add(new com.mongodb.client.model.ReplaceOneModel<>(Filters.eq("_id", id),
                    ReadModelJson.toDocument(id, report), new ReplaceOptions().upsert(true)));
        }
        published.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(true));
        // A roll-up lists who has not published: it is read afresh after a publication.
        tree.touchSubtrees(reports.stream().map(PublishedReport::agencyId).distinct().toList());
    }

    public Optional<PublishedReport> find(String agencyId, int year) {
        return Optional.ofNullable(published.find(Filters.eq("_id", id(agencyId, year))).first())
                .map(d -> ReadModelJson.fromDocument(d, PublishedReport.class));
    }

    /** The latest publications of the agencies' year (those published), read by {@code _id} only. */
    public java.util.List<PublishedReport> findAll(java.util.Collection<String> agencyIds, int year) {
        java.util.List<PublishedReport> found = new java.util.ArrayList<>();
        IdChunks.forEach(agencyIds.stream().map(a -> id(a, year)).toList(), chunk -> published
                .find(Filters.in("_id", chunk)).forEach(d -> found.add(ReadModelJson.fromDocument(d, PublishedReport.class))));
        return found;
    }

    /** The agency's latest publications of these years (those published), read by {@code _id} only. */
    public java.util.List<PublishedReport> findYears(String agencyId, java.util.Collection<Integer> years) {
        java.util.List<PublishedReport> found = new java.util.ArrayList<>();
        if (!years.isEmpty()) {
            published.find(Filters.in("_id", years.stream().map(y -> id(agencyId, y)).toList()))
                    .forEach(d -> found.add(ReadModelJson.fromDocument(d, PublishedReport.class)));
        }
        return found;
    }

    private static String id(String agencyId, int year) {
        return agencyId + "|" + year;
    }
}

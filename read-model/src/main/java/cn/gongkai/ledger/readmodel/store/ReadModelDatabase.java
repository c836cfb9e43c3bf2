package cn.gongkai.ledger.readmodel.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import org.bson.Document;

/**
 * The MongoDB database of the read models and the names of its collections. Creates the indexes once: the
 * unique {@code (aggregateId, sequence)} index that makes the event copy idempotent, and secondary indexes for
 * the queries (MongoDB uses them; mongo-java-server accepts and ignores non-unique ones, and scans).
 */
public final class ReadModelDatabase {
    /** A deduplicated copy of every event seen, one document per {@code (aggregateId, sequence)}. */
    public static final String EVENTS = "projection_events";
    /** Per aggregate: the last contiguous sequence (events up to it are counted) and the agency. */
    public static final String PROGRESS = "projection_progress";
    /** Cases held back because of a gap in their sequence that the event store could not fill. */
    public static final String GAPS = "projection_gaps";
    /** The next Kafka offset to read, per topic partition, written after the read model it covers. */
    public static final String OFFSETS = "projection_offsets";
    /** Kafka records that are not valid events and events that could not be projected (kept, shown, never counted). */
    public static final String QUARANTINE = "projection_quarantine";
    /** Requests, reconsiderations and lawsuits with their timelines. */
    public static final String CASES = "case_summaries";
    /** The report of each agency-year in the format in force and the default appeal policy. */
    public static final String REPORTS = "annual_reports";
    /** The latest publication of each agency-year's report. */
    public static final String PUBLISHED = "published_reports";
    /** The agency hierarchy: each agency's name, superior and direct subordinates. */
    public static final String AGENCY_TREE = "agency_tree";
    /**
     * Per agency, the version of everything a roll-up of it reads ({@link AgencyTreeRepository#touchSubtrees}): a
     * random token, not derived from the events, so not among {@link #COLLECTIONS} (a rebuild sets new tokens as it
     * writes; a token left from before names nothing that is still kept).
     */
    public static final String SUBTREE_VERSIONS = "subtree_versions";
    /** Every read-model collection: all of it can be dropped and rebuilt from the event topic or the event store. */
    public static final List<String> COLLECTIONS = List.of(EVENTS, PROGRESS, GAPS, OFFSETS, QUARANTINE, CASES, REPORTS,
            PUBLISHED, AGENCY_TREE);

    private final MongoDatabase database;

    public ReadModelDatabase(MongoDatabase database) {
        this.database = database;
        collection(EVENTS).createIndex(Indexes.ascending("aggregateId", "sequence"), new IndexOptions().unique(true)
                .name("aggregate_sequence_unique"));
        collection(PROGRESS).createIndex(Indexes.ascending("agencyId"));
        collection(GAPS).createIndex(Indexes.ascending("agencyId"));
        collection(QUARANTINE).createIndex(Indexes.ascending("aggregateId"));
        collection(CASES).createIndex(Indexes.ascending("caseType", "agencyId", "status", "year"));
        collection(REPORTS).createIndex(Indexes.ascending("agencyId", "year"));
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    public MongoDatabase database() {
        return database;
    }
}

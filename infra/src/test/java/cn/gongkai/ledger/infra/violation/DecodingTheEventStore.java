package cn.gongkai.ledger.infra.violation;

/** Breaks "only the event-store reader knows Axon's schema": what RunningLedger and BenchLedger did before the split. */
public final class DecodingTheEventStore {
    static final String COLLECTION = "domainevents";

    private DecodingTheEventStore() {
    }

    static long count(com.mongodb.client.MongoDatabase database) {
        return database.getCollection(COLLECTION).countDocuments();
    }
}

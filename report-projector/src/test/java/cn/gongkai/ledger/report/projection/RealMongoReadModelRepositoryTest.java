package cn.gongkai.ledger.report.projection;

import com.mongodb.client.MongoDatabase;

/** The adapters against the real MongoDB of {@code MONGODB_URI}; skipped, with a message, when it is not set. */
class RealMongoReadModelRepositoryTest extends ReadModelRepositoryContract {
    @Override
    MongoDatabase database() {
        return TestMongo.freshRealDatabase();
    }
}

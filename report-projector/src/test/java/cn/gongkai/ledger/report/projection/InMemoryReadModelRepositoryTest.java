package cn.gongkai.ledger.report.projection;

import com.mongodb.client.MongoDatabase;

/** The adapters against mongo-java-server's in-memory backend. */
class InMemoryReadModelRepositoryTest extends ReadModelRepositoryContract {
    @Override
    MongoDatabase database() {
        return TestMongo.freshInMemoryDatabase();
    }
}

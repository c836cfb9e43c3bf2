package cn.gongkai.ledger.infra.mongo;

import java.nio.file.Path;

/** Runs an {@link EmbeddedMongo} on the data directory given as argument until killed; prints its port. */
public final class MongoChild {
    private MongoChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo mongo = EmbeddedMongo.start(Path.of(args[0]), "127.0.0.1", 0, true);
        System.out.println("READY " + mongo.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}

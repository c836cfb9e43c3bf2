package cn.gongkai.ledger.infra.testing;

/** Waiting between the polls of the tests and the benchmarks: an interrupt stops the wait and is kept. */
public final class Pause {
    private Pause() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

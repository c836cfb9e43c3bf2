package cn.gongkai.ledger.infra.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory of this process (the harness and the ledger it runs in process): the heap in use after a full
 * collection, and the resident set ({@code VmRSS} of {@code /proc/self/status}; –1 where there is none).
 */
record Memory(long heapBytes, long residentBytes) {

    static Memory now() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Memory(heap, resident());
    }

    private static long resident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static double mebibytes(long bytes) {
        return bytes / (double) (1 << 20);
    }

    /**
     * A row: the heap and the resident memory gained from {@code before} to this, per million of {@code events}
     * gained (what holding a million more events costs this process).
     */
    ResultRow perMillionSince(Memory before, long events, String what) {
        double heap = (heapBytes - before.heapBytes) * 1e6 / events / (1 << 20);
        double resident = (residentBytes - before.residentBytes) * 1e6 / events / (1 << 20);
        return new ResultRow("heap after a full GC gained per million " + what, "resident memory (VmRSS) gained, same",
                Samples.of(java.util.List.of(heap)), Samples.of(java.util.List.of(resident)),
                Samples.of(java.util.List.of(heap / resident)), "MiB", "1 × 1");
    }

    /** A row: the heap after a full GC and the resident memory now. */
    ResultRow row(String when) {
        double heap = mebibytes(heapBytes);
        double resident = mebibytes(residentBytes);
        return new ResultRow("heap in use after a full GC, " + when, "resident memory (VmRSS), same time",
                Samples.of(java.util.List.of(heap)), Samples.of(java.util.List.of(resident)),
                Samples.of(java.util.List.of(heap / resident)), "MiB", "1 × 1");
    }
}

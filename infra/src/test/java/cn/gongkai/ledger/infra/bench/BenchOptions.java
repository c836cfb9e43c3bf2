package cn.gongkai.ledger.infra.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The harness's flags, {@code --name=value}; the defaults keep a whole run under about three minutes on two cores.
 *
 * @param sections     which parts to run: any of {@code fold}, {@code http}, {@code scale}, {@code agency},
 *                     {@code throughput}, {@code rebuild}, {@code rollup}
 * @param requests     fold benchmark: requests a year of the agency folded (about 4.5 events each)
 * @param foldWarmup   fold benchmark: untimed passes of every operation before the rounds
 * @param foldRounds   fold benchmark: timed rounds
 * @param warmup       command path: commands (each with a read and a refused command) and import lines on a
 *                     throwaway ledger before the measured one starts
 * @param rounds       command path: timed rounds per level of commands and of imports
 * @param perRound     command path: commands (and import lines) per round
 * @param lagRounds    command path: timed rounds per level of the report lag (one command each)
 * @param levels       command path: stored-event counts to fill the event store up to, each followed by a level
 * @param fillChunk    command path: lines per import body when filling the event store
 * @param fsync        the embedded MongoDB-compatible server forces every write to the device (as ./bin/run-embedded)
 * @param seed         seed of the generated agency-years ({@link AgencyYears})
 * @param agencies     scale, rebuild and roll-up benchmarks: agencies generated
 * @param agencyRequests scale, rebuild and roll-up benchmarks: requests a year of the first agency, the mean of
 *                     the others
 * @param years        consecutive years generated, ending in the report year (carry-over needs two)
 * @param fill         command path: how the event store is filled between levels: {@code import} (ReceiveRequest
 *                     lines through {@code POST /api/import}, every line a command) or {@code events} (generated
 *                     agency-years of the bench agency through the event import {@code POST /api/agencies/{id}/events})
 * @param clients      throughput benchmark: concurrent clients, each on its own connection
 * @param rate         throughput benchmark: commands per second offered while the report lag is measured
 * @param lagSeconds   throughput benchmark: seconds of offered load per round of the report lag
 */
record BenchOptions(Set<String> sections, int requests, int foldWarmup, int foldRounds, int warmup, int rounds,
                    int perRound, int lagRounds, List<Integer> levels, int fillChunk, boolean fsync, long seed,
                    int agencies, int agencyRequests, int years, String fill, int clients, int rate,
                    int lagSeconds) {
    static final String FOLD = "fold";
    static final String HTTP = "http";
    static final String SCALE = "scale";
    static final String AGENCY = "agency";
    static final String THROUGHPUT = "throughput";
    static final String REBUILD = "rebuild";
    static final String ROLLUP = "rollup";
    static final Set<String> ALL = Set.of(FOLD, HTTP, SCALE, AGENCY, THROUGHPUT, REBUILD, ROLLUP);
    static final String FILL_BY_IMPORT = "import";
    static final String FILL_BY_EVENTS = "events";

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("sections", FOLD + "," + HTTP + "," + SCALE + "," + AGENCY);
        defaults.put("requests", "10000");
        defaults.put("fold-warmup", "3");
        defaults.put("fold-rounds", "7");
        defaults.put("warmup", "1000");
        defaults.put("rounds", "5");
        defaults.put("per-round", "30");
        defaults.put("lag-rounds", "10");
        defaults.put("levels", "1000,3000");
        defaults.put("fill-chunk", "500");
        defaults.put("fsync", "true");
        defaults.put("seed", "20240101");
        defaults.put("agencies", "1000");
        defaults.put("agency-requests", "40");
        defaults.put("years", "2");
        defaults.put("fill", FILL_BY_IMPORT);
        defaults.put("clients", "16");
        defaults.put("rate", "100");
        defaults.put("lag-seconds", "5");
        return defaults;
    }

    static BenchOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !values.containsKey(name)) {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + usage());
            }
            values.put(name, arg.substring(equals + 1));
        }
        Set<String> sections = Set.copyOf(Arrays.asList(values.get("sections").split(",")));
        if (sections.isEmpty() || !ALL.containsAll(sections)) {
            throw new IllegalArgumentException("--sections takes any of " + String.join(",", ALL) + "\n" + usage());
        }
        String fill = values.get("fill");
        if (!fill.equals(FILL_BY_IMPORT) && !fill.equals(FILL_BY_EVENTS)) {
            throw new IllegalArgumentException("--fill takes import or events\n" + usage());
        }
        return new BenchOptions(sections, positive(values, "requests"), positive(values, "fold-warmup"),
                positive(values, "fold-rounds"), positive(values, "warmup"), positive(values, "rounds"),
                positive(values, "per-round"), positive(values, "lag-rounds"),
                values.get("levels").isBlank() ? List.of()
                        : Arrays.stream(values.get("levels").split(",")).map(Integer::parseInt).sorted().toList(),
                positive(values, "fill-chunk"), Boolean.parseBoolean(values.get("fsync")),
                Long.parseLong(values.get("seed")), positive(values, "agencies"), positive(values, "agency-requests"),
                positive(values, "years"), fill, positive(values, "clients"), positive(values, "rate"),
                positive(values, "lag-seconds"));
    }

    static String usage() {
        StringBuilder usage = new StringBuilder("usage: bin/bench [--name=value ...]; flags and defaults:");
        DEFAULTS.forEach((name, value) -> usage.append("\n  --").append(name).append('=').append(value));
        return usage.toString();
    }

    private static int positive(Map<String, String> values, String name) {
        int value = Integer.parseInt(values.get(name));
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return value;
    }
}

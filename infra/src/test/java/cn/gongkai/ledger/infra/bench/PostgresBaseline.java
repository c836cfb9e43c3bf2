package cn.gongkai.ledger.infra.bench;

import cn.gongkai.ledger.api.common.ApplicantType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * The baseline a relational database gives: the same requests as a flat table {@code cases(agency, applicant,
 * received_on, concluded_on, outcome)} in PostgreSQL — Debian's package, a fresh cluster in a temporary folder,
 * listening on 127.0.0.1 only, fsync off — and table 三 recomputed by one {@code GROUP BY} over it. The server runs as
 * the {@code postgres} user when this process is root (initdb refuses root). {@link #start} is empty when the
 * binaries are missing.
 */
final class PostgresBaseline implements AutoCloseable {
    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

    /**
     * Table 三 of a year, every request contributing to each row it belongs to (the same rules as the fold: 一
     * received in the year, 二 received before and open at its start, the outcome row and 三.七 concluded in it, 四
     * received by its end and open after it), per applicant column and in total (the grouping set of the row alone).
     */
    private static final String TABLE3 = """
            SELECT r.row, c.applicant, count(*) FROM cases c CROSS JOIN LATERAL (VALUES
              (CASE WHEN c.received_on BETWEEN ?1 AND ?2 THEN '一' END),
              (CASE WHEN c.received_on < ?1 AND (c.concluded_on IS NULL OR c.concluded_on >= ?1) THEN '二' END),
              (CASE WHEN c.concluded_on BETWEEN ?1 AND ?2 THEN c.outcome END),
              (CASE WHEN c.concluded_on BETWEEN ?1 AND ?2 THEN '三.七' END),
              (CASE WHEN c.received_on <= ?2 AND (c.concluded_on IS NULL OR c.concluded_on > ?2) THEN '四' END)
            ) AS r(row)
            WHERE r.row IS NOT NULL %s
            GROUP BY GROUPING SETS ((r.row, c.applicant), (r.row))""";

    private final Path folder;
    private final Path binaries;
    private final boolean asPostgresUser;
    private final Connection connection;

    private PostgresBaseline(Path folder, Path binaries, boolean asPostgresUser, Connection connection) {
        this.folder = folder;
        this.binaries = binaries;
        this.asPostgresUser = asPostgresUser;
        this.connection = connection;
    }

    /** The newest Debian PostgreSQL's binaries, if installed. */
    static Optional<Path> binaries() {
        if (!Files.isDirectory(DEBIAN_BINARIES)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<PostgresBaseline> start() {
        Optional<Path> binaries = binaries();
        if (binaries.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path folder = Files.createTempDirectory("ledger-bench-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres", folder.toString()), false);
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path data = folder.resolve("data");
            run(List.of(binaries.get().resolve("initdb").toString(), "-D", data.toString(), "-U", "bench", "-A", "trust",
                    "-E", "UTF8", "--locale=C", "--no-sync"), root);
            run(List.of(binaries.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    folder.resolve("server.log").toString(), "-w", "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + folder + " -c fsync=off"
                            + " -c synchronous_commit=off -c shared_buffers=128MB", "start"), root);
            Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    "bench", "");
            return Optional.of(new PostgresBaseline(folder, binaries.get(), root, connection));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start PostgreSQL", e);
        }
    }

    /** Replaces the table's contents with the cases (COPY), indexed by agency, analysed. */
    void load(List<AgencyYears.CaseRow> cases) {
        StringBuilder csv = new StringBuilder();
        for (AgencyYears.CaseRow c : cases) {
            csv.append(c.agencyId()).append(',').append(c.column().key()).append(',').append(c.receivedOn()).append(',')
                    .append(c.concludedOn() == null ? "" : c.concludedOn().toString()).append(',')
                    .append(c.outcomeKey() == null ? "" : c.outcomeKey()).append('\n');
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS cases");
            statement.execute("CREATE TABLE cases (agency text NOT NULL, applicant text NOT NULL, received_on date NOT NULL,"
                    + " concluded_on date, outcome text)");
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY cases FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            statement.execute("CREATE INDEX cases_agency ON cases (agency)");
            statement.execute("ANALYZE cases");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot load the cases into PostgreSQL", e);
        }
    }

    /** Table 三 of the year by row, then column ({@link ApplicantType#TOTAL} included), only the cells counted. */
    Map<String, Map<String, Integer>> table3(Optional<String> agency, int year) {
        String sql = TABLE3.replace("?1", "'" + LocalDate.of(year, 1, 1) + "'::date")
                .replace("?2", "'" + LocalDate.of(year, 12, 31) + "'::date")
                .formatted(agency.isPresent() ? "AND c.agency = ?" : "");
        Map<String, Map<String, Integer>> table = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (agency.isPresent()) {
                statement.setString(1, agency.get());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(2) == null ? ApplicantType.TOTAL : rows.getString(2);
                    table.computeIfAbsent(rows.getString(1), r -> new LinkedHashMap<>()).put(column, rows.getInt(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query PostgreSQL", e);
        }
        return table;
    }

    /** The fold's table 三 with its zero cells left out, in the shape {@link #table3} returns. */
    static Map<String, Map<String, Integer>> counted(Map<String, Map<String, Integer>> table3) {
        Map<String, Map<String, Integer>> counted = new LinkedHashMap<>();
        table3.forEach((row, columns) -> columns.forEach((column, count) -> {
            if (count != 0) {
                counted.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(column, count);
            }
        }));
        return counted;
    }

    /** Whether two tables (as {@link #table3} returns) count the same cells, ignoring order. */
    static boolean sameCounts(Map<String, Map<String, Integer>> a, Map<String, Map<String, Integer>> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(row -> a.get(row).equals(b.get(row)));
    }

    static String version(Path binaries) {
        return binaries.getParent().getFileName().toString();
    }

    String version() {
        return version(binaries);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
        try {
            run(List.of(binaries.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), asPostgresUser);
        } catch (IOException e) {
            // the server may have gone already
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    private static void run(List<String> command, boolean asPostgresUser) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

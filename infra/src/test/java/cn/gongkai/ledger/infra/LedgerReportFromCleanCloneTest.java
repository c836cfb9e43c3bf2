package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ledger-report check} as the README gives it, from a fresh {@code git clone} of this commit, with a local
 * Maven repository that has none of the project's own modules (an empty repository in front of the user's, read-only
 * one: {@code maven.repo.local.tail}), so the script must build them in its reactor. One run (it compiles the report
 * module and its project dependencies, so it takes a while); skipped, saying so, only when the build cannot reach
 * Maven Central for what the user's repository lacks.
 */
class LedgerReportFromCleanCloneTest {
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private record Run(int exit, String out, String err) {
    }

    @Test
    void checkWorksFromAFreshCloneAndExitsTwoWhenItCannotRun(@TempDir Path tmp) throws Exception {
        Path root = Path.of(git(Path.of("").toAbsolutePath(), "rev-parse", "--show-toplevel").out().strip());
        String commit = git(root, "rev-parse", "HEAD").out().strip();
        Path clone = tmp.resolve("clone");
        git(tmp, "clone", "--quiet", "--no-checkout", root.toString(), clone.toString());
        git(clone, "checkout", "--quiet", commit);
        Path emptyRepository = Files.createDirectories(tmp.resolve("m2-repository"));
        Path userRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        String mavenArgs = "-Dmaven.repo.local=" + emptyRepository
                + (Files.isDirectory(userRepository) ? " -Dmaven.repo.local.tail=" + userRepository : "");

        Run check = run(clone, mavenArgs, "bin/ledger-report", "check", "docs/spec/examples/laizhou-commerce-2023.txt");
        if (check.exit() != 1 && !centralReachable()) {
            Assumptions.abort("SKIPPED: no network to Maven Central (" + CENTRAL + ") to build bin/ledger-report in a "
                    + "fresh clone; its output was:\n" + check.err());
        }

        assertThat(check.exit()).as("exit code; standard error:\n%s", check.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(check.out());
        assertThat(report.path("year").asInt()).isEqualTo(2023);
        assertThat(report.path("checks").findValuesAsText("cell"))
                .containsExactly("table3/一/总计", "table3/二/总计", "table3/三.一/总计");
        try (Stream<Path> files = Files.walk(emptyRepository)) {
            assertThat(files.map(emptyRepository::relativize).map(Path::toString))
                    .noneMatch(p -> p.startsWith("cn/gongkai"));
        }
        // the classpath names the clone's own freshly built modules, never a jar of them
        String classpath = Files.readString(clone.resolve(reportModule(clone)).resolve("target/ledger-report.classpath"));
        assertThat(classpath).contains(clone.resolve("api/target/classes").toString()).doesNotContain("cn/gongkai");

        Run missing = run(clone, mavenArgs, "bin/ledger-report", "check", "docs/spec/examples/no-such-report.txt");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        Files.delete(clone.resolve(reportModule(clone)).resolve("target/classes/cn/gongkai/ledger/report/cli/ReportCli.class"));
        Files.writeString(clone.resolve("pom.xml"), "<project>not a pom</project>");
        Run unbuildable = run(clone, mavenArgs, "bin/ledger-report", "check", "docs/spec/examples/laizhou-commerce-2023.txt");
        assertThat(unbuildable.exit()).as("a build that fails is 2, never 1").isEqualTo(2);
        assertThat(unbuildable.err()).contains("ledger-report: cannot run");
    }

    /** The module that holds the CLI (report-projector, or the module its code moved to). */
    private static Path reportModule(Path clone) throws IOException {
        try (Stream<Path> modules = Files.list(clone)) {
            return modules.filter(m -> Files.exists(m.resolve("src/main/java/cn/gongkai/ledger/report/cli/ReportCli.java")))
                    .findFirst().map(clone::relativize).orElseThrow();
        }
    }

    private static Run git(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Run run = run(directory, null, command.toArray(String[]::new));
        assertThat(run.exit()).as("git %s: %s", String.join(" ", args), run.err()).isZero();
        return run;
    }

    private static Run run(Path directory, String mavenArgs, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        if (mavenArgs != null) {
            builder.environment().put("MAVEN_ARGS", mavenArgs);
        }
        Path out = Files.createTempFile("ledger-report", ".out");
        Path err = Files.createTempFile("ledger-report", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 15 minutes");
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private static boolean centralReachable() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(CENTRAL).toURL().openConnection();
            connection.setRequestMethod("HEAD");
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(5_000);
            return connection.getResponseCode() < 500;
        } catch (IOException e) {
            return false;
        }
    }
}

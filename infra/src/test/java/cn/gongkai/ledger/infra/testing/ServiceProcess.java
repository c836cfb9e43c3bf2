package cn.gongkai.ledger.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the ledger's services as its own operating-system process: a JVM started from the test's class path with
 * the service's Spring Boot main class, its own HTTP port and the arguments given, its output in a log file. It is
 * ready when {@code GET /api/health} answers 200; {@link #kill()} ends it at once, as a crash would (SIGKILL).
 */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Class<?> main;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, Class<?> main, int port, List<String> arguments, Path log) {
        this.name = name;
        this.main = main;
        this.port = port;
        this.arguments = arguments;
        this.log = log;
    }

    /** Starts {@code main} in a new JVM on a free port; {@code arguments} are Spring Boot arguments (properties). */
    public static ServiceProcess start(String name, Class<?> main, List<String> arguments, Path logFolder) {
        ServiceProcess service = new ServiceProcess(name, main, freePort(), List.copyOf(arguments),
                logFolder.resolve(name + ".log"));
        service.start();
        return service;
    }

    /** Starts the service again after {@link #kill()}: the same class, port and arguments, its log appended. */
    public void start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Ddisable-axoniq-console-message=true", "-cp", System.getProperty("java.class.path"), main.getName(),
                "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until the service answers {@code GET /api/health} with 200; fails with its log's tail if it died. */
    public ServiceProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.millis(250);
        }
        throw new AssertionError(name + " not ready within " + timeout + ":\n" + logTail());
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The process's id (another process than the test's). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Ends the process at once (SIGKILL: no shutdown hooks, no flush), as a crash or {@code kill -9} would. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " did not end after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

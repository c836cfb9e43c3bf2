package cn.gongkai.ledger.infra.browser;

import cn.gongkai.ledger.infra.testing.Pause;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Firefox ESR driven through WebDriver BiDi, the W3C protocol Firefox speaks itself on
 * {@code --remote-debugging-port}: no geckodriver (Debian ships none) and no downloaded browser. A BiDi-only
 * session on {@code ws://127.0.0.1:<port>/session}; the few commands a page test needs — navigate, evaluate a
 * script, type keys as a user does (input.performActions), resize, screenshot.
 */
public final class FirefoxBidi implements AutoCloseable {
    public static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /** The WebDriver key codes of the keys the tests press (W3C WebDriver, "keyboard actions"). */
    public static final String TAB = "\uE004";
    public static final String ENTER = "\uE007";
    public static final String ESCAPE = "\uE00C";
    public static final String ARROW_DOWN = "\uE015";
    public static final String CONTROL = "\uE009";
    public static final String SHIFT = "\uE008";

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending;
    private final AtomicInteger ids = new AtomicInteger();
    private final String context;

    private FirefoxBidi(Process process, WebSocket socket, Map<Integer, CompletableFuture<JsonNode>> pending)
            throws IOException {
        this.process = process;
        this.socket = socket;
        this.pending = pending;
        send("session.new", JSON.createObjectNode().set("capabilities", JSON.createObjectNode()));
        this.context = send("browsingContext.getTree", JSON.createObjectNode()).path("contexts").path(0).path("context").asText();
    }

    /** Starts a headless Firefox on a fresh profile (Chinese as its language) and opens a BiDi session to it. */
    public static FirefoxBidi start(Path profile) throws IOException {
        Files.createDirectories(profile);
        Files.writeString(profile.resolve("user.js"), String.join("\n",
                "user_pref(\"intl.accept_languages\", \"zh-CN, zh\");",
                // Chinese as the browser's own language where Debian's zh-CN language pack is installed (.ci/run
                // installs it): date inputs read 年/月/日 as an office's Firefox shows them
                "user_pref(\"intl.locale.requested\", \"zh-CN\");",
                "user_pref(\"extensions.autoDisableScopes\", 0);",
                "user_pref(\"browser.shell.checkDefaultBrowser\", false);",
                "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
                "user_pref(\"toolkit.telemetry.reportingpolicy.firstRun\", false);",
                "user_pref(\"app.update.disabledForTesting\", true);",
                "user_pref(\"browser.aboutwelcome.enabled\", false);",
                "user_pref(\"network.captive-portal-service.enabled\", false);",
                "user_pref(\"extensions.update.enabled\", false);",
                ""), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(FIREFOX.toString(), "--headless", "--no-remote", "--profile",
                profile.toAbsolutePath().toString(), "--remote-debugging-port=0", "--width=1280", "--height=800",
                "about:blank").redirectErrorStream(true).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        endpoint.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            endpoint.completeExceptionally(new IOException("Firefox ended before it listened for WebDriver BiDi"));
        }, "firefox-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String ws = endpoint.get(60, TimeUnit.SECONDS);
            Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(ws + "/session"), new Listener(pending)).get(30, TimeUnit.SECONDS);
            return new FirefoxBidi(process, socket, pending);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("could not start a BiDi session with " + FIREFOX + ": " + e, e);
        }
    }

    /** Loads the page and waits for its load event. */
    public void navigate(String url) throws IOException {
        ObjectNode params = JSON.createObjectNode().put("context", context).put("url", url).put("wait", "complete");
        send("browsingContext.navigate", params);
    }

    /** The viewport in CSS pixels. */
    public void viewport(int width, int height) throws IOException {
        ObjectNode params = JSON.createObjectNode().put("context", context);
        params.putObject("viewport").put("width", width).put("height", height);
        send("browsingContext.setViewport", params);
    }

    /**
     * Evaluates a JavaScript expression in the page (a promise is awaited) and returns its value as JSON (through
     * {@code JSON.stringify}); a thrown exception fails with its text.
     */
    public JsonNode eval(String expression) throws IOException {
        ObjectNode params = JSON.createObjectNode()
                .put("expression", "(async () => JSON.stringify(await (async () => (" + expression + "))()))()")
                .put("awaitPromise", true).put("resultOwnership", "none");
        params.putObject("target").put("context", context);
        JsonNode answer = send("script.evaluate", params);
        if ("exception".equals(answer.path("type").asText())) {
            throw new IOException("script failed: " + answer.path("exceptionDetails").path("text").asText() + " in " + expression);
        }
        JsonNode value = answer.path("result").path("value");
        return value.isMissingNode() || value.isNull() ? JSON.nullNode() : JSON.readTree(value.asText());
    }

    public String text(String expression) throws IOException {
        JsonNode value = eval(expression);
        return value.isNull() ? null : value.asText();
    }

    /** Waits (polling, at most {@code timeout}) until the expression is truthy. */
    public void await(String expression, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!eval("!!(" + expression + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still false after " + timeout + ": " + expression);
            }
            Pause.millis(50);
        }
    }

    /**
     * Types as a keyboard does, into whatever has the focus: each argument is either text (every character pressed
     * and released in turn) or one of the key constants.
     */
    public void keys(String... keys) throws IOException {
        ArrayNode actions = JSON.createArrayNode();
        for (String key : keys) {
            key.codePoints().forEach(cp -> {
                String k = new String(Character.toChars(cp));
                actions.addObject().put("type", "keyDown").put("value", k);
                actions.addObject().put("type", "keyUp").put("value", k);
            });
        }
        perform(actions);
    }

    /** Presses {@code key} while {@code modifier} is held (Ctrl+Enter, Shift+Tab …). */
    public void chord(String modifier, String key) throws IOException {
        ArrayNode actions = JSON.createArrayNode();
        actions.addObject().put("type", "keyDown").put("value", modifier);
        actions.addObject().put("type", "keyDown").put("value", key);
        actions.addObject().put("type", "keyUp").put("value", key);
        actions.addObject().put("type", "keyUp").put("value", modifier);
        perform(actions);
    }

    private void perform(ArrayNode keyActions) throws IOException {
        ObjectNode params = JSON.createObjectNode().put("context", context);
        ObjectNode source = params.putArray("actions").addObject().put("type", "key").put("id", "keyboard");
        source.set("actions", keyActions);
        send("input.performActions", params);
        send("input.releaseActions", JSON.createObjectNode().put("context", context));
    }

    /** A PNG of the viewport. */
    public void screenshot(Path file) throws IOException {
        JsonNode answer = send("browsingContext.captureScreenshot", JSON.createObjectNode().put("context", context));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(answer.path("data").asText()));
    }

    private JsonNode send(String method, ObjectNode params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        socket.sendText(JSON.writeValueAsString(command), true).join();
        try {
            JsonNode message = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if ("error".equals(message.path("type").asText())) {
                throw new IOException(method + ": " + message.path("error").asText() + " — " + message.path("message").asText());
            }
            return message.path("result");
        } catch (TimeoutException e) {
            throw new IOException(method + " had no answer in " + COMMAND_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(method + ": " + e.getCause(), e.getCause());
        } finally {
            pending.remove(id);
        }
    }


    @Override
    public void close() {
        try {
            send("session.end", JSON.createObjectNode());
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Collects each message's fragments and completes the command the whole message answers. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final Map<Integer, CompletableFuture<JsonNode>> pending;

        Listener(Map<Integer, CompletableFuture<JsonNode>> pending) {
            this.pending = pending;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> answer = message.has("id") ? pending.get(message.path("id").asInt()) : null;
                    if (answer != null) {
                        answer.complete(message);
                    }
                } catch (IOException ignored) {
                    // not JSON: Firefox sends none such; events (no id) are not used
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}

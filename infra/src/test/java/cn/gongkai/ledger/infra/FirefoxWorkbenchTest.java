package cn.gongkai.ledger.infra;

import static cn.gongkai.ledger.infra.browser.FirefoxBidi.ARROW_DOWN;
import static cn.gongkai.ledger.infra.browser.FirefoxBidi.CONTROL;
import static cn.gongkai.ledger.infra.browser.FirefoxBidi.ENTER;
import static cn.gongkai.ledger.infra.browser.FirefoxBidi.TAB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.infra.browser.FirefoxBidi;
import cn.gongkai.ledger.security.Role;
import cn.gongkai.ledger.security.UserStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench in Debian's Firefox ESR (installed by .ci/run), driven through WebDriver BiDi, the protocol
 * Firefox speaks itself — Debian ships no geckodriver. The officer's path that depends most on the browser:
 * signing in and registering a request with the keyboard only (Firefox's date input has its own segments to Tab
 * through), a step's form with a refusal shown next to its field and nothing typed lost, the report page's
 * cells equal to the API and a cell followed to its case, at 1280×800 and 1366×768. The full year's path with
 * the letters and downloads runs in Chromium ({@link WorkbenchBrowserTest}). Screenshots go to
 * {@code infra/target/screenshots/firefox/}.
 */
class FirefoxWorkbenchTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "firefox");
    static final String AGENCY = "fox-bureau";
    static final String REQUEST = AGENCY + ":2025-001";
    static final String USER = "wu.clerk";
    static final String PASSWORD = "wu-clerk-passw0rd";
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path data;
    @TempDir
    static Path profile;
    static RunningLedger ledger;
    static FirefoxBidi firefox;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(FirefoxBidi.FIREFOX), "needs Debian's firefox-esr (apt-get install firefox-esr; .ci/run does)");
        ledger = RunningLedger.start(data);
        base = "http://localhost:" + ledger.port();
        ledger.bean(UserStore.class).create(USER, PASSWORD.toCharArray(), new AgencyId(AGENCY), EnumSet.allOf(Role.class),
                "browser-test");
        firefox = FirefoxBidi.start(profile);
        firefox.viewport(1280, 800);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (firefox != null) {
            firefox.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void anOfficersPathInFirefox() throws Exception {
        try {
            officersPath();
        } catch (Exception | AssertionError e) {
            shot("failure");
            throw e;
        }
    }

    private void officersPath() throws Exception {
        // Sign in with the keyboard: the page sends an anonymous visitor to the log-in page and back after it.
        firefox.navigate(base + "/agencies.html");
        firefox.await("location.pathname === '/login.html' && document.activeElement && document.activeElement.id === 'l-user'", WAIT);
        shot("00-login");
        firefox.keys(USER, TAB, PASSWORD, ENTER);
        firefox.await("location.pathname === '/agencies.html' && document.getElementById('ctx-officer')"
                + " && document.getElementById('ctx-officer').value === '" + USER + "'", WAIT);
        // The agency, registered on its page with the keyboard.
        firefox.eval("document.getElementById('a-id').focus()");
        firefox.keys(AGENCY, TAB, "狐狸局", ENTER);
        firefox.await("document.getElementById('list').textContent.includes('狐狸局')", WAIT);
        shot("01-agencies");

        // Keyboard only, as in Chromium: the tracking number suggested and focused, Tab through, Ctrl+Enter.
        open("/?agency=" + AGENCY + "&asOf=2025-03-03");
        firefox.await("document.getElementById('r-tracking').value === '2025-001'"
                + " && document.activeElement === document.getElementById('r-tracking')", WAIT);
        long started = System.nanoTime();
        firefox.keys(TAB, ARROW_DOWN, TAB);                   // 收到方式: 当面 → 挂号/快递
        tabUntil("applicant.type");                           // through the date input's segments
        firefox.keys(TAB, "王某", TAB, "110101199001011234", TAB, "13800000000", TAB, "2024年本局部门预算及“三公”经费决算");
        firefox.chord(CONTROL, ENTER);
        firefox.await("document.querySelector('#register-result .ok a')", WAIT);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("keyboard-only registration in Firefox: %.1f s (typed by the test driver)%n", seconds);
        Files.writeString(SCREENSHOTS.resolve("registration-seconds.txt"), String.format("%.1f%n", seconds));
        assertThat(seconds).isLessThan(60);
        firefox.await("document.querySelector(\"#worklist-table tr[data-id='" + REQUEST + "']\")", WAIT);
        firefox.await("document.getElementById('r-tracking').value === '2025-002'", WAIT);
        JsonNode registered = ledger.http().get("/api/requests/" + REQUEST).json();
        assertThat(registered.toString()).contains("SIGNED_MAIL", "2025-03-03");
        shot("02-workbench-registered");

        // A step's form: 补正 with its fields, then a reply refused by the server (before the receipt), its
        // reason in Chinese next to the form and the typed document number kept; then the good reply.
        step("2025-03-04", "correction", Map.of("supplyBy", "2025-03-18", "missing", "请明确所需预算的具体科目"), "待补正");
        step("2025-03-06", "supply", Map.of(), "办理中");
        open("/request.html?id=" + REQUEST + "&asOf=2025-03-20");
        click("#step-reply");
        firefox.await("document.getElementById('form-reply')", WAIT);
        fill("#form-reply", Map.of("primaryOutcome", "DISCLOSED", "replyDocumentNumber", "狐政公开〔2025〕1号",
                "repliedOn", "2025-03-01"));
        click("#form-reply button[type=submit]");
        firefox.await("document.querySelector('#form-reply [role=alert]')", WAIT);
        assertThat(firefox.text("document.querySelector('#form-reply [role=alert]').textContent")).containsPattern("[\\u4e00-\\u9fff]");
        assertThat(firefox.text("document.querySelector('#form-reply [name=replyDocumentNumber]').value")).isEqualTo("狐政公开〔2025〕1号");
        shot("03-request-reply-refused");
        fill("#form-reply", Map.of("repliedOn", "2025-03-20"));
        click("#form-reply button[type=submit]");
        firefox.await("document.getElementById('title').textContent.includes('已办结')", WAIT);
        assertThat(firefox.text("document.getElementById('timeline').textContent")).contains("告知补正", "申请人补正", "作出答复");
        shot("04-request-replied");

        // The report: every value of 三 and 四 as the API has it; a cell followed to its case and event.
        open("/report.html?agency=" + AGENCY + "&year=2025");
        firefox.await("document.getElementById('table3')", WAIT);
        JsonNode report = ledger.http().get("/api/reports/" + AGENCY + "/2025").json();
        JsonNode cells = firefox.eval("[...document.querySelectorAll('table.official td.v')]"
                + ".map(td => [td.getAttribute('data-cell'), td.textContent.trim()])");
        assertThat(cells.size()).isEqualTo(10 + 25 * 7 + 15);
        for (Iterator<JsonNode> it = cells.elements(); it.hasNext(); ) {
            JsonNode cell = it.next();
            String[] address = cell.get(0).asText().split("/", 3);
            JsonNode expected = address[0].equals("table4") ? report.path("table4").path(address[1])
                    : report.path(address[0]).path(address[1]).path(address[2]);
            assertThat(cell.get(1).asText()).as(cell.get(0).asText()).isEqualTo(expected.asText());
        }
        assertThat(report.path("table3").path("三.一").path("总计").asInt()).isEqualTo(1);
        shot("05-report");
        click("td[data-cell='table3/三.一/总计'] a");
        firefox.await("document.getElementById('cell-cases') && document.getElementById('cell-cases').textContent.includes('2025-001')", WAIT);
        assertThat(firefox.text("document.getElementById('cell-value').textContent")).isEqualTo("1");
        assertThat(firefox.text("document.getElementById('cell-cases').textContent")).contains("作出答复");
        shot("06-report-cell");

        // The office laptop: two more requests, one overdue and one due soon at the end of the year.
        for (String[] r : new String[][] {{"2025-002", "2025-11-03", "赵某"}, {"2025-003", "2025-12-03", "钱某"}}) {
            Http.Response answer = ledger.http().command("/api/requests", "{\"agencyId\":\"" + AGENCY + "\",\"trackingNumber\":\""
                    + r[0] + "\",\"channel\":\"INTERNET\",\"receivedOn\":\"" + r[1] + "\",\"applicant\":{\"type\":"
                    + "\"COMMERCIAL_ENTERPRISE\",\"name\":\"" + r[2] + "\"},\"subject\":\"2025年招商引资协议\",\"handlingOfficer\":\"周承办\"}");
            assertThat(answer.status()).as(answer.body()).isBetween(200, 202);
        }
        firefox.viewport(1366, 768);
        open("/?agency=" + AGENCY + "&asOf=2025-12-31");
        firefox.await("document.querySelector('#worklist-table tr.overdue') && document.querySelector('#worklist-table tr.due-soon')", WAIT);
        shot("07-workbench-1366x768");
        open("/legal.html?agency=" + AGENCY + "&asOf=2025-04-01");
        firefox.await("document.getElementById('pending')", WAIT);
        shot("08-legal-1366x768");
        open("/report.html?agency=" + AGENCY + "&year=2025");
        firefox.await("document.getElementById('table3')", WAIT);
        // Nothing of the official table is cut off at this width: the page scrolls, the table is whole.
        assertThat(firefox.eval("document.querySelector('table.official').getBoundingClientRect().width > 0").asBoolean()).isTrue();
        shot("09-report-1366x768");
    }

    /** Opens the request on a business date, fills one step's form, submits it and waits for the status. */
    private static void step(String asOf, String id, Map<String, String> values, String status) throws Exception {
        open("/request.html?id=" + REQUEST + "&asOf=" + asOf);
        click("#step-" + id);
        firefox.await("document.getElementById('form-" + id + "')", WAIT);
        fill("#form-" + id, values);
        click("#form-" + id + " button[type=submit]");
        firefox.await("document.querySelector('#notice .ok')", WAIT);
        firefox.await("document.getElementById('title').textContent.includes('" + status + "')", WAIT);
    }

    private static void open(String path) throws IOException {
        firefox.navigate(base + path);
        firefox.await("document.readyState === 'complete' && document.querySelector('header.top')", WAIT);
    }

    private static void click(String css) throws IOException {
        firefox.await("document.querySelector(\"" + css + "\") && !document.querySelector(\"" + css + "\").disabled", WAIT);
        firefox.eval("document.querySelector(\"" + css + "\").click()");
    }

    /**
     * Sets the named fields of a form as a user's typing or choosing would leave them (dates as a date picker sets
     * them: the typed order of a date input's segments depends on the browser's locale).
     */
    private static void fill(String form, Map<String, String> values) throws IOException {
        for (Map.Entry<String, String> value : values.entrySet()) {
            firefox.eval("(() => { const f = document.querySelector(\"" + form + " [name='" + value.getKey() + "']\");"
                    + " f.value = " + jsString(value.getValue()) + ";"
                    + " f.dispatchEvent(new Event('input', {bubbles: true})); f.dispatchEvent(new Event('change', {bubbles: true}));"
                    + " return f.value; })()");
        }
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void tabUntil(String name) throws IOException {
        for (int i = 0; i < 6 && !name.equals(firefox.text("document.activeElement.getAttribute('name')")); i++) {
            firefox.keys(TAB);
        }
        assertThat(firefox.text("document.activeElement.getAttribute('name')")).isEqualTo(name);
    }

    private static void shot(String name) throws IOException {
        if (firefox != null) {
            firefox.screenshot(SCREENSHOTS.resolve(name + ".png"));
        }
    }
}

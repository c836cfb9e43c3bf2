package cn.gongkai.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.security.Role;
import cn.gongkai.ledger.security.UserStore;
import java.util.EnumSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench in a real browser (Debian's chromium through Debian's chromedriver, both installed by .ci/run)
 * against the whole embedded ledger: an officer registers a request with the keyboard only, asks for a
 * correction, records it, extends, replies (a refusal first, shown next to the form, nothing typed lost); legal
 * staff file a reconsideration and a lawsuit; the report page's cells agree with the API, a cell drills down to
 * its case and event, and the DOCX, XLSX and PDF downloads hold the tables. Screenshots of every page go to
 * {@code infra/target/screenshots/}.
 */
class WorkbenchBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String AGENCY = "demo-bureau";
    static final String REQUEST = AGENCY + ":2025-001";
    static final String USER = "li.clerk";
    static final String PASSWORD = "li-clerk-passw0rd";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    @TempDir
    static Path profile;
    static RunningLedger ledger;
    static WebDriver browser;
    static String base;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
        ledger = RunningLedger.start(data);
        base = "http://localhost:" + ledger.bean(org.springframework.core.env.Environment.class).getProperty("local.server.port");
        // One officer with every role of the agency (the first administrator would create them on its page).
        ledger.bean(UserStore.class).create(USER, PASSWORD.toCharArray(), new AgencyId(AGENCY), EnumSet.allOf(Role.class),
                "browser-test");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--lang=zh-CN", "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 800));
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void aYearsWorkInTheBrowser() throws Exception {
        try {
            yearsWork();
        } catch (Exception | AssertionError e) {
            shot("failure");
            throw e;
        }
    }

    private void yearsWork() throws Exception {
        // Sign in: any page sends an anonymous visitor to the log-in page, and back after it.
        browser.get(base + "/agencies.html");
        wait.until(ExpectedConditions.urlContains("/login.html"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("l-user")));
        shot("00-login");
        keys(USER, Keys.TAB, PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/agencies.html"));
        wait.until(d -> USER.equals(d.findElement(By.id("ctx-officer")).getDomProperty("value")));
        // The agency, registered on its page.
        browser.findElement(By.id("a-id")).sendKeys(AGENCY);
        browser.findElement(By.id("a-name")).sendKeys("示范局", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list"), "示范局"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tallies")));
        shot("01-agencies");
        // The table-四 policy in force per year, changed by the administrator with a reason.
        assertThat(browser.findElement(By.id("appeal-policies")).getText()).contains("表四统计本年新立及上年结转未审结案件");
        click(By.id("step-policy"));
        WebElement policy = browser.findElement(By.id("form-policy"));
        new Select(policy.findElement(By.name("policy"))).selectByValue("FILED_IN_YEAR");
        policy.findElement(By.name("fromYear")).clear();
        policy.findElement(By.name("fromYear")).sendKeys("2025");
        policy.findElement(By.name("reason")).sendKeys("市政府办公室通知：表四按本年新立案件统计");
        policy.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#appeal-policies tr[data-year='2025']"),
                "表四统计本年新立案件"));
        assertThat(browser.findElement(By.cssSelector("#appeal-policies tr[data-year='2025']")).getText())
                .contains("自 2025 年度起设定", "市政府办公室通知");
        assertThat(browser.findElement(By.cssSelector("#appeal-policies tr[data-year='2024']")).getText())
                .contains("未设定");
        shot("01b-agency-appeal-policy");
        open("/?agency=" + AGENCY + "&asOf=2025-03-03");
        wait.until(d -> "2025-001".equals(d.findElement(By.id("r-tracking")).getDomProperty("value")));
        shot("02-workbench-empty");

        // Keyboard only: the tracking number is suggested and focused; Tab through, type, Ctrl+Enter.
        long started = System.nanoTime();
        keys(Keys.TAB);                                  // 收到方式: 当面
        keys(Keys.DOWN);                                 // 挂号/快递
        keys(Keys.TAB);
        tabUntil("applicant.type");                      // through the receipt date (its day, month and year parts)
        keys(Keys.TAB, "王某", Keys.TAB, "110101199001011234", Keys.TAB, "13800000000", Keys.TAB,
                "2024年本局部门预算及“三公”经费决算");
        keys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#register-result .ok a")));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("keyboard-only registration: %.1f s (typed by the test driver)%n", seconds);
        Files.writeString(SCREENSHOTS.resolve("registration-seconds.txt"), String.format("%.1f%n", seconds));
        assertThat(seconds).isLessThan(60);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#worklist-table tr[data-id='" + REQUEST + "']")));
        wait.until(d -> "2025-002".equals(d.findElement(By.id("r-tracking")).getDomProperty("value")));
        shot("02-workbench-registered");

        // The request page: 补正, its supply, 延期, then a refused reply and a good one.
        step("2025-03-04", "correction", form -> {
            form.findElement(By.name("supplyBy")).sendKeys("03182025");
            form.findElement(By.name("missing")).sendKeys("请明确所需预算的具体科目");
        }, "待补正");
        shot("03-request-awaiting-correction");
        step("2025-03-06", "supply", form -> { }, "办理中");
        step("2025-03-28", "extend", form -> {
            form.findElement(By.name("approver")).sendKeys("张主任");
            form.findElement(By.name("reason")).sendKeys("需调取多个科室档案");
        }, "办理中");
        open("/request.html?id=" + REQUEST + "&asOf=2025-04-10");
        click(By.id("step-reply"));
        WebElement reply = browser.findElement(By.id("form-reply"));
        new Select(reply.findElement(By.name("primaryOutcome"))).selectByValue("PARTIALLY_DISCLOSED");
        new Select(reply.findElement(By.name("secondaryReasons"))).selectByValue("WITHHELD_THIRD_PARTY_RIGHTS");
        reply.findElement(By.name("replyDocumentNumber")).sendKeys("示政公开〔2025〕1号");
        setDate(reply.findElement(By.name("repliedOn")), "2025-03-01");   // before the receipt: refused
        reply.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form-reply [role=alert]")));
        String refusal = browser.findElement(By.cssSelector("#form-reply [role=alert]")).getText();
        assertThat(refusal).containsPattern("[\\u4e00-\\u9fff]");
        assertThat(browser.findElement(By.name("replyDocumentNumber")).getDomProperty("value")).isEqualTo("示政公开〔2025〕1号");
        shot("04-request-reply-refused");
        setDate(browser.findElement(By.cssSelector("#form-reply [name=repliedOn]")), "2025-04-10");
        browser.findElement(By.cssSelector("#form-reply button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "已办结"));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("告知补正", "申请人补正", "延期答复", "作出答复");
        shot("05-request-replied");

        // The letters of each step, generated from the case, every placeholder filled.
        List<WebElement> letters = browser.findElements(By.cssSelector("#letters a"));
        assertThat(letters).hasSize(8);   // 登记回执, 补正告知书, 延期答复告知书, 答复书: Word and PDF each
        for (WebElement link : letters) {
            byte[] file = fetch(link.getDomAttribute("href"));
            String text;
            if (link.getDomAttribute("href").endsWith(".docx")) {
                try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file));
                     XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
                    text = extractor.getText();
                }
            } else {
                try (PDDocument doc = Loader.loadPDF(file)) {
                    text = new PDFTextStripper().getText(doc);
                }
            }
            assertThat(text).as(link.getDomAttribute("href")).doesNotContain("{{", "}}", "（未登记）").contains("示范局", "王某");
            if (link.getDomAttribute("href").contains("/reply.")) {
                assertThat(text.replaceAll("\\s", "")).contains("政府信息公开申请答复书", "第三十七条", "第十五条",
                        "申请行政复议", "提起行政诉讼", "60日", "6个月");
            }
            if (link.getDomAttribute("href").contains("/correction.")) {
                assertThat(text.replaceAll("\\s", "")).contains("补正告知书", "请明确所需预算的具体科目");
            }
            Path saved = SCREENSHOTS.resolve("letter-" + link.getDomAttribute("href").replaceAll(".*/letters/", ""));
            Files.write(saved, file);
        }

        // Legal staff: a reconsideration (accepted, upheld) and a direct lawsuit, both linked to the request.
        click(By.id("step-reconsideration"));
        WebElement rc = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-reconsideration")));
        rc.findElement(By.name("reviewBody")).sendKeys("示范市人民政府");
        rc.findElement(By.name("caseNumber")).sendKeys("示复〔2025〕7号");
        rc.findElement(By.name("applicantName")).sendKeys("王某");
        setDate(rc.findElement(By.name("filedOn")), "2025-04-20");
        rc.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("step-accept")));
        click(By.id("step-accept"));
        setDate(browser.findElement(By.cssSelector("#form-accept [name=acceptedOn]")), "2025-04-25");
        browser.findElement(By.cssSelector("#form-accept button[type=submit]")).click();
        click(By.id("step-decide"));
        WebElement decide = browser.findElement(By.id("form-decide"));
        new Select(decide.findElement(By.name("result"))).selectByValue("UPHELD");
        setDate(decide.findElement(By.name("decidedOn")), "2025-06-20");
        decide.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-title"), "已办结"));
        click(By.id("file-lawsuit"));
        WebElement ls = browser.findElement(By.id("form-lawsuit"));
        ls.findElement(By.name("court")).sendKeys("示范市中级人民法院");
        ls.findElement(By.name("caseNumber")).sendKeys("（2025）示01行初12号");
        ls.findElement(By.name("plaintiffName")).sendKeys("王某");
        setDate(ls.findElement(By.name("filedOn")), "2025-07-01");
        new Select(ls.findElement(By.name("route"))).selectByValue("DIRECT");
        ls.findElement(By.name("linkedRequestId")).clear();
        ls.findElement(By.name("linkedRequestId")).sendKeys(REQUEST);
        ls.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending"), "（2025）示01行初12号"));
        shot("06-legal");

        // The report: every cell of 三 and 四 as the API has it; a cell drills down to its case.
        open("/report.html?agency=" + AGENCY + "&year=2025");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("table3")));
        JsonNode report = JSON.readTree(get("/api/reports/" + AGENCY + "/2025").body());
        List<WebElement> cells = browser.findElements(By.cssSelector("table.official td.v"));
        assertThat(cells).hasSize(10 + 25 * 7 + 15);   // 2021 format: 表二 10, 表三 25 rows × 7, 表四 15
        for (WebElement cell : cells) {
            String[] address = cell.getDomAttribute("data-cell").split("/", 3);
            JsonNode expected = address[0].equals("table4") ? report.path("table4").path(address[1])
                    : report.path(address[0]).path(address[1]).path(address[2]);
            assertThat(cell.getText()).as(cell.getDomAttribute("data-cell")).isEqualTo(expected.asText());
        }
        assertThat(report.path("table3").path("三.二").path("总计").asInt()).isEqualTo(1);
        assertThat(report.path("table4").path("复议.维持").asInt()).isEqualTo(1);
        assertThat(report.path("table4").path("直诉.未审结").asInt()).isEqualTo(1);
        assertThat(browser.findElement(By.id("report")).getText()).contains("本列数据的勾稽关系为");
        shot("07-report");
        click(By.cssSelector("td[data-cell='table3/三.二/总计'] a"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cell-cases")));
        assertThat(browser.findElement(By.id("cell-value")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("cell-cases")).getText()).contains("2025-001", "作出答复");
        shot("08-report-cell");

        // The downloads, read back with POI and PDFBox.
        byte[] docx = download("dl-docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(doc.getTables()).hasSize(3);
            assertThat(text.getText()).contains("示范局2025年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
                    "本列数据的勾稽关系为", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "未经复议直接起诉");
        }
        byte[] xlsx = download("dl-xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            var sheet = book.getSheetAt(1);
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                        && row.getCell(0).getStringCellValue().startsWith("一、本年新收")) {
                    assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(1.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        byte[] pdf = download("dl-pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("政府信息公开工作年度报告", "部分公开", "行政复议");
        }
        // The report itself in the format an Accept header asks for: the same bytes as its export; JSON stays the
        // default (also for */* and a browser's header names HTML first); a type the report has no form in is 406.
        String reportPath = "/api/reports/" + AGENCY + "/2025";
        assertThat(accept(reportPath, "text/csv").body()).isEqualTo(fetch(reportPath + "/export/csv"));
        HttpResponse<byte[]> negotiatedXlsx = accept(reportPath,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(negotiatedXlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(negotiatedXlsx.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
        }
        assertThat(JSON.readTree(accept(reportPath, "*/*").body())).isEqualTo(report);
        assertThat(JSON.readTree(accept(reportPath, "application/json, text/csv;q=0.5").body())).isEqualTo(report);
        HttpResponse<byte[]> xml = accept(reportPath, "application/xml");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        // A cell's cases are a list: the parties' names masked even for a role that may read them in the clear.
        String cellCases = get(reportPath + "/cells/table4/" + URLEncoder.encode("复议.维持", StandardCharsets.UTF_8)).body();
        assertThat(cellCases).contains("王*").doesNotContain("\"王某\"");

        yearEnd();

        // The office laptop: 1366×768.
        browser.manage().window().setSize(new Dimension(1366, 768));
        open("/?agency=" + AGENCY + "&asOf=2025-12-31");
        for (String[] r : new String[][] {{"2025-002", "2025-11-03", "赵某"}, {"2025-003", "2025-12-03", "钱某"}}) {
            ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "Ledger.api('POST', '/api/requests', {agencyId: '" + AGENCY + "', trackingNumber: '" + r[0]
                    + "', channel: 'INTERNET', receivedOn: '" + r[1] + "', applicant: {type: 'COMMERCIAL_ENTERPRISE', name: '"
                    + r[2] + "'}, subject: '2025年招商引资协议', handlingOfficer: '周承办'}).then(x => done(x.status));");
        }
        open("/?agency=" + AGENCY + "&asOf=2025-12-31");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#worklist-table tr.overdue")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#worklist-table tr.due-soon")));
        shot("09-workbench-1366x768");
        open("/report.html?agency=" + AGENCY + "&year=2025");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("table3")));
        shot("10-report-1366x768");
        Files.write(SCREENSHOTS.resolve("report.docx"), docx);
        Files.write(SCREENSHOTS.resolve("report.xlsx"), xlsx);
        Files.write(SCREENSHOTS.resolve("report.pdf"), pdf);
        rollUp();
        ledgerImport();
    }

    /**
     * 开账导入: a 台账 in CSV with one row it cannot read — the dry run lists the cases and that row with its cell,
     * the import registers the rest and shows its progress, and the same file again would register nothing.
     */
    private static void ledgerImport() throws Exception {
        Path register = SCREENSHOTS.resolve("ledger-import.csv");
        Files.writeString(register, String.join("\r\n", "收文日期,申请方式,申请人,申请人类型,申请内容,办理结果,答复日期",
                "2024-03-04,当面,赵某,自然人,2023年部门预算,予以公开,2024-03-20",
                "2024-04-08,互联网平台,某建设公司,商业企业,某项目招标文件,部分公开,2024-04-30",
                "2024-05-06,当面,孙某,外星人,某事项,,", ""), StandardCharsets.UTF_8);
        open("/import.html?agency=" + AGENCY);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping-table")));
        browser.findElement(By.id("i-file")).sendKeys(register.toAbsolutePath().toString());
        click(By.id("i-dry-run"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dry-run-summary")));
        assertThat(browser.findElement(By.id("dry-run-summary")).getText()).contains("共 3 行", "将登记 2 件", "不能识别 1 行");
        assertThat(browser.findElement(By.id("import-problems")).getText()).contains("4", "申请人类型", "外星人");
        assertThat(browser.findElement(By.name("map.RECEIVED_ON")).getDomProperty("value")).isEqualTo("收文日期");
        shot("17-import-dry-run");
        click(By.id("i-run"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
        assertThat(browser.findElement(By.id("import-done")).getText()).contains("导入完成", "登记 2 件", "不能识别 1 行");
        shot("18-import-done");
        String listed = RunningLedger.await(() -> uncheckedGet("/api/requests?agencyId=" + AGENCY + "&year=2024"),
                body -> body.contains("某项目招标文件") && body.contains("2023年部门预算"), Duration.ofSeconds(30));
        assertThat(listed).contains("某项目招标文件", "2023年部门预算").doesNotContain("某事项");
        click(By.id("i-dry-run"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dry-run-summary"), "已在台账中 2 行"));
        assertThat(browser.findElement(By.id("dry-run-summary")).getText()).contains("将登记 0 件");
    }

    /**
     * The bureau's roll-up (汇总, 含下级机关) over two departments below it, one of which has published (as the
     * bureau has, on the year-end page): the page
     * shows the summed tables in the official layout (each cell as the roll-up API has it), the agencies with who
     * has not published (未发布), and the trend of the summed reports.
     */
    private static void rollUp() throws Exception {
        Http http = ledger.http();
        for (String[] d : new String[][] {{"demo-bureau-a", "示范局甲处", "孙某"}, {"demo-bureau-b", "示范局乙处", "李某"}}) {
            var imported = http.post("/api/import", "application/x-ndjson", String.join("\n",
                    "{\"command\":\"RegisterAgency\",\"agencyId\":\"" + d[0] + "\",\"name\":\"" + d[1]
                            + "\",\"superiorAgencyId\":\"" + AGENCY + "\"}",
                    "{\"command\":\"ReceiveRequest\",\"agencyId\":\"" + d[0] + "\",\"trackingNumber\":\"2025-001\","
                            + "\"channel\":\"INTERNET\",\"receivedOn\":\"2025-06-02\",\"applicant\":{\"type\":"
                            + "\"NATURAL_PERSON\",\"name\":\"" + d[2] + "\"},\"subject\":\"年度预算\"}",
                    "{\"command\":\"ReplyToRequest\",\"requestId\":\"" + d[0] + ":2025-001\",\"repliedOn\":"
                            + "\"2025-06-16\",\"primaryOutcome\":\"DISCLOSED\"}"));
            assertThat(imported.json().get("rejected").asInt()).as(imported.body()).isZero();
            ledger.awaitServedEqualsFold(d[0], 2025);
        }
        assertThat(http.post("/api/reports/demo-bureau-a/2025/publication", "application/json", "").status()).isEqualTo(201);
        String rollupPath = "/api/reports/" + AGENCY + "/2025/rollup";
        JsonNode rollup = RunningLedger.await(() -> {
            try {
                return JSON.readTree(get(rollupPath).body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, r -> r.path("notPublished").size() == 1, Duration.ofSeconds(30));
        assertThat(rollup.path("agencies").findValuesAsText("agencyId"))
                .containsExactly(AGENCY, "demo-bureau-a", "demo-bureau-b");

        browser.manage().window().setSize(new Dimension(1280, 800));
        open("/report.html?agency=" + AGENCY + "&year=2025&scope=SELF_AND_SUBORDINATES");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rollup-agencies")));
        for (WebElement cell : browser.findElements(By.cssSelector("table.official td.v"))) {
            String[] address = cell.getDomAttribute("data-cell").split("/", 3);
            JsonNode tables = rollup.path("report");
            JsonNode expected = address[0].equals("table4") ? tables.path("table4").path(address[1])
                    : tables.path(address[0]).path(address[1]).path(address[2]);
            assertThat(cell.getText()).as(cell.getDomAttribute("data-cell")).isEqualTo(expected.asText());
        }
        assertThat(browser.findElement(By.cssSelector("h1.report-title")).getText())
                .isEqualTo("示范局（本级及下级机关汇总）2025年政府信息公开工作年度报告");
        assertThat(browser.findElements(By.cssSelector("#rollup-agencies tbody tr"))).hasSize(3);
        assertThat(browser.findElement(By.id("rollup-unpublished")).getText())
                .contains("未发布（1 个）：示范局乙处").doesNotContain("甲处");
        assertThat(browser.findElement(By.cssSelector("#rollup-agencies tr[data-agency='demo-bureau-a']")).getText())
                .contains("已发布");
        assertThat(browser.findElement(By.cssSelector("#rollup-agencies tr[data-agency='" + AGENCY + "']")).getText())
                .as("the bureau published and revised its year on the year-end page").contains("已发布（第 2 版）");
        assertThat(browser.findElement(By.id("rollup-checks")).getText()).contains("通过全部勾稽关系校验");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rollup-trend-table tr[data-year='2025']")));
        assertThat(browser.findElement(By.cssSelector("#rollup-trend-table tr[data-year='2025'] td.num")).getText())
                .startsWith(rollup.path("totals").path("received").asText());
        assertThat(browser.findElement(By.id("cell-title")).isDisplayed()).as("a roll-up has no cell drill-down").isFalse();
        shot("15-report-rollup");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('rollup-agencies-title').scrollIntoView()");
        shot("16-report-rollup-agencies");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("dl-rollup-xlsx")))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
        }
    }

    /**
     * The year-end page: publish the year, a later correction makes a pending revision with its cell and case,
     * published with the keyboard; the report as known at a date-time, a quarter's figures, the narrative draft.
     */
    private static void yearEnd() throws Exception {
        open("/year-end.html?agency=" + AGENCY + "&year=2025");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("version-list")));
        assertThat(browser.findElement(By.id("y-summary")).getText()).isEqualTo("尚未发布");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("年终");
        click(By.id("publish-first"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-revision")));
        assertThat(browser.findElement(By.id("version-list")).getText()).contains("第 1 版", USER);
        shot("11-year-end-published");

        // A late correction of the applicant's type, recorded after the publication.
        boolean naturalPerson = JSON.readTree(get("/api/reports/" + AGENCY + "/2025").body())
                .path("table3").path("一").path("自然人").asInt() == 1;
        String corrected = naturalPerson ? "COMMERCIAL_ENTERPRISE" : "NATURAL_PERSON";
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "Ledger.api('POST', '/api/requests/" + REQUEST + "/amendments/applicant-type', {correctedType: '"
                + corrected + "', reason: '登记时选错申请人类型'}).then(x => done(x.status));");
        assertThat(status).isIn(200L, 201L);
        open("/year-end.html?agency=" + AGENCY + "&year=2025");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revision-cells")));
        List<WebElement> changed = browser.findElements(By.cssSelector("#revision-cells tbody tr"));
        assertThat(changed).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains(REQUEST, "更正申请人类型"));
        assertThat(browser.findElement(By.id("revision-cells")).getText()).contains("计入", "移出");
        shot("12-year-end-pending-revision");
        // Keyboard: Tab to 发布修订版, Enter.
        browser.findElement(By.id("known-at")).click();
        for (int i = 0; i < 40 && !"publish-revision".equals(browser.switchTo().activeElement().getDomAttribute("id")); i++) {
            keys(Keys.SHIFT, Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("发布修订版（第 2 版）");
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-revision")));
        assertThat(browser.findElement(By.id("y-summary")).getText()).contains("第 2 版");
        assertThat(browser.findElement(By.id("version-list")).getText()).contains("第 2 版");

        // The report as known at the first publication's time: the published figures, and the change since.
        JsonNode versions = JSON.readTree(get("/api/reports/" + AGENCY + "/2025/versions").body());
        String first = versions.path("published").path(0).path("publishedAt").asText();
        String local = java.time.Instant.parse(first).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        setDate(browser.findElement(By.id("known-at")), local);
        browser.findElement(By.cssSelector("#known button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("known-changes")));
        assertThat(browser.findElement(By.id("known-figures")).getText()).contains("新收 1");
        assertThat(browser.findElement(By.id("known-changes")).getText()).contains(REQUEST);
        // The fourth quarter's figures, and the narrative drafted from the counts.
        new Select(browser.findElement(By.id("p-quarter"))).selectByValue("1");
        browser.findElement(By.cssSelector("#period button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("period-figures")));
        assertThat(browser.findElement(By.id("period-figures")).getText()).contains("第一季度", "本期新收 1");
        assertThat(browser.findElements(By.cssSelector("#narrative-sections textarea"))).hasSize(6);
        assertThat(browser.findElement(By.id("narrative-sections")).getText()).contains("本机关新收政府信息公开申请1件");
        assertThat(browser.findElement(By.id("carry-none")).getText()).contains("2024 年度报告未在本台账发布");
        shot("13-year-end-revised");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('known-title').scrollIntoView()");
        shot("14-year-end-known-and-period");
    }

    interface FormFill {
        void fill(WebElement form) throws Exception;
    }

    /** Opens the request on a business date, runs one step through its form, waits for the status. */
    private static void step(String asOf, String id, FormFill fill, String status) throws Exception {
        open("/request.html?id=" + REQUEST + "&asOf=" + asOf);
        click(By.id("step-" + id));
        WebElement form = browser.findElement(By.id("form-" + id));
        fill.fill(form);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notice .ok")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), status));
    }

    private static void open(String path) {
        browser.get(base + path);
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.top")));
    }

    private static void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void keys(CharSequence... keys) {
        browser.switchTo().activeElement().sendKeys(keys);
    }

    private static void tabUntil(String name) {
        for (int i = 0; i < 6 && !name.equals(browser.switchTo().activeElement().getDomAttribute("name")); i++) {
            keys(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement().getDomAttribute("name")).isEqualTo(name);
    }

    /** Sets a date input as a date picker would (its typed format depends on the browser's locale). */
    private static void setDate(WebElement input, String isoDate) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                input, isoDate);
    }

    private static String token;

    /** A bearer token of the test's officer, for reading the API beside the browser. */
    private static String bearer() throws Exception {
        if (token == null) {
            HttpResponse<String> issued = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/auth/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            token = JSON.readTree(issued.body()).path("token").asText();
        }
        return "Bearer " + token;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", bearer()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String uncheckedGet(String path) {
        try {
            return get(path).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> accept(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", bearer()).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] download(String linkId) throws Exception {
        return fetch(browser.findElement(By.id(linkId)).getDomAttribute("href"));
    }

    private static byte[] fetch(String href) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base).resolve(href)).header("Authorization", bearer()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(href).isEqualTo(200);
        return response.body();
    }

    private static void shot(String name) throws IOException {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

package cn.gongkai.ledger.report.cli;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.report.checker.ReportChecker;
import cn.gongkai.ledger.report.diff.CellChange;
import cn.gongkai.ledger.report.diff.ReportDiff;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.AppealPolicy;
import cn.gongkai.ledger.report.fold.IncompleteHistoryException;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportFormat;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.EventJson;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.report.narrative.NarrativeChecker;
import cn.gongkai.ledger.report.parser.PublishedReportParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line (no framework):
 * <pre>
 * check FILE [--last-year FILE]      a published report's text or canonical JSON: prints it as canonical JSON
 *                                    with the broken rules in "checks" (for a text, also each number its
 *                                    narrative states that contradicts its tables)
 * fold FILE.jsonl --agency ID --year Y --format 2021|2019 [--appeal-policy OPEN_IN_YEAR|FILED_IN_YEAR]
 *                 [--as-of 2025-01-20T09:00:00+08:00]
 *                                    folds JSON Lines events into the report and prints it
 * diff OLD FILE NEW FILE             the cells that differ between two versions of a report (text or JSON)
 * </pre>
 * Exit code 0 when no rule is broken (diff: no cell differs), 1 when the checker found problems (diff: cells
 * differ), 2 for unreadable input or bad arguments, with a message on standard error.
 */
public final class ReportCli {
    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int UNREADABLE = 2;

    private static final String USAGE = """
            usage: ledger-report check FILE [--last-year FILE]
                   ledger-report fold FILE.jsonl --agency ID --year Y --format 2021|2019 \
            [--appeal-policy OPEN_IN_YEAR|FILED_IN_YEAR] [--as-of ISO-DATE-TIME]
                   ledger-report diff OLD NEW""";

    private ReportCli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run(args, out, err);
        } catch (RuntimeException | Error e) {
            // 1 means "the checker found problems": a command that could not run says 2, whatever went wrong
            err.println("ledger-report: cannot run: " + e);
            code = UNREADABLE;
        }
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command");
            }
            Arguments arguments = Arguments.parse(args);
            return switch (args[0]) {
                case "check" -> check(arguments, out);
                case "fold" -> fold(arguments, out);
                case "diff" -> diff(arguments, out);
                default -> throw new UsageException("unknown command: " + args[0]);
            };
        } catch (UsageException e) {
            err.println("ledger-report: " + e.getMessage());
            err.println(USAGE);
            return UNREADABLE;
        } catch (IncompleteHistoryException e) {
            err.println("ledger-report: cannot fold, " + e.getMessage()
                    + " — export these aggregates' whole histories and try again");
            return UNREADABLE;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("ledger-report: unreadable input: " + e.getMessage());
            return UNREADABLE;
        }
    }

    private static int check(Arguments arguments, PrintStream out) {
        String text = read(arguments.file(0));
        AnnualReport report = readReportText(text);
        String lastYearFile = arguments.option("--last-year", null);
        AnnualReport lastYear = lastYearFile == null ? null : readReport(lastYearFile);
        AnnualReport checked = ReportChecker.checked(report, lastYear);
        if (!isJson(text)) {
            List<AnnualReport.Check> checks = new ArrayList<>(checked.checks());
            checks.addAll(NarrativeChecker.check(text, report));
            checked = checked.withChecks(checks);
        }
        out.println(ReportJson.write(checked));
        return checked.checks().isEmpty() ? OK : PROBLEMS;
    }

    private static int fold(Arguments arguments, PrintStream out) {
        List<EventEnvelope> events = EventJson.readLines(new BufferedReader(new StringReader(read(arguments.file(0)))));
        ReportRequest request = new ReportRequest(new AgencyId(arguments.required("--agency")),
                integer(arguments.required("--year"), "--year"), ReportFormat.fromCode(arguments.required("--format")),
                appealPolicy(arguments.option("--appeal-policy", null)),
                asOf(arguments.option("--as-of", null)));
        AnnualReport checked = ReportChecker.checked(ReportFold.fold(events, request), null);
        out.println(ReportJson.write(checked));
        return checked.checks().isEmpty() ? OK : PROBLEMS;
    }

    /** The policy named by {@code --appeal-policy}; without it, the agency's setting for the year (null). */
    private static AppealPolicy appealPolicy(String name) {
        return name == null ? null : AppealPolicy.valueOf(name);
    }

    private static int diff(Arguments arguments, PrintStream out) {
        List<CellChange> changes = ReportDiff.diff(readReport(arguments.file(0)), readReport(arguments.file(1)));
        out.println(ReportJson.writeChanges(changes));
        return changes.isEmpty() ? OK : PROBLEMS;
    }

    /** A report from canonical JSON (text starting with {@code {}) or from a published report's text. */
    private static AnnualReport readReport(String file) {
        return readReportText(read(file));
    }

    private static AnnualReport readReportText(String text) {
        return isJson(text) ? ReportJson.read(text) : PublishedReportParser.parse(text);
    }

    private static boolean isJson(String text) {
        return text.stripLeading().startsWith("{");
    }

    private static String read(String file) {
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e, e);
        }
    }

    private static int integer(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number: " + text);
        }
    }

    private static OffsetDateTime asOf(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of must be an ISO date-time with offset: " + text);
        }
    }

    /** Positional files and {@code --name value} options after the command. */
    private record Arguments(List<String> files, Map<String, String> options) {
        static Arguments parse(String[] args) {
            List<String> files = new ArrayList<>();
            Map<String, String> options = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(args[i] + " needs a value");
                    }
                    options.put(args[i], args[++i]);
                } else {
                    files.add(args[i]);
                }
            }
            return new Arguments(files, options);
        }

        String file(int index) {
            if (index >= files.size()) {
                throw new UsageException("missing FILE");
            }
            return files.get(index);
        }

        String required(String option) {
            String value = options.get(option);
            if (value == null) {
                throw new UsageException("missing " + option);
            }
            return value;
        }

        String option(String option, String otherwise) {
            return options.getOrDefault(option, otherwise);
        }
    }

    private static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}

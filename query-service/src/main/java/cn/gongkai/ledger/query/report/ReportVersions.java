package cn.gongkai.ledger.query.report;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.publication.PublicationEvent.AnnualReportPublished;
import cn.gongkai.ledger.problem.LedgerProblemException;
import cn.gongkai.ledger.readmodel.query.RecordedEvents;
import cn.gongkai.ledger.report.checker.CarryOver;
import cn.gongkai.ledger.report.diff.CellChange;
import cn.gongkai.ledger.report.diff.ReportDiff;
import cn.gongkai.ledger.report.diff.ReportVersion;
import cn.gongkai.ledger.report.diff.RevisionDiff;
import cn.gongkai.ledger.report.fold.AnnualReport;
import cn.gongkai.ledger.report.fold.ReportFold;
import cn.gongkai.ledger.report.fold.ReportRequest;
import cn.gongkai.ledger.report.json.ReportJson;
import cn.gongkai.ledger.workbench.vocabulary.Vocabulary;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The versions of an agency-year's report, every one folded from the agency's events as the event store holds them
 * ({@link RecordedEvents}): the report as the ledger knew it at any instant (the events recorded up to it — their
 * {@code recorded.at}, never their business dates), each published version ({@code AnnualReportPublished}: officer,
 * time, watermark, format, policy) with the report as known at its watermark, the report as corrected today, the
 * pending revision of a published year (the published version against today's, each changed cell with the cases
 * that entered or left it and the events that moved them) and the difference of any two versions.
 */
@Service
public class ReportVersions {
    /** The version spelled {@code current}: the report as corrected today. */
    static final String CURRENT = "current";

    private final RecordedEvents recorded;
    private final ReportQueryService reports;
    private final Clock clock;

    public ReportVersions(RecordedEvents recorded, ReportQueryService reports) {
        this.recorded = recorded;
        this.reports = reports;
        this.clock = Clock.systemUTC();
    }

    // ---- the answers ----

    /** A published version: the publication event's facts, the tables as published and as known at the watermark. */
    public record PublishedVersion(int revision, Instant publishedAt, String publishedBy, Instant watermark,
                                   int eventCount, String format, String appealPolicy, String tablesSha256,
                                   boolean reproducible, List<CellChange> changesFromPrevious, JsonNode published,
                                   JsonNode knownAtWatermark) {
    }

    /** A case that entered or left a changed cell, the event that counted it there, and the events that moved it. */
    public record MovedCase(String caseId, String direction, long countedBySequence, String countedBy,
                            String countedByLabel, List<MovingEvent> movedBy) {
    }

    public record MovingEvent(long sequence, String type, String label, Instant recordedAt, String recordedBy) {
    }

    /** One changed cell: the value in the earlier version, in the later, and the cases that moved. */
    public record ChangedCell(String cell, BigDecimal before, BigDecimal after, List<MovedCase> cases) {
    }

    /** A version as a diff names it: {@code current}, a revision number, or an instant (known at). */
    public record VersionRef(String version, String label, Instant knownAt, String format, String appealPolicy) {
    }

    /** The difference of two versions. */
    public record VersionDiff(String agencyId, int year, VersionRef from, VersionRef to, List<ChangedCell> changes) {
    }

    /**
     * The pending revision of a published year: the latest published version against today's report.
     *
     * @param pending whether events recorded after the publication changed any cell
     */
    public record PendingRevision(String agencyId, int year, boolean pending, int publishedRevision,
                                  Instant publishedAt, String publishedBy, Instant watermark, String format,
                                  String appealPolicy, OffsetDateTime currentAsOf, List<ChangedCell> changes) {
    }

    /** 二 = last year's 四 for the current report: against last year's latest publication (null when none). */
    public record CarryOverView(Integer lastYearRevision, Instant lastYearPublishedAt,
                                List<CarryOver.Difference> differences, List<AnnualReport.Check> checks) {
    }

    /** Every version of the agency-year. */
    public record Versions(String agencyId, int year, JsonNode current, List<PublishedVersion> published,
                           PendingRevision pendingRevision, CarryOverView carryOver) {
    }

    // ---- the reads ----

    /**
     * The report as the ledger knew it at {@code knownAt}: the fold of the agency's events recorded up to then,
     * with 二 checked against last year's publication as known then.
     */
    public AnnualReport knownAt(ReportRequest shape, Instant knownAt) {
        List<EventEnvelope> events = eventsOf(shape.agencyId());
        ReportRequest request = at(shape, knownAt);
        AnnualReport report = ReportFold.fold(events, request);
        Optional<LastPublication> lastYear = latest(events, shape.year() - 1, knownAt);
        return lastYear.map(last -> CarryOverChecks.withChecks(report,
                CarryOverChecks.differences(events, request, last), last)).orElse(report);
    }

    public Versions versions(ReportRequest shape) {
        List<EventEnvelope> events = eventsOf(shape.agencyId());
        List<LastPublication> publications = publications(events, shape.year(), null);
        ReportRequest today = publications.isEmpty() ? shape : publications.get(publications.size() - 1).today();
        AnnualReport current = ReportFold.fold(events, today);
        List<PublishedVersion> published = new ArrayList<>();
        AnnualReport previous = null;
        for (LastPublication p : publications) {
            AnnualReport tables = p.tables();
            AnnualReport known = ReportFold.fold(events, p.atWatermark());
            published.add(new PublishedVersion(p.revision(), p.publishedAt(), p.publishedBy(), p.watermark(),
                    p.eventCount(), p.format(), p.appealPolicy(), p.tablesSha256(), ReportDiff.diff(tables, known).isEmpty(),
                    previous == null ? List.of() : ReportDiff.diff(previous, tables), ReportJson.readTree(p.json()),
                    ReportJson.readTree(ReportJson.write(known))));
            previous = tables;
        }
        PendingRevision pending = publications.isEmpty() ? null
                : pending(events, publications.get(publications.size() - 1));
        Optional<LastPublication> lastYear = latest(events, shape.year() - 1, null);
        CarryOverView carryOver = lastYear.map(last -> {
            List<CarryOver.Difference> differences = CarryOverChecks.differences(events, today, last);
            return new CarryOverView(last.revision(), last.publishedAt(), differences,
                    CarryOver.checks(differences, last.name()));
        }).orElse(new CarryOverView(null, null, List.of(), List.of()));
        return new Versions(shape.agencyId().value(), shape.year(), ReportJson.readTree(ReportJson.write(current)),
                published, pending, carryOver);
    }

    /** @throws LedgerProblemException 404 {@code REPORT_NOT_PUBLISHED} when the year has no publication */
    public PendingRevision revision(AgencyId agency, int year) {
        List<EventEnvelope> events = eventsOf(agency);
        LastPublication last = latest(events, year, null).orElseThrow(() -> notPublished(agency, year));
        return pending(events, last);
    }

    /**
     * The difference between two versions, each {@code current}, a revision number or an instant (the report as
     * known then); a published version in its own format and policy, the others in {@code shape}'s (or, when the
     * other side is published, in that one's).
     */
    public VersionDiff diff(ReportRequest shape, String from, String to) {
        List<EventEnvelope> events = eventsOf(shape.agencyId());
        List<LastPublication> publications = publications(events, shape.year(), null);
        Optional<LastPublication> fromPublication = publication(publications, from, shape);
        Optional<LastPublication> toPublication = publication(publications, to, shape);
        ReportRequest otherShape = toPublication.or(() -> fromPublication).map(LastPublication::today).orElse(shape);
        Side a = side(events, from, fromPublication, otherShape);
        Side b = side(events, to, toPublication, otherShape);
        return new VersionDiff(shape.agencyId().value(), shape.year(), a.ref(), b.ref(),
                changes(RevisionDiff.between(a.version(), b.version(), events)));
    }

    // ---- parsing ----

    /**
     * An instant as the reads take it: an ISO-8601 date-time with an offset ({@code 2025-01-15T10:00:00+08:00},
     * {@code …Z}) or without one (then in Asia/Shanghai, as the pages' date-time field gives it); not after now.
     *
     * @throws LedgerProblemException 400 {@code INVALID_KNOWN_AT}
     */
    public Instant instant(String parameter, String text) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                instant = LocalDateTime.parse(text).atZone(Recorded.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw LedgerProblemException.badRequest("INVALID_KNOWN_AT", parameter + " 须为 ISO-8601 日期时间（如 "
                        + "2025-01-15T10:00:00+08:00）：" + text, parameter + " must be an ISO-8601 date-time (e.g. "
                        + "2025-01-15T10:00:00+08:00): " + text);
            }
        }
        if (instant.isAfter(clock.instant())) {
            throw LedgerProblemException.badRequest("INVALID_KNOWN_AT", parameter + " 晚于当前时间：台账尚不知道将来记录的事件："
                    + text, parameter + " is in the future: the ledger does not know events not yet recorded: " + text);
        }
        return instant;
    }

    // ---- internals ----

    private record Side(VersionRef ref, ReportVersion version) {
    }

    private Side side(List<EventEnvelope> events, String spec, Optional<LastPublication> publication, ReportRequest shape) {
        if (publication.isPresent()) {
            LastPublication p = publication.get();
            return new Side(new VersionRef(String.valueOf(p.revision()), "第" + p.revision() + "版（已发布）", p.watermark(),
                    p.format(), p.appealPolicy()), ReportVersion.published(p.tables(), events, p.atWatermark()));
        }
        if (CURRENT.equals(spec)) {
            return new Side(new VersionRef(CURRENT, "当前", null, shape.format().code(), shape.appealPolicy().name()),
                    ReportVersion.known(events, shape));
        }
        Instant knownAt = instant("from/to", spec);
        return new Side(new VersionRef(spec, "截至 " + knownAt.atZone(Recorded.ZONE).toLocalDateTime() + " 所知", knownAt,
                shape.format().code(), shape.appealPolicy().name()), ReportVersion.known(events, at(shape, knownAt)));
    }

    private static Optional<LastPublication> publication(List<LastPublication> publications, String spec,
                                                         ReportRequest shape) {
        if (spec == null || spec.isBlank()) {
            throw LedgerProblemException.badRequest("MISSING_FIELD", "from 与 to 为必填项（current、版本号或日期时间）",
                    "from and to are required (current, a revision number or a date-time)");
        }
        if (!spec.chars().allMatch(Character::isDigit) || spec.length() > 4) {
            return Optional.empty();
        }
        int revision = Integer.parseInt(spec);
        return Optional.of(publications.stream().filter(p -> p.revision() == revision).findFirst().orElseThrow(() ->
                LedgerProblemException.notFound("REVISION_NOT_FOUND", shape.agencyId() + " 的 " + shape.year()
                        + " 年度报告没有第 " + revision + " 版", "The " + shape.year() + " report of " + shape.agencyId()
                        + " has no revision " + revision)));
    }

    private PendingRevision pending(List<EventEnvelope> events, LastPublication last) {
        ReportVersion published = ReportVersion.published(last.tables(), events, last.atWatermark());
        ReportVersion today = ReportVersion.known(events, last.today());
        List<ChangedCell> changes = changes(RevisionDiff.between(published, today, events));
        return new PendingRevision(last.agencyId().value(), last.year(), !changes.isEmpty(), last.revision(),
                last.publishedAt(), last.publishedBy(), last.watermark(), last.format(), last.appealPolicy(),
                today.tables().asOf(), changes);
    }

    private static List<ChangedCell> changes(List<RevisionDiff.CellRevision> revisions) {
        return revisions.stream().map(r -> new ChangedCell(r.cell(), r.before(), r.after(), r.cases().stream()
                .map(c -> new MovedCase(c.caseId(), c.direction().name(), c.countedBy().sequence(),
                        c.countedBy().eventType(), Vocabulary.eventLabel(c.countedBy().eventType()),
                        c.movedBy().stream().map(e -> new MovingEvent(e.sequence(), e.type(), Vocabulary.eventLabel(e.type()),
                                e.payload().recorded().at(), e.payload().recorded().by())).toList()))
                .toList())).toList();
    }

    /** The year's publications recorded up to {@code knownAt} (null: all), by revision. */
    private static List<LastPublication> publications(List<EventEnvelope> events, int year, Instant knownAt) {
        return events.stream().map(EventEnvelope::payload).filter(AnnualReportPublished.class::isInstance)
                .map(AnnualReportPublished.class::cast)
                .filter(p -> p.publicationId().year() == year)
                .filter(p -> knownAt == null || !p.recorded().at().isAfter(knownAt))
                .sorted(Comparator.comparingInt(AnnualReportPublished::revision)).map(LastPublication::of).toList();
    }

    private static Optional<LastPublication> latest(List<EventEnvelope> events, int year, Instant knownAt) {
        List<LastPublication> all = publications(events, year, knownAt);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private List<EventEnvelope> eventsOf(AgencyId agency) {
        reports.requireKnown(agency);
        return recorded.ofAgency(agency);
    }

    private static ReportRequest at(ReportRequest shape, Instant knownAt) {
        return new ReportRequest(shape.agencyId(), shape.year(), shape.format(), shape.appealPolicy(),
                knownAt.atZone(Recorded.ZONE).toOffsetDateTime());
    }

    private static LedgerProblemException notPublished(AgencyId agency, int year) {
        return LedgerProblemException.notFound("REPORT_NOT_PUBLISHED", agency + " 的 " + year + " 年度报告尚未发布",
                "The " + year + " report of " + agency + " has not been published");
    }
}

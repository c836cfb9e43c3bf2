package cn.gongkai.ledger.query.deadline;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.clock.worklist.AgencyWorklist;
import cn.gongkai.ledger.report.projection.casefile.CaseStatus;
import cn.gongkai.ledger.report.projection.casefile.CaseType;
import cn.gongkai.ledger.report.projection.projector.ReportMaterializer;
import cn.gongkai.ledger.report.projection.store.ProjectedEventRepository;
import cn.gongkai.ledger.report.projection.store.ReadModelDatabase;
import cn.gongkai.ledger.report.projection.web.LedgerProblemException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The event histories of disclosure requests as the read model counts them: each request's events up to the
 * last one its case summary folded ({@code lastSequence}), so a request held back by a gap shows what is
 * counted, exactly as in its summary and the reports. Which requests: found in {@code case_summaries} by the
 * summary's top-level fields.
 */
@Component
public class RequestHistories {
    private final MongoCollection<Document> summaries;
    private final ProjectedEventRepository events;
    private final ReportMaterializer readModel;

    public RequestHistories(ReadModelDatabase database, ProjectedEventRepository events, ReportMaterializer readModel) {
        this.summaries = database.collection(ReadModelDatabase.CASES);
        this.events = events;
        this.readModel = readModel;
    }

    /** Refuses an agency the read model has no record of (as the report queries do). */
    public void requireKnown(AgencyId agency) {
        if (!readModel.knows(agency)) {
            throw LedgerProblemException.notFound("AGENCY_NOT_FOUND", "未找到行政机关 " + agency + " 的任何记录",
                    "No records of agency " + agency);
        }
    }

    /** The counted history of one request, if the read model has the request. */
    public Optional<List<DisclosureRequestEvent>> ofRequest(RequestId requestId) {
        return histories(Filters.and(Filters.eq("_id", requestId.value()), isRequest())).stream().findFirst();
    }

    /**
     * The histories of the agency's requests that may have been open on {@code asOf}: received (as corrected) by then
     * and not concluded, or concluded after it. The caller reads each as of that day ({@code HistoryAsOf}).
     */
    public List<List<DisclosureRequestEvent>> openOn(AgencyId agency, String officer, LocalDate asOf) {
        List<Bson> filters = new ArrayList<>(List.of(isRequest(), Filters.eq("agencyId", agency.value()),
                Filters.lte("openedOn", asOf.toString()),
                Filters.or(Filters.ne("status", CaseStatus.CONCLUDED.name()), Filters.gt("concludedOn", asOf.toString()))));
        officerFilter(officer).ifPresent(filters::add);
        return histories(Filters.and(filters));
    }

    private static Optional<Bson> officerFilter(String officer) {
        if (AgencyWorklist.NO_OFFICER.equals(officer)) {
            return Optional.of(Filters.or(Filters.eq("handlingOfficer", null), Filters.eq("handlingOfficer", "")));
        }
        return officer == null ? Optional.empty() : Optional.of(Filters.eq("handlingOfficer", officer));
    }

    /** The histories of the agency's requests received (as corrected) in {@code month}, whatever became of them. */
    public List<List<DisclosureRequestEvent>> receivedIn(AgencyId agency, YearMonth month) {
        return histories(Filters.and(isRequest(), Filters.eq("agencyId", agency.value()),
                Filters.gte("openedOn", month.atDay(1).toString()), Filters.lte("openedOn", month.atEndOfMonth().toString())));
    }

    private static Bson isRequest() {
        return Filters.eq("caseType", CaseType.REQUEST.name());
    }

    private List<List<DisclosureRequestEvent>> histories(Bson filter) {
        Map<String, Long> lastCounted = new LinkedHashMap<>();
        summaries.find(filter).projection(Projections.include("lastSequence")).sort(Sorts.ascending("_id"))
                .forEach(d -> lastCounted.put(d.getString("_id"), ((Number) d.get("lastSequence")).longValue()));
        Map<String, List<DisclosureRequestEvent>> histories = new LinkedHashMap<>();
        lastCounted.keySet().forEach(id -> histories.put(id, new ArrayList<>()));
        for (EventEnvelope event : events.ofAggregates(lastCounted.keySet())) {
            if (event.sequence() <= lastCounted.get(event.aggregateId())
                    && event.payload() instanceof DisclosureRequestEvent requestEvent) {
                histories.get(event.aggregateId()).add(requestEvent);
            }
        }
        return histories.values().stream().filter(h -> !h.isEmpty()).toList();
    }
}

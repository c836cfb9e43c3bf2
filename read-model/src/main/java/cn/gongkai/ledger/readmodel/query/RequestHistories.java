package cn.gongkai.ledger.readmodel.query;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent;
import cn.gongkai.ledger.api.request.RequestId;
import cn.gongkai.ledger.privacy.PersonalDataCipher;
import cn.gongkai.ledger.readmodel.casefile.CaseStatus;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.readmodel.store.ProjectedEventRepository;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
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

/**
 * The event histories of disclosure requests as the read model counts them: each request's events up to the
 * last one its case summary folded ({@code lastSequence}), so a request held back by a gap shows what is
 * counted, exactly as in its summary and the reports. Which requests: found in {@code case_summaries} by the
 * summary's top-level fields.
 */
public final class RequestHistories {
    private final MongoCollection<Document> summaries;
    private final ProjectedEventRepository events;
    private final PersonalDataCipher cipher;

    public RequestHistories(ReadModelDatabase database, ProjectedEventRepository events, PersonalDataCipher cipher) {
        this.summaries = database.collection(ReadModelDatabase.CASES);
        this.events = events;
        this.cipher = cipher;
    }

    /** The counted history of one request, if the read model has the request. */
    public Optional<List<DisclosureRequestEvent>> ofRequest(RequestId requestId) {
        return histories(Filters.and(Filters.eq("_id", requestId.value()), isRequest())).stream().findFirst();
    }

    /** Whose open requests: everyone's, one handling officer's (as last assigned), or those without one. */
    public sealed interface Handler {
        Handler ANYONE = new Anyone();
        Handler NOBODY = new Nobody();

        record Anyone() implements Handler {
        }

        record Nobody() implements Handler {
        }

        record Officer(String name) implements Handler {
        }
    }

    /**
     * The histories of the agency's requests that may have been open on {@code asOf}, of the given handler: received
     * (as corrected) by then and not concluded, or concluded after it. The caller reads each as of that day
     * ({@code HistoryAsOf}).
     */
    public List<List<DisclosureRequestEvent>> openOn(AgencyId agency, Handler handler, LocalDate asOf) {
        List<Bson> filters = new ArrayList<>(List.of(isRequest(), Filters.eq("agencyId", agency.value()),
                Filters.lte("openedOn", asOf.toString()),
                Filters.or(Filters.ne("status", CaseStatus.CONCLUDED.name()), Filters.gt("concludedOn", asOf.toString()))));
        if (handler instanceof Handler.Nobody) {
            filters.add(Filters.or(Filters.eq("handlingOfficer", null), Filters.eq("handlingOfficer", "")));
        } else if (handler instanceof Handler.Officer officer) {
            filters.add(Filters.eq("handlingOfficer", officer.name()));
        }
        return histories(Filters.and(filters));
    }

    /**
     * The histories of the agency's requests received (as corrected) in {@code month}, whatever became of them, with
     * the applicants' data opened (the per-applicant fee counts them by ID number or name; an erased applicant is
     * counted alone, as 已删除).
     */
    public List<List<DisclosureRequestEvent>> receivedIn(AgencyId agency, YearMonth month) {
        return histories(Filters.and(isRequest(), Filters.eq("agencyId", agency.value()),
                Filters.gte("openedOn", month.atDay(1).toString()), Filters.lte("openedOn", month.atEndOfMonth().toString())))
                .stream().map(history -> history.stream()
                        .map(e -> e instanceof DisclosureRequestEvent.RequestReceived r ? cipher.open(r) : e).toList())
                .toList();
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

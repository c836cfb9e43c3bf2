package cn.gongkai.ledger.readmodel.query;

import cn.gongkai.ledger.privacy.PersonalDataCipher;
import cn.gongkai.ledger.readmodel.casefile.CaseStatus;
import cn.gongkai.ledger.readmodel.casefile.CaseSummary;
import cn.gongkai.ledger.readmodel.casefile.CaseType;
import cn.gongkai.ledger.readmodel.store.ReadModelDatabase;
import cn.gongkai.ledger.readmodel.store.ReadModelJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code case_summaries}, read only: one {@link CaseSummary} per request, reconsideration or lawsuit, as the
 * projector last folded it. The document's field names stay inside the read model. Personal data is stored sealed
 * and opened here, on the way out: the clear value, or 已删除 for an erased case; masking is the caller's.
 */
public final class CaseSummaries {
    private final MongoCollection<Document> cases;
    private final PersonalDataCipher cipher;

    public CaseSummaries(ReadModelDatabase database, PersonalDataCipher cipher) {
        this.cases = database.collection(ReadModelDatabase.CASES);
        this.cipher = cipher;
    }

    /** A page of summaries (without timelines) and the number of matching cases. */
    public record Page(List<CaseSummary> items, int page, int size, long total) {
    }

    /** What to list: every criterion but the type may be null (no restriction). */
    public record Criteria(CaseType caseType, String agencyId, CaseStatus status, Integer year) {
    }

    public Optional<CaseSummary> find(CaseType caseType, String id) {
        return Optional.ofNullable(cases.find(Filters.eq("_id", id)).first())
                .map(d -> ReadModelJson.fromDocument(d, CaseSummary.class))
                .filter(c -> c.caseType() == caseType)
                .map(this::opened);
    }

    /** Cases matching {@code criteria}, newest first (by {@code openedOn}, then id), page {@code page} from 0. */
    public Page find(Criteria criteria, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("caseType", criteria.caseType().name()));
        if (criteria.agencyId() != null) {
            filters.add(Filters.eq("agencyId", criteria.agencyId()));
        }
        if (criteria.status() != null) {
            filters.add(Filters.eq("status", criteria.status().name()));
        }
        if (criteria.year() != null) {
            filters.add(Filters.eq("year", criteria.year()));
        }
        Bson filter = Filters.and(filters);
        List<CaseSummary> items = new ArrayList<>();
        cases.find(filter).projection(Projections.exclude("timeline"))
                .sort(Sorts.orderBy(Sorts.descending("openedOn"), Sorts.ascending("_id")))
                .skip(page * size).limit(size)
                .forEach(d -> items.add(ReadModelJson.fromDocument(d, CaseSummary.class)));
        cipher.prefetch(items.stream().map(CaseSummary::id).toList());
        items.replaceAll(this::opened);
        return new Page(items, page, size, cases.countDocuments(filter));
    }

    /** The summary with the party's name and the timeline's personal fields opened (or 已删除). */
    private CaseSummary opened(CaseSummary s) {
        CaseSummary.Party party = s.party() == null ? null
                : new CaseSummary.Party(s.party().type(), cipher.open(s.id(), s.party().name()));
        List<CaseSummary.TimelineEntry> timeline = s.timeline() == null ? null : s.timeline().stream()
                .map(t -> new CaseSummary.TimelineEntry(t.sequence(), t.type(), t.recordedAt(), t.recordedBy(),
                        cipher.open(s.id(), t.payload()))).toList();
        return new CaseSummary(s.id(), s.caseType(), s.agencyId(), s.status(), s.reference(), s.openedOn(), s.year(),
                party, s.subject(), s.channel(), s.handlingOfficer(), s.forum(), s.route(), s.outcome(),
                s.secondaryReasons(), s.decision(), s.concludedOn(), s.linkedRequestId(), s.linkedReconsiderationId(),
                s.lastSequence(), s.lastRecordedAt(), timeline);
    }
}

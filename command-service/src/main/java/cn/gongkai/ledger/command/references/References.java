package cn.gongkai.ledger.command.references;

import cn.gongkai.ledger.api.agency.AgencyCommand.RegisterAgency;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.RuleViolation;
import cn.gongkai.ledger.api.lawsuit.LawsuitCommand.FileLawsuit;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationCommand.FileReconsideration;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationEvent.ReconsiderationFiled;
import cn.gongkai.ledger.api.reconsideration.ReconsiderationId;
import cn.gongkai.ledger.api.request.DisclosureRequestCommand.ReceiveRequest;
import cn.gongkai.ledger.api.request.RequestId;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Referential integrity of the ids a command names in its body (the case a command is for is found, or not, by
 * its aggregate: 404). Every such id must name a recorded case or agency, refused otherwise with 422 before
 * anything is appended: the agency of a new request, reconsideration or lawsuit and a new agency's superior are
 * registered; a linked request exists; a lawsuit's linked reconsideration exists and is the same agency's.
 * Agencies and cases are never removed, so a reference checked once stays valid.
 */
public final class References {
    public static final String AGENCY_NOT_REGISTERED = "AGENCY_NOT_REGISTERED";
    public static final String LINKED_REQUEST_NOT_FOUND = "LINKED_REQUEST_NOT_FOUND";
    public static final String LINKED_RECONSIDERATION_NOT_FOUND = "LINKED_RECONSIDERATION_NOT_FOUND";
    public static final String LINKED_RECONSIDERATION_OF_OTHER_AGENCY = "LINKED_RECONSIDERATION_OF_OTHER_AGENCY";

    /** How many ids found recorded are remembered (an import names its agency for every case). */
    static final int MAX_KNOWN = 100_000;

    private final EventStore events;
    /** Ids found recorded: agencies and cases are never removed, so each is looked up once. */
    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public References(EventStore events) {
        this.events = events;
    }

    /**
     * The ids the command names that {@link #check} looks up in the event store (none for most commands). What a
     * batch of commands appended together must not name among its own cases not yet appended.
     */
    public static java.util.List<String> named(Object command) {
        java.util.List<String> ids = new java.util.ArrayList<>(3);
        if (command instanceof ReceiveRequest receive) {
            ids.add(receive.requestId().agencyId().value());
        } else if (command instanceof RegisterAgency register && register.superiorAgencyId() != null) {
            ids.add(register.superiorAgencyId().value());
        } else if (command instanceof FileReconsideration filing) {
            ids.add(filing.agencyId().value());
            if (filing.linkedRequestId() != null) {
                ids.add(filing.linkedRequestId().value());
            }
        } else if (command instanceof FileLawsuit filing) {
            ids.add(filing.agencyId().value());
            if (filing.linkedRequestId() != null) {
                ids.add(filing.linkedRequestId().value());
            }
            if (filing.linkedReconsiderationId() != null) {
                ids.add(filing.linkedReconsiderationId().value());
            }
        }
        return ids;
    }

    /** Throws a 422 {@link RuleViolation} when the command names an id that is not recorded. */
    public void check(Object command) {
        if (command instanceof ReceiveRequest receive) {
            agency(receive.requestId().agencyId(), "agencyId");
        } else if (command instanceof RegisterAgency register && register.superiorAgencyId() != null) {
            agency(register.superiorAgencyId(), "superiorAgencyId");
        } else if (command instanceof FileReconsideration filing) {
            agency(filing.agencyId(), "agencyId");
            request(filing.linkedRequestId());
        } else if (command instanceof FileLawsuit filing) {
            agency(filing.agencyId(), "agencyId");
            request(filing.linkedRequestId());
            reconsideration(filing.linkedReconsiderationId(), filing.agencyId());
        }
    }

    private void agency(AgencyId agency, String field) {
        if (!exists(agency.value())) {
            throw RuleViolation.unprocessable(AGENCY_NOT_REGISTERED,
                    field + " 所指的机关 " + agency + " 尚未登记，请先登记机关",
                    "The agency " + agency + " named by " + field + " is not registered; register it first");
        }
    }

    private void request(RequestId request) {
        if (request != null && !exists(request.value())) {
            throw RuleViolation.unprocessable(LINKED_REQUEST_NOT_FOUND,
                    "关联的政府信息公开申请 " + request + " 不存在",
                    "The linked disclosure request " + request + " does not exist");
        }
    }

    private void reconsideration(ReconsiderationId reconsideration, AgencyId agency) {
        if (reconsideration == null) {
            return;
        }
        Optional<AgencyId> respondent = firstEvent(reconsideration.value())
                .filter(ReconsiderationFiled.class::isInstance).map(ReconsiderationFiled.class::cast)
                .map(ReconsiderationFiled::agencyId);
        if (respondent.isEmpty()) {
            throw RuleViolation.unprocessable(LINKED_RECONSIDERATION_NOT_FOUND,
                    "关联的行政复议案件 " + reconsideration + " 不存在",
                    "The linked reconsideration " + reconsideration + " does not exist");
        }
        if (!respondent.get().equals(agency)) {
            throw RuleViolation.unprocessable(LINKED_RECONSIDERATION_OF_OTHER_AGENCY,
                    "关联的行政复议案件 " + reconsideration + " 的被申请人是 " + respondent.get() + "，不是 " + agency,
                    "The linked reconsideration " + reconsideration + " is against " + respondent.get() + ", not "
                            + agency);
        }
    }

    private boolean exists(String aggregateId) {
        if (known.contains(aggregateId)) {
            return true;
        }
        boolean exists = events.lastSequenceNumberFor(aggregateId).isPresent();
        if (exists && known.size() < MAX_KNOWN) {
            known.add(aggregateId);
        }
        return exists;
    }

    private Optional<Object> firstEvent(String aggregateId) {
        DomainEventStream stream = events.readEvents(aggregateId);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return Optional.ofNullable(first.getPayload());
    }
}

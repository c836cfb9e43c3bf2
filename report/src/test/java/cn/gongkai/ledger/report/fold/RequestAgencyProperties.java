package cn.gongkai.ledger.report.fold;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.api.common.Recorded;
import cn.gongkai.ledger.api.request.DisclosureRequestEvent.OfficerAssigned;
import cn.gongkai.ledger.api.request.RequestId;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fold reads a request's agency from its id's prefix instead of building the id's {@link AgencyId}: it must
 * decide exactly as {@code requestId.agencyId().equals(agency)} does, whitespace around the colon included.
 */
class RequestAgencyProperties {
    @Property(tries = 1000)
    void a_request_belongs_to_the_agency_its_id_names(@ForAll("parts") String agencyPart, @ForAll("parts") String agency,
                                                      @ForAll("parts") String tracking) {
        RequestId id;
        AgencyId asked;
        try {
            id = new RequestId(agencyPart + ":" + tracking);
            asked = new AgencyId(agency);
            id.agencyId();
        } catch (IllegalArgumentException invalid) {
            Assume.that(false);
            return;
        }
        Instant at = Instant.parse("2024-03-01T02:00:00Z");
        List<EventEnvelope> events = List.of(EventEnvelope.of(0, new OfficerAssigned(id, "officer", new Recorded("test", at))));

        assertThat(AgencyCases.belongsTo(events, asked)).isEqualTo(id.agencyId().equals(asked));
    }

    /** Short strings over a few letters, a hyphen, and whitespace that strip() removes (or not: U+00A0). */
    @Provide
    Arbitrary<String> parts() {
        return Arbitraries.strings().withChars('a', 'b', '-', ' ', '\t', '\u2003', '\u00a0').ofMinLength(1).ofMaxLength(4);
    }
}

package cn.gongkai.ledger.report.projection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.api.agency.AgencyEvent.AgencyRegistered;
import cn.gongkai.ledger.api.common.AgencyId;
import cn.gongkai.ledger.api.common.EventEnvelope;
import cn.gongkai.ledger.readmodel.query.AgencyHierarchy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agency hierarchy the projector keeps from the registrations: whatever their order, however often. */
class AgencyHierarchyProjectionTest {
    private TestProjection projection;
    private AgencyHierarchy hierarchy;

    @BeforeEach
    void freshDatabase() {
        projection = new TestProjection(TestMongo.freshInMemoryDatabase());
        hierarchy = new AgencyHierarchy(projection.agencyTree);
    }

    private static EventEnvelope registered(String agency, String name, String superior) {
        return EventEnvelope.of(0, new AgencyRegistered(new AgencyId(agency), name,
                superior == null ? null : new AgencyId(superior), TestEvents.on("2024-01-02")));
    }

    private static final List<EventEnvelope> REGISTRATIONS = List.of(
            registered("tj-city", "天津市人民政府", null),
            registered("ninghe", "宁河区人民政府", "tj-city"),
            registered("ninghe-commerce", "宁河区商务局", "ninghe"),
            registered("ninghe-education", "宁河区教育局", "ninghe"),
            registered("bazhou", "霸州市人民政府", null),
            registered("wuqing", "武清区人民政府", "tj-city"));

    @Test
    void everyAgencyBelowIsFoundInTreeOrderWhateverOrderTheRegistrationsCameIn() {
        List<EventEnvelope> shuffled = new ArrayList<>(REGISTRATIONS);
        shuffled.addAll(REGISTRATIONS);
        Collections.shuffle(shuffled, new Random(13));
        for (EventEnvelope event : shuffled) {
            projection.projector.project(List.of(event));
        }

        assertThat(hierarchy.withDescendants("tj-city")).extracting(p -> p.node().agencyId() + "@" + p.depth())
                .containsExactly("tj-city@0", "ninghe@1", "ninghe-commerce@2", "ninghe-education@2", "wuqing@1");
        assertThat(hierarchy.withDescendants("ninghe")).extracting(p -> p.node().name())
                .containsExactly("宁河区人民政府", "宁河区商务局", "宁河区教育局");
        assertThat(hierarchy.withDescendants("ninghe-commerce")).hasSize(1);
        assertThat(hierarchy.find("ninghe").orElseThrow().superiorAgencyId()).isEqualTo("tj-city");
        assertThat(hierarchy.withDescendants("nobody")).isEmpty();
    }

    private java.util.Map<String, String> subtreeVersions() {
        java.util.Map<String, String> versions = new java.util.LinkedHashMap<>();
        for (String agency : List.of("tj-city", "ninghe", "ninghe-commerce", "ninghe-education", "bazhou", "wuqing")) {
            versions.put(agency, hierarchy.subtreeVersion(agency).orElse(null));
        }
        return versions;
    }

    private static java.util.Set<String> changedBetween(java.util.Map<String, String> before,
                                                       java.util.Map<String, String> after) {
        java.util.Set<String> changed = new java.util.TreeSet<>();
        before.forEach((agency, version) -> {
            if (!java.util.Objects.equals(version, after.get(agency))) {
                changed.add(agency);
            }
        });
        return changed;
    }

    /**
     * The subtree version a roll-up is kept under changes on the agency and every agency above it, and nowhere
     * else, after an event of that agency is counted, after an agency is registered below it and after a
     * publication; projecting the same event again changes nothing counted, but still gives a new version (a
     * version says "written since", never more).
     */
    @Test
    void aSubtreeVersionChangesAboveEveryCountedEventAndEveryNewAgencyBelow() {
        projection.projector.project(REGISTRATIONS);
        java.util.Map<String, String> registered = subtreeVersions();
        assertThat(registered.values()).doesNotContainNull().hasSize(6);

        cn.gongkai.ledger.api.request.RequestId request = TestEvents.request(new AgencyId("ninghe-education"), "2024-0001");
        projection.projector.project(List.of(TestEvents.received(request,
                cn.gongkai.ledger.api.common.ApplicantType.NATURAL_PERSON, "2024-03-04")));
        java.util.Map<String, String> counted = subtreeVersions();
        assertThat(changedBetween(registered, counted)).containsExactly("ninghe", "ninghe-education", "tj-city");

        projection.projector.project(List.of(registered("ninghe-commerce-office", "宁河区商务局办公室", "ninghe-commerce")));
        java.util.Map<String, String> grown = subtreeVersions();
        assertThat(changedBetween(counted, grown)).containsExactly("ninghe", "ninghe-commerce", "tj-city");
        assertThat(hierarchy.withDescendants("tj-city")).extracting(p -> p.node().agencyId())
                .contains("ninghe-commerce-office");

        java.time.Instant at = java.time.Instant.parse("2025-01-20T02:00:00Z");
        projection.publications.save(new cn.gongkai.ledger.readmodel.query.PublishedReport("wuqing", 2024, 1, "2021",
                "OPEN_IN_YEAR", at, "office", at, 0, "0".repeat(64), "{}"));
        assertThat(changedBetween(grown, subtreeVersions())).containsExactly("tj-city", "wuqing");
    }

    @Test
    void anAgencyNamedAsSuperiorButNotRegisteredIsNotInTheHierarchy() {
        projection.projector.project(List.of(registered("ninghe-commerce", "宁河区商务局", "ninghe")));

        assertThat(hierarchy.find("ninghe")).isEmpty();
        assertThat(hierarchy.withDescendants("ninghe")).isEmpty();
        projection.projector.project(List.of(registered("ninghe", "宁河区人民政府", null)));
        assertThat(hierarchy.withDescendants("ninghe")).extracting(p -> p.node().agencyId())
                .containsExactly("ninghe", "ninghe-commerce");
    }
}

package cn.gongkai.ledger.readmodel.store;

import cn.gongkai.ledger.readmodel.query.AgencyNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;

/**
 * {@code agency_tree}: one document per agency keyed by its id, {@code {name, superiorAgencyId, subordinates}},
 * projected from the agencies' registrations. Each registration that names a superior adds the agency to the
 * superior's {@code subordinates} (a set: projecting it again changes nothing), so the agencies below any agency are
 * read level by level by {@code _id}, never by scanning.
 *
 * <p>Beside it, {@code subtree_versions}: per agency, {@code {_id: agencyId, version}}, the version of everything a
 * roll-up of the agency reads — a random token set afresh ({@link #touchSubtrees}) on an agency and on every agency
 * above it each time anything of that agency a roll-up sums or lists was written: its reports, its publication, its
 * place in the hierarchy. The token is set after those writes, so a token read before a roll-up's reads names what
 * they read or something older, and a roll-up kept under the token its agency had before it was summed is current
 * while the token is unchanged, in any process. Random, not counted: a read model dropped and rebuilt never hands an
 * old token out again. Absent (never touched): nothing may be kept.
 */
public final class AgencyTreeRepository {
    /** The deepest hierarchy followed upwards when touching subtrees (as {@code AgencyHierarchy} follows down). */
    private static final int MAX_DEPTH = 17;

    private final MongoCollection<Document> tree;
    private final MongoCollection<Document> versions;

    public AgencyTreeRepository(ReadModelDatabase database) {
        this.tree = database.collection(ReadModelDatabase.AGENCY_TREE);
        this.versions = database.collection(ReadModelDatabase.SUBTREE_VERSIONS);
    }

    /** Records the agency's name and superior, and the agency among its superior's subordinates. */
    public void record(AgencyNode node) {
        recordAll(List.of(node));
    }

    /**
     * Records each, as {@link #record} does, in one round trip (in order: a later registration wins); then touches
     * the subtrees of the agencies recorded and of the superiors they had before ({@link #touchSubtrees}): each
     * roll-up that now lists one of them, or no longer does, is then read afresh.
     */
    public void recordAll(Collection<AgencyNode> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        Set<String> changed = new LinkedHashSet<>();
        nodes.forEach(node -> changed.add(node.agencyId()));
        IdChunks.forEach(List.copyOf(changed), chunk -> tree.find(Filters.in("_id", chunk))
                .projection(Projections.include("superiorAgencyId")).forEach(d -> {
                    if (d.getString("superiorAgencyId") != null) {
                        changed.add(d.getString("superiorAgencyId"));
                    }
                }));
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (AgencyNode node : nodes) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", node.agencyId()), Updates.combine(
                    Updates.set("name", node.name()), Updates.set("superiorAgencyId", node.superiorAgencyId())),
                    new UpdateOptions().upsert(true)));
            if (node.superiorAgencyId() != null) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", node.superiorAgencyId()),
                        Updates.addToSet("subordinates", node.agencyId()), new UpdateOptions().upsert(true)));
            }
        }
        tree.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        touchSubtrees(changed);
    }

    /**
     * Sets a fresh subtree version on each of the agencies and on every agency above them, as the hierarchy stands
     * now: to be called after anything a roll-up of theirs reads was written. One read of superiors per level, one
     * bulk write.
     */
    public void touchSubtrees(Collection<String> agencyIds) {
        Set<String> chain = new LinkedHashSet<>(agencyIds);
        List<String> level = List.copyOf(chain);
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            List<String> above = new ArrayList<>();
            IdChunks.forEach(level, chunk -> tree.find(Filters.in("_id", chunk))
                    .projection(Projections.include("superiorAgencyId")).forEach(d -> {
                        String superior = d.getString("superiorAgencyId");
                        if (superior != null && chain.add(superior)) {
                            above.add(superior);
                        }
                    }));
            level = above;
        }
        if (!chain.isEmpty()) {
            String version = UUID.randomUUID().toString();
            List<WriteModel<Document>> writes = new ArrayList<>(chain.size());
            for (String agency : chain) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", agency), Updates.set("version", version),
                        new UpdateOptions().upsert(true)));
            }
            versions.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** The agency's subtree version; empty when it has none. One read by {@code _id}. */
    public Optional<String> subtreeVersion(String agencyId) {
        Document found = versions.find(Filters.eq("_id", agencyId)).first();
        return Optional.ofNullable(found == null ? null : found.getString("version"));
    }

    /** The subtree versions of these agencies (those that have one), by agency. */
    public java.util.Map<String, String> subtreeVersions(Collection<String> agencyIds) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        IdChunks.forEach(agencyIds, chunk -> versions.find(Filters.in("_id", chunk)).forEach(d -> {
            if (d.getString("version") != null) {
                found.put(d.getString("_id"), d.getString("version"));
            }
        }));
        return found;
    }

    /** The nodes of the given agencies (those recorded), in {@code _id} order. */
    public List<AgencyNode> findAll(Collection<String> agencyIds) {
        List<AgencyNode> nodes = new ArrayList<>();
        IdChunks.forEach(agencyIds, chunk -> tree.find(Filters.in("_id", chunk)).forEach(d -> nodes.add(new AgencyNode(
                d.getString("_id"), d.getString("name"), d.getString("superiorAgencyId"),
                d.getList("subordinates", String.class)))));
        nodes.sort(Comparator.comparing(AgencyNode::agencyId));
        return nodes;
    }
}

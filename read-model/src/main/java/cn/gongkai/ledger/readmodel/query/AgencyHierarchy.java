package cn.gongkai.ledger.readmodel.query;

import cn.gongkai.ledger.readmodel.store.AgencyTreeRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agency hierarchy as the read model projected it from the agencies' registrations, read only: an agency and
 * every agency below it, read level by level by {@code _id} (one query per level), so the cost follows the
 * agencies below, not the store.
 */
public final class AgencyHierarchy {
    /** The deepest hierarchy followed (as the security module's directory does). */
    public static final int MAX_DEPTH = 16;

    private final AgencyTreeRepository tree;

    public AgencyHierarchy(AgencyTreeRepository tree) {
        this.tree = tree;
    }

    /** An agency of the hierarchy and how far below the agency asked about it is (0 for that agency itself). */
    public record Placed(AgencyNode node, int depth) {
    }

    /**
     * The version of everything a roll-up of the agency reads (its subtree's reports, publications and hierarchy):
     * changes, in any process, after each write of any of them; empty when the read model has none for it, and then
     * nothing derived from the subtree may be kept. Read it before the reads it is to name.
     */
    public Optional<String> subtreeVersion(String agencyId) {
        return tree.subtreeVersion(agencyId);
    }

    /** The subtree versions of these agencies (those that have one), by agency: one read by {@code _id} per 100. */
    public Map<String, String> subtreeVersions(Collection<String> agencyIds) {
        return tree.subtreeVersions(agencyIds);
    }

    /** The recorded nodes of these agencies (registered or only named as a superior), in {@code _id} order. */
    public List<AgencyNode> nodes(Collection<String> agencyIds) {
        return tree.findAll(agencyIds);
    }

    /**
     * The agency and the agencies below it among {@code nodes} (by id), in tree order, as {@link #withDescendants}
     * places them: each followed by its subordinates, by id, a subordinate only when it names the agency as its
     * superior.
     */
    public static List<Placed> inTreeOrder(AgencyNode root, Map<String, AgencyNode> nodes) {
        List<Placed> ordered = new ArrayList<>();
        place(root, 0, nodes, ordered);
        return ordered;
    }

    /** The agency, when it has been registered. */
    public Optional<AgencyNode> find(String agencyId) {
        return tree.findAll(List.of(agencyId)).stream().filter(n -> n.name() != null).findFirst();
    }

    /**
     * The agency and every registered agency below it (directly or further down), in tree order: each agency
     * followed by its subordinates, by id. A subordinate is followed only when its own registration names the
     * agency above it; empty when the agency is not registered.
     */
    public List<Placed> withDescendants(String agencyId) {
        Optional<AgencyNode> root = find(agencyId);
        if (root.isEmpty()) {
            return List.of();
        }
        Map<String, AgencyNode> nodes = new HashMap<>();
        Set<String> seen = new HashSet<>(Set.of(agencyId));
        nodes.put(agencyId, root.get());
        List<AgencyNode> level = List.of(root.get());
        for (int depth = 1; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
            Map<String, String> wanted = new HashMap<>();
            for (AgencyNode parent : level) {
                parent.subordinates().stream().filter(seen::add).forEach(child -> wanted.put(child, parent.agencyId()));
            }
            List<AgencyNode> next = new ArrayList<>();
            for (AgencyNode child : tree.findAll(wanted.keySet())) {
                if (child.name() != null && wanted.get(child.agencyId()).equals(child.superiorAgencyId())) {
                    nodes.put(child.agencyId(), child);
                    next.add(child);
                }
            }
            level = next;
        }
        return inTreeOrder(root.get(), nodes);
    }

    private static void place(AgencyNode node, int depth, Map<String, AgencyNode> nodes, List<Placed> ordered) {
        ordered.add(new Placed(node, depth));
        node.subordinates().stream().sorted().map(nodes::get)
                .filter(child -> child != null && node.agencyId().equals(child.superiorAgencyId()))
                .forEach(child -> place(child, depth + 1, nodes, ordered));
    }
}

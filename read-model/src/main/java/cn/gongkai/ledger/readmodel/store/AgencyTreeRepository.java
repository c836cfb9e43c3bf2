package cn.gongkai.ledger.readmodel.store;

import cn.gongkai.ledger.readmodel.query.AgencyNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;

/**
 * {@code agency_tree}: one document per agency keyed by its id, {@code {name, superiorAgencyId, subordinates}},
 * projected from the agencies' registrations. Each registration that names a superior adds the agency to the
 * superior's {@code subordinates} (a set: projecting it again changes nothing), so the agencies below any agency are
 * read level by level by {@code _id}, never by scanning.
 */
public final class AgencyTreeRepository {
    private final MongoCollection<Document> tree;

    public AgencyTreeRepository(ReadModelDatabase database) {
        this.tree = database.collection(ReadModelDatabase.AGENCY_TREE);
    }

    /** Records the agency's name and superior, and the agency among its superior's subordinates. */
    public void record(AgencyNode node) {
        recordAll(List.of(node));
    }

    /** Records each, as {@link #record} does, in one round trip (in order: a later registration wins). */
    public void recordAll(Collection<AgencyNode> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
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
    }

    /** The nodes of the given agencies (those recorded), in {@code _id} order. */
    public List<AgencyNode> findAll(Collection<String> agencyIds) {
        List<AgencyNode> nodes = new ArrayList<>();
        if (agencyIds.isEmpty()) {
            return nodes;
        }
        tree.find(Filters.in("_id", agencyIds)).sort(new Document("_id", 1)).forEach(d -> nodes.add(new AgencyNode(
                d.getString("_id"), d.getString("name"), d.getString("superiorAgencyId"),
                d.getList("subordinates", String.class))));
        return nodes;
    }
}

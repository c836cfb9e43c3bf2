package cn.gongkai.ledger.command.ledgerimport;

import cn.gongkai.ledger.api.request.LedgerField;
import cn.gongkai.ledger.api.common.AgencyId;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The column mapping each agency last saved for its 台账 ({@code ledger_import_mappings}, one document per
 * agency): a setting of the import, not a fact the law cares about, so it is kept as a plain document.
 */
@Component
public class ColumnMappingStore {
    static final String COLLECTION = "ledger_import_mappings";
    private final MongoCollection<Document> mappings;

    public ColumnMappingStore(MongoClient client, @Value("${spring.data.mongodb.database}") String database) {
        this.mappings = client.getDatabase(database).getCollection(COLLECTION);
    }

    public Optional<ColumnMapping> find(AgencyId agency) {
        Document stored = mappings.find(Filters.eq("_id", agency.value())).first();
        if (stored == null) {
            return Optional.empty();
        }
        Map<LedgerField, String> columns = new EnumMap<>(LedgerField.class);
        Document saved = stored.get("columns", Document.class);
        for (LedgerField field : LedgerField.values()) {
            if (saved.getString(field.name()) != null) {
                columns.put(field, saved.getString(field.name()));
            }
        }
        return Optional.of(new ColumnMapping(columns));
    }

    public void save(AgencyId agency, ColumnMapping mapping) {
        Document columns = new Document();
        mapping.columns().forEach((field, header) -> columns.put(field.name(), header));
        mappings.replaceOne(Filters.eq("_id", agency.value()), new Document("_id", agency.value()).append("columns", columns),
                new ReplaceOptions().upsert(true));
    }
}

package cn.gongkai.ledger.command.calendar;

import cn.gongkai.ledger.clock.calendar.CalendarLayer;
import cn.gongkai.ledger.clock.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.report.json.LedgerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code calendar_versions}: the calendar each agency (and, under {@value CalendarRecomputation#NATIONAL}, the
 * nation) counted with at the last recomputation: {@code {_id, version, name, layers, recordedAt}}, where
 * {@code layers} is the calendar's year files as JSON in the holiday-cn schema
 * ({@code [{name, years: [{year, papers, days: [{name, date, isOffDay}]}]}]}), so the previous calendar can be
 * rebuilt exactly (same version) after the files changed.
 */
@Component
public class CalendarVersionStore {
    public static final String COLLECTION = "calendar_versions";
    private static final ObjectMapper JSON = LedgerJson.newMapper();
    private static final TypeReference<List<CalendarLayer>> LAYERS = new TypeReference<>() {
    };

    private final MongoCollection<Document> versions;

    public CalendarVersionStore(MongoClient client, @Value("${spring.data.mongodb.database}") String database) {
        this.versions = client.getDatabase(database).getCollection(COLLECTION);
    }

    /** Every recorded calendar, rebuilt, by agency id (and {@value CalendarRecomputation#NATIONAL}). */
    public Map<String, WorkingDayCalendar> all() {
        Map<String, WorkingDayCalendar> calendars = new HashMap<>();
        for (Document document : versions.find()) {
            String key = document.getString("_id");
            WorkingDayCalendar calendar = WorkingDayCalendar.fromLayers(layers(document.getString("layers")));
            if (!calendar.version().equals(document.getString("version"))) {
                throw new IllegalStateException("calendar_versions " + key + " rebuilds as " + calendar.version()
                        + ", not as the recorded " + document.getString("version"));
            }
            calendars.put(key, calendar);
        }
        return calendars;
    }

    public void save(String key, WorkingDayCalendar calendar, Instant recordedAt) {
        Document document = new Document("_id", key)
                .append("version", calendar.version())
                .append("name", calendar.name())
                .append("layers", write(calendar.layers()))
                .append("recordedAt", recordedAt.toString());
        versions.replaceOne(Filters.eq("_id", key), document, new ReplaceOptions().upsert(true));
    }

    private static String write(List<CalendarLayer> layers) {
        try {
            return JSON.writeValueAsString(layers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a calendar as JSON", e);
        }
    }

    private static List<CalendarLayer> layers(String json) {
        try {
            return JSON.readValue(json, LAYERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable calendar in " + COLLECTION, e);
        }
    }
}

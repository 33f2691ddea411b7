package gongxin.lists;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.subjects.SubjectHoldings;
import org.springframework.stereotype.Component;

/** A subject's list entries, current and past, for the subject look-up. */
@Component
class ListHoldings implements SubjectHoldings {

    private final ListEntryRepository entries;
    private final Clock clock;

    ListHoldings(ListEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Override
    public String part() {
        return "listEntries";
    }

    @Override
    public List<Map<String, Object>> of(long subjectId, boolean history) {
        LocalDate today = LocalDate.now(clock);
        return entries.ofSubject(subjectId).stream().filter(e -> history || e.inForce(today)).map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("listType", e.listType());
            m.put("listName", e.listName());
            m.put("kind", e.kind());
            m.put("department", e.department());
            m.put("documentNumber", e.documentNumber());
            m.put("listedOn", e.listedOn());
            m.put("removableFrom", e.removableFrom());
            m.put("endsOn", e.endsOn());
            m.put("removedOn", e.removedOn());
            m.put("removalReason", e.removalReason());
            m.put("flaggedReason", e.flaggedReason());
            m.put("inForce", e.inForce(today));
            return m;
        }).toList();
    }
}

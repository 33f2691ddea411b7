package gongxin.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

import gongxin.entries.CreditEntry;
import gongxin.entries.EntryField;
import tools.jackson.databind.json.JsonMapper;

/**
 * A credit entry as the province receives it (docs/api.md, "Exchange with the provincial platform"): {@code key},
 * {@code kind}, {@code op}, {@code version}, {@code subject}, {@code fields} by national field code (a record's catalog
 * codes; other entries by their labels), and {@code entry}, the entry's state (status, dates, why it ended), so that a
 * revocation, a repair or a removal travels as a new version of the entry. The queue writes each version's item as
 * {@code key}, {@code op} and {@code version} followed by this content, fixed once queued ({@link OutboundRepository#queue}).
 */
final class OutboundItem {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String kind;
    private final long id;
    private final long subjectId;
    private final String department;
    /**
     * The content as JSON, serialized once: digested (by the queue, as SHA-256 of its UTF-8) to tell a new version from a
     * repeat, and the body of every version's item.
     */
    private final String content;

    private OutboundItem(String kind, long id, long subjectId, String department, Map<String, Object> content) {
        this.kind = kind;
        this.id = id;
        this.subjectId = subjectId;
        this.department = department;
        this.content = JSON.writeValueAsString(content);
    }

    /** The entry's content as it is now; its digest tells a new version from a repeat. */
    static OutboundItem of(CreditEntry e) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("name", e.subject().name());
        subject.put("creditCode", e.subject().creditCode());
        subject.put("idNumber", e.subject().idNumber());
        Map<String, Object> fields = new LinkedHashMap<>();
        for (EntryField f : e.fields()) {
            fields.put(f.code() != null ? f.code() : f.name(), f.value());
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", e.code());
        state.put("title", e.title());
        state.put("department", e.department());
        state.put("documentNumber", e.documentNumber());
        state.put("date", e.date() == null ? null : e.date().toString());
        state.put("status", e.status() == null ? null : e.status().name());
        state.put("nature", e.nature() == null ? null : e.nature().name());
        state.put("severity", e.severity());
        state.put("windowEnd", e.windowEnd() == null ? null : e.windowEnd().toString());
        state.put("endedReason", e.endedReason());
        state.put("public", e.disclosed());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("kind", e.kind().name());
        content.put("subject", subject);
        content.put("fields", fields);
        content.put("entry", state);
        return new OutboundItem(e.kind().name(), e.id(), e.subjectId(), e.department(), content);
    }

    /**
     * A subject's grade as the province receives it (kind {@code GRADE}, an extension of the contract's kinds; its id is
     * the subject's): the grade, score and model in force, as a new version whenever one of them changes.
     */
    static OutboundItem grade(gongxin.subjects.SubjectCard card, gongxin.evaluation.Grades.SubjectGrade grade) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("name", card.name());
        subject.put("creditCode", card.creditCode());
        subject.put("idNumber", card.idNumber());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("grade", grade.grade());
        state.put("score", grade.score());
        state.put("model", grade.model());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("kind", GRADE);
        content.put("subject", subject);
        content.put("fields", Map.of());
        content.put("entry", state);
        return new OutboundItem(GRADE, card.id(), card.id(), null, content);
    }

    static final String GRADE = "GRADE";

    String kind() {
        return kind;
    }

    long id() {
        return id;
    }

    long subjectId() {
        return subjectId;
    }

    String department() {
        return department;
    }

    String content() {
        return content;
    }
}

package gongxin.rights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;

/**
 * What an application names as its target: {@code {kind, id}} (any credit entry), or, as v1 of the contract had it,
 * the id under its kind's own field ({@code recordId}, {@code listEntryId}). The same for the API's JSON and the form's
 * parameters.
 */
final class Targets {

    private Targets() {
    }

    /**
     * @return the entry named, or null when none or more than one is named (the caller refuses it as
     *         {@code target-required})
     * @throws RuleViolationException {@code target-unknown} when a kind or an id is not one
     */
    static EntryRef of(Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        Object kind = values.get("kind");
        Object id = values.get("id");
        if (kind != null && !Text.isBlank(kind.toString())) {
            return EntryRef.of(kind(kind.toString()), id("id", id));
        }
        List<EntryRef> named = new ArrayList<>();
        for (EntryKind k : EntryKind.values()) {
            Object value = values.get(k.idField());
            if (value != null && !Text.isBlank(value.toString())) {
                named.add(EntryRef.of(k, id(k.idField(), value)));
            }
        }
        return named.size() == 1 ? named.get(0) : null;
    }

    /** The v1 body of a target: its kind's own field, and {@code kind}/{@code id} beside it. */
    static Map<String, Object> body(EntryRef target) {
        return Map.of(target.kind().idField(), target.id(), "kind", target.kind().name(), "id", target.id());
    }

    private static EntryKind kind(String value) {
        try {
            return EntryKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.of("target.kind", value, "target-unknown", "未知的信用信息类别：" + value);
        }
    }

    private static long id(String field, Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        String text = value == null ? "" : Text.clean(value.toString());
        if (!text.matches("\\d{1,18}")) {
            throw RuleViolationException.of("target." + field, text, "target-unknown", "编号应为数字：" + text);
        }
        return Long.parseLong(text);
    }
}

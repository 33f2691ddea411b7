package gongxin.entries;

/**
 * What produced a credit entry; with its id in that kind it names the entry everywhere (a check hit, a portal entry, a
 * report line, a rights application's target). Values are extended, never renamed (docs/api.md).
 */
public enum EntryKind {
    RECORD("信用记录", "recordId", "决定日期"),
    LIST_ENTRY("名单条目", "listEntryId", "列入日期"),
    COMMITMENT("信用承诺", "commitmentId", "承诺日期"),
    COMMITMENT_BREACH("失信承诺记录", "breachId", "认定日期");

    private final String label;
    private final String idField;
    private final String dateLabel;

    EntryKind(String label, String idField, String dateLabel) {
        this.label = label;
        this.idField = idField;
        this.dateLabel = dateLabel;
    }

    /** What its date is, as a page labels it (决定日期, 列入日期…). */
    public String dateLabel() {
        return dateLabel;
    }

    /** The Chinese name of such an entry, for messages. */
    public String label() {
        return label;
    }

    /** The field that carried this kind's id in the v1 contract ({@code target.recordId}, {@code target.listEntryId}). */
    public String idField() {
        return idField;
    }
}

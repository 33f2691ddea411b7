package gongxin.records;

import java.util.List;

/**
 * A search over records; null fields do not filter.
 *
 * @param departments only these departments' records (null: all)
 * @param text a fragment of the subject name, or a credit code or decision number
 */
public record RecordQuery(List<String> departments, String itemCode, RecordStatus status, String text, int page, int size) {
}

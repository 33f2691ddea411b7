package gongxin.records;

import java.time.LocalDate;
import java.util.Map;

import gongxin.catalog.CatalogItem;
import gongxin.catalog.Severity;
import gongxin.shared.SubjectCategory;

/**
 * A record as collection validated it, ready to be stored: every rule of the catalog and the law already holds.
 *
 * @param line where it came from (line of a file, position in a JSON batch), for the answer to the provider
 * @param item the catalog item's version in force on the decision date: it governs the record
 * @param departmentCode the deciding department (who determines is responsible)
 * @param recordKey its natural key within item and department (e.g. the decision document number)
 * @param exclusion the rule set's exclusion that applies (e.g. SIMPLIFIED_PROCEDURE), or null
 * @param minor the subject was under 18 on the decision date
 * @param pilotEra the subject's credit code is a pilot-era code accepted explicitly
 * @param publicityUntil the provider's own publicity end (公示截止期), or null
 * @param data every field of the record by field code, normalised
 */
public record RecordDraft(int line, CatalogItem item, String departmentCode, String recordKey, SubjectCategory subjectCategory,
                          String subjectName, String subjectCreditCode, String subjectIdType, String subjectIdNumber,
                          String decisionNumber, LocalDate decisionDate, Severity severity, String exclusion,
                          boolean minor, boolean pilotEra, LocalDate validUntil, LocalDate publicityUntil,
                          Map<String, String> data) {
}

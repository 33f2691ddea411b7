package gongxin.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a catalog item: what may be collected, from whom, on what legal basis, whether and how long it is
 * published and shared (credit-rules §2).
 *
 * @param code stable item code
 * @param version 1, 2, … in the order versions were recorded
 * @param effectiveFrom the date from which this version applies
 * @param withdrawn from {@code effectiveFrom} on the item is no longer in the catalog
 * @param edition the national edition in force on {@code effectiveFrom}, whose categories apply
 * @param categoryNo category number in that edition
 * @param behaviour the behaviour the item records
 * @param provider the providing department as the catalog names it
 * @param legalBasis the legal source that allows collecting it
 * @param infoType the kind of information rule sets speak of (e.g. {@code ADMINISTRATIVE_PENALTY}); may be null
 * @param publicityMonths for {@link Publicity#FIXED}
 * @param retentionYears how long records are kept after they end
 * @param defaultSeverity the severity of a record that does not state one
 * @param example seeded to illustrate the demo city, not taken from an official table
 * @param departments codes of the platform's departments authorised to provide it
 * @param fields the data each record carries
 * @param timelinessDeadline the statutory deadline code its records must arrive within (e.g. DOUBLE_PUBLICITY)
 * @param basisDocumentType for dishonesty information: the legally effective document it rests on
 */
public record CatalogItem(String code, int version, LocalDate effectiveFrom, boolean withdrawn, String name,
                          String edition, int categoryNo, String categoryName, String behaviour, String provider,
                          String legalBasis, Nature nature, ShareAttribute shareAttribute, Disclosure disclosure,
                          String infoType, Publicity publicity, Integer publicityMonths, Integer retentionYears,
                          Severity defaultSeverity, CatalogScope scope, boolean example, List<String> departments,
                          List<ItemField> fields, String changeNote, Instant recordedAt, String recordedBy,
                          String timelinessDeadline, String basisDocumentType) {

    public CatalogItem {
        departments = departments == null ? List.of() : List.copyOf(departments);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The field with {@code role}, if the item has one. */
    public java.util.Optional<ItemField> field(FieldRole role) {
        for (ItemField field : fields) { // on every row of every batch: no stream
            if (field.role() == role) {
                return java.util.Optional.of(field);
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether {@code department} may provide records of this item. */
    public boolean providedBy(String department) {
        return departments.contains(department);
    }

    /**
     * The fields that hold a person's identifier (an ID number of the subject or of its legal representative): kept
     * encrypted at rest, and found only by their keyed digest.
     */
    public java.util.Set<String> identifierFields() {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (ItemField field : fields) {
            if (field.type() == FieldType.ID_NUMBER || field.role() == FieldRole.SUBJECT_ID_NUMBER) {
                codes.add(field.code());
            }
        }
        return codes;
    }

    /**
     * The field holding the legal representative's own ID number, when the item has one apart from the subject's
     * (an ID-number field without a subject role whose name says 法定代表人, e.g. CF_FR_ZJHM).
     */
    public java.util.Optional<ItemField> legalRepresentativeIdField() {
        for (ItemField field : fields) {
            if (field.type() == FieldType.ID_NUMBER && field.role() == null && field.name() != null
                    && field.name().contains("法定代表人")) {
                return java.util.Optional.of(field);
            }
        }
        return java.util.Optional.empty();
    }
}

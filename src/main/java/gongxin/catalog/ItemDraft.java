package gongxin.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A new version of a catalog item as an administrator (or an imported table row) states it. The edition is not
 * part of it: it is the one in force on {@code effectiveFrom}.
 */
record ItemDraft(String code, LocalDate effectiveFrom, boolean withdrawn, String name, Integer categoryNo,
                 String behaviour, String provider, String legalBasis, Nature nature, ShareAttribute shareAttribute,
                 Disclosure disclosure, String infoType, Publicity publicity, Integer publicityMonths,
                 Integer retentionYears, Severity defaultSeverity, CatalogScope scope, boolean example,
                 List<String> departments, List<ItemField> fields, String changeNote, String timelinessDeadline,
                 String basisDocumentType) {

    ItemDraft {
        departments = departments == null ? List.of() : List.copyOf(departments);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The same item's attributes as in {@code item}, to start an edit from. */
    static ItemDraft of(CatalogItem item, LocalDate effectiveFrom) {
        return new ItemDraft(item.code(), effectiveFrom, item.withdrawn(), item.name(), item.categoryNo(),
                item.behaviour(), item.provider(), item.legalBasis(), item.nature(), item.shareAttribute(),
                item.disclosure(), item.infoType(), item.publicity(), item.publicityMonths(), item.retentionYears(),
                item.defaultSeverity(), item.scope(), item.example(), item.departments(), item.fields(), null,
                item.timelinessDeadline(), item.basisDocumentType());
    }

    ItemDraft withFields(List<ItemField> newFields) {
        return new ItemDraft(code, effectiveFrom, withdrawn, name, categoryNo, behaviour, provider, legalBasis, nature,
                shareAttribute, disclosure, infoType, publicity, publicityMonths, retentionYears, defaultSeverity, scope,
                example, departments, newFields, changeNote, timelinessDeadline, basisDocumentType);
    }

    /** Whether this draft says the same as {@code item} (so recording it would change nothing). */
    boolean sameAs(CatalogItem item) {
        return item.withdrawn() == withdrawn && item.name().equals(name) && item.categoryNo() == categoryNo
                && item.behaviour().equals(behaviour) && item.provider().equals(provider)
                && item.legalBasis().equals(legalBasis) && item.nature() == nature
                && item.shareAttribute() == shareAttribute && item.disclosure() == disclosure
                && java.util.Objects.equals(item.infoType(), infoType) && item.publicity() == publicity
                && java.util.Objects.equals(item.publicityMonths(), publicityMonths)
                && java.util.Objects.equals(item.retentionYears(), retentionYears)
                && item.defaultSeverity() == defaultSeverity && item.scope() == scope && item.example() == example
                && item.departments().equals(departments) && item.fields().equals(fields)
                && java.util.Objects.equals(item.timelinessDeadline(), timelinessDeadline)
                && java.util.Objects.equals(item.basisDocumentType(), basisDocumentType);
    }
}

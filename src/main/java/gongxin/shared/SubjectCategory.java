package gongxin.shared;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Category of the subject of a credit record (行政相对人类别) as 双公示 files state it.
 *
 * <p>Accepted: the labels of the national template, usual synonyms, and the numeric codes 1/2/3 in the order the
 * national template lists the categories (法人及非法人组织、自然人、个体工商户; see docs/formats.md).
 */
public enum SubjectCategory {
    ORGANIZATION("法人及非法人组织"),
    NATURAL_PERSON("自然人"),
    INDIVIDUAL_BUSINESS("个体工商户");

    private static final Map<String, SubjectCategory> SYNONYMS = Map.ofEntries(
            Map.entry("法人及非法人组织", ORGANIZATION), Map.entry("法人和非法人组织", ORGANIZATION),
            Map.entry("法人及其他组织", ORGANIZATION), Map.entry("法人和其他组织", ORGANIZATION),
            Map.entry("法人", ORGANIZATION), Map.entry("非法人组织", ORGANIZATION), Map.entry("其他组织", ORGANIZATION),
            Map.entry("企业", ORGANIZATION), Map.entry("1", ORGANIZATION), Map.entry("01", ORGANIZATION),
            Map.entry("ORGANIZATION", ORGANIZATION), Map.entry("LEGAL_PERSON", ORGANIZATION), Map.entry("NON_LEGAL_ORG", ORGANIZATION),
            Map.entry("自然人", NATURAL_PERSON), Map.entry("个人", NATURAL_PERSON), Map.entry("2", NATURAL_PERSON),
            Map.entry("02", NATURAL_PERSON), Map.entry("NATURAL_PERSON", NATURAL_PERSON),
            Map.entry("个体工商户", INDIVIDUAL_BUSINESS), Map.entry("个体户", INDIVIDUAL_BUSINESS), Map.entry("3", INDIVIDUAL_BUSINESS),
            Map.entry("03", INDIVIDUAL_BUSINESS), Map.entry("INDIVIDUAL_BUSINESS", INDIVIDUAL_BUSINESS));

    private final String label;

    SubjectCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<SubjectCategory> parse(String text) {
        String value = Text.normalize(text);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(SYNONYMS.get(value.toUpperCase(Locale.ROOT)));
    }
}

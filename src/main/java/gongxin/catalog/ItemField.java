package gongxin.catalog;

import java.util.List;

import gongxin.shared.SubjectCategory;

/**
 * One field of a catalog item's data: what providers send for each record, the columns of its template, and the
 * rules each value must satisfy.
 *
 * @param code field code as in national formats (e.g. {@code CF_WSH})
 * @param name Chinese header (e.g. 行政处罚决定书文号)
 * @param type how it is checked
 * @param required whether every record must have it
 * @param values allowed values for {@link FieldType#ENUM}
 * @param description a hint for providers
 * @param role what it means to the platform, if anything (subject, decision, authority…)
 * @param aliases other headers real exports use for it (vendor codes such as CF_FDDB, older Chinese names)
 * @param key part of the record's natural key within item and department (e.g. the decision number)
 * @param requiredFor subject categories for which it is required (e.g. the credit code for organisations)
 * @param requiredWhen required when another field contains one of some words (a fine amount when 处罚类别 has 罚款)
 */
public record ItemField(String code, String name, FieldType type, boolean required, List<String> values,
                        String description, FieldRole role, List<String> aliases, boolean key,
                        List<SubjectCategory> requiredFor, Condition requiredWhen) {

    public ItemField {
        values = values == null ? List.of() : List.copyOf(values);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        requiredFor = requiredFor == null ? List.of() : List.copyOf(requiredFor);
    }

    /** A field with only the basic attributes (no role, aliases or conditions). */
    public ItemField(String code, String name, FieldType type, boolean required, List<String> values, String description) {
        this(code, name, type, required, values, description, null, List.of(), false, List.of(), null);
    }

    /**
     * "Required when {@code field} contains any of {@code words}".
     */
    public record Condition(String field, List<String> words) {
        public Condition {
            words = words == null ? List.of() : List.copyOf(words);
        }
    }
}

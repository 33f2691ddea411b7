package gongxin.portal;

import java.util.EnumMap;
import java.util.Map;

import gongxin.shared.SubjectCategory;

/**
 * Masks personal data in public views. ID numbers are masked for everyone (a legal representative's too); phones,
 * addresses and bank accounts of natural persons and individual businesses; the names of natural persons. How much
 * of each stays visible is configuration ({@code gongxin.portal.masking}), not code (PIPL art. 28, 51; 国办发〔2020〕49号
 * on not publishing personal privacy).
 */
final class Masking {

    /** Keep this many characters at the start and at the end; the rest becomes {@code *}. */
    record Rule(int keepStart, int keepEnd) {
    }

    static final Map<FieldKind, Rule> DEFAULTS = Map.of(
            FieldKind.ID_NUMBER, new Rule(4, 4),
            FieldKind.PHONE, new Rule(3, 4),
            FieldKind.BANK_ACCOUNT, new Rule(4, 4),
            FieldKind.ADDRESS, new Rule(6, 0),
            FieldKind.SUBJECT_NAME, new Rule(1, 0));

    private final Map<FieldKind, Rule> rules;

    Masking(Map<FieldKind, Rule> configured) {
        Map<FieldKind, Rule> merged = new EnumMap<>(FieldKind.class);
        merged.putAll(DEFAULTS);
        if (configured != null) {
            merged.putAll(configured);
        }
        this.rules = merged;
    }

    /** The rules in force, for the read model's configuration fingerprint. */
    Map<FieldKind, Rule> rules() {
        return Map.copyOf(rules);
    }

    /** Whether a field of this kind is masked for this kind of subject. */
    boolean masks(FieldKind kind, SubjectCategory category) {
        return switch (kind) {
            case ID_NUMBER -> true;
            case PHONE, ADDRESS, BANK_ACCOUNT -> category != SubjectCategory.ORGANIZATION;
            case SUBJECT_NAME -> category == SubjectCategory.NATURAL_PERSON;
            case TEXT -> false;
        };
    }

    String apply(FieldKind kind, SubjectCategory category, String value) {
        if (value == null || value.isEmpty() || !masks(kind, category)) {
            return value;
        }
        return mask(value, rules.get(kind));
    }

    /** The name a natural person is shown by. */
    String subjectName(SubjectCategory category, String name) {
        return apply(FieldKind.SUBJECT_NAME, category, name);
    }

    static String mask(String value, Rule rule) {
        int[] cps = value.codePoints().toArray();
        int start = Math.min(rule.keepStart(), cps.length);
        int end = Math.min(rule.keepEnd(), cps.length - start);
        if (start + end >= cps.length) {
            // too short to keep anything and still hide something: hide all but the first character
            start = Math.min(1, cps.length - 1);
            end = 0;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            out.appendCodePoint(i < start || i >= cps.length - end ? cps[i] : '*');
        }
        return out.toString();
    }
}

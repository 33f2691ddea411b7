package gongxin.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;

/**
 * The text form of a field's attributes, as the 字段 sheet and the item form write them: lists separated by
 * {@code ;}, yes/no as 是/否, a condition as {@code CF_CFLB=罚款/没收} (required when CF_CFLB contains 罚款 or 没收).
 */
final class FieldText {

    private FieldText() {
    }

    static String list(List<String> values) {
        return String.join(";", values);
    }

    static List<String> list(String text) {
        String v = Text.clean(text);
        if (v == null || v.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(v.split("[;；、\\n]")).map(Text::clean).filter(s -> !s.isEmpty()).toList();
    }

    static String yes(boolean value) {
        return value ? "是" : "否";
    }

    static boolean yes(String text) {
        String v = Text.normalize(text);
        return v != null && (v.equals("是") || v.equalsIgnoreCase("Y") || v.equalsIgnoreCase("true") || v.equals("1"));
    }

    static String role(FieldRole role) {
        return role == null ? "" : role.label();
    }

    /** The role named by its label or code; empty text is no role; an unknown text is {@code Optional.empty()}. */
    static Optional<Optional<FieldRole>> role(String text) {
        if (Text.isBlank(text)) {
            return Optional.of(Optional.empty());
        }
        return Labeled.parse(FieldRole.class, Text.clean(text)).map(Optional::of);
    }

    static String categories(List<SubjectCategory> categories) {
        return String.join(";", categories.stream().map(SubjectCategory::label).toList());
    }

    /** Subject categories by label or code; {@code null} when one of them is unknown. */
    static List<SubjectCategory> categories(String text) {
        List<SubjectCategory> result = new ArrayList<>();
        for (String label : list(text)) {
            Optional<SubjectCategory> category = SubjectCategory.parse(label);
            if (category.isEmpty()) {
                return null;
            }
            result.add(category.get());
        }
        return result;
    }

    static String condition(ItemField.Condition condition) {
        return condition == null ? "" : condition.field() + "=" + String.join("/", condition.words());
    }

    /** {@code FIELD=word/word}; {@code null} for empty text; throws for text that is not of that form. */
    static ItemField.Condition condition(String text) {
        String v = Text.clean(text);
        if (v == null || v.isEmpty()) {
            return null;
        }
        int eq = v.indexOf('=');
        if (eq <= 0 || eq == v.length() - 1) {
            throw new IllegalArgumentException(v);
        }
        return new ItemField.Condition(Text.normalizeIdentifier(v.substring(0, eq)),
                Arrays.stream(v.substring(eq + 1).split("[/／]")).map(Text::clean).filter(s -> !s.isEmpty()).toList());
    }
}

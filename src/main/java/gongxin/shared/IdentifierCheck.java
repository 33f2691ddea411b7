package gongxin.shared;

/**
 * The outcome of checking an identifier: the normalised text and either the parsed value or the broken rule.
 *
 * @param input the text as sent
 * @param normalized after full-width → half-width, trim and upper-case
 * @param value the parsed identifier, {@code null} when invalid
 * @param rule the broken rule's stable identifier ({@code length}, {@code charset}, {@code check-character}…)
 * @param message why, in Chinese
 */
public record IdentifierCheck<T>(String input, String normalized, T value, String rule, String message) {

    static <T> IdentifierCheck<T> valid(String input, String normalized, T value) {
        return new IdentifierCheck<>(input, normalized, value, null, null);
    }

    static <T> IdentifierCheck<T> invalid(String input, String normalized, String rule, String message) {
        return new IdentifierCheck<>(input, normalized, null, rule, message);
    }

    public boolean valid() {
        return value != null;
    }

    /** The value, or a {@link RuleViolationException} naming {@code field}. */
    public T orElseThrow(String field) {
        if (value == null) {
            throw RuleViolationException.of(field, input, rule, message);
        }
        return value;
    }

    public RuleViolation violation(String field) {
        return valid() ? null : RuleViolation.of(field, input, rule, message);
    }
}

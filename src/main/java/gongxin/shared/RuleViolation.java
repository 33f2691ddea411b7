package gongxin.shared;

/**
 * One broken rule, as the platform reports it to whoever sent the data: which field, the value as sent, the rule's
 * stable identifier (for programs) and a Chinese message (for people).
 */
public record RuleViolation(String field, String value, String rule, String message) {

    public static RuleViolation of(String field, String value, String rule, String message) {
        return new RuleViolation(field, value, rule, message);
    }
}

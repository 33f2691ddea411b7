package gongxin.shared;

import java.util.List;

/**
 * A rule that says who may act, not what is valid: answered 403 with the rule named (e.g. only the determining
 * department acts on its list cases, 谁认定、谁负责). Like every refusal it changes nothing.
 */
public class NotPermittedException extends RuleViolationException {

    public NotPermittedException(RuleViolation violation) {
        super(violation.message(), List.of(violation));
    }

    public static NotPermittedException of(String field, String value, String rule, String message) {
        return new NotPermittedException(RuleViolation.of(field, value, rule, message));
    }
}

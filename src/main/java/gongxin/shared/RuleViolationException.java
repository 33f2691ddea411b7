package gongxin.shared;

import java.util.List;

/**
 * Refusal of a request because it breaks one or more rules; answered as an RFC 9457 problem (422) listing every
 * violation. Nothing has been written when it is thrown.
 */
public class RuleViolationException extends RuntimeException {

    private final String title;
    private final List<RuleViolation> violations;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
    private String problemType = "validation";

    public RuleViolationException(String title, List<RuleViolation> violations) {
        super(title + ": " + violations);
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(RuleViolation violation) {
        this(violation.message(), List.of(violation));
    }

    public static RuleViolationException of(String field, String value, String rule, String message) {
        return new RuleViolationException(RuleViolation.of(field, value, rule, message));
    }

    /** Adds a member to the problem (e.g. {@code earliestDate} for a repair applied for too early). */
    public RuleViolationException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /**
     * Names the problem's type (its slug, {@code urn:gongxin:problem:<type>}) when the contract gives the refusal one of
     * its own (e.g. {@code commitment-not-allowed}); {@code validation} otherwise.
     */
    public RuleViolationException ofType(String type) {
        this.problemType = type;
        return this;
    }

    public String problemType() {
        return problemType;
    }

    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    public String title() {
        return title;
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}

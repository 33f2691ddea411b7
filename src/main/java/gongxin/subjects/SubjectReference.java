package gongxin.subjects;

/**
 * A subject as a request names it (`docs/api.md`, "The procedures"): {@code {"creditCode": "..."}} for an organisation
 * or, for a natural person, {@code {"name": "...", "idNumber": "..."}}; both together for a person are never enough
 * by name alone.
 */
public record SubjectReference(String creditCode, String name, String idNumber) {
}

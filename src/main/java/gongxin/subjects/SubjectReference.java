package gongxin.subjects;

/**
 * A subject as a request names it (`docs/api.md`, "The procedures"): {@code {"creditCode": "..."}} for an organisation
 * or, for a natural person, {@code {"name": "...", "idNumber": "..."}}; both together for a person are never enough
 * by name alone. {@code formerCode} finds an organisation by a number it was known by before its credit code (工商注册号,
 * 组织机构代码…), for staff look-ups.
 */
public record SubjectReference(String creditCode, String name, String idNumber, String formerCode) {

    public SubjectReference(String creditCode, String name, String idNumber) {
        this(creditCode, name, idNumber, null);
    }
}

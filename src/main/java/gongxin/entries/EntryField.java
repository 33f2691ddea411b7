package gongxin.entries;

/**
 * One labelled value of an entry, in the order a page shows it.
 *
 * @param role what the value is, as far as masking personal data needs to know; the website refines TEXT by the name
 * @param code the field's code where it has one (a catalog item's national field code), for exchanges; else null
 */
public record EntryField(String name, String value, Role role, String code) {

    public enum Role { SUBJECT_NAME, ID_NUMBER, TEXT }

    public EntryField(String name, String value, Role role) {
        this(name, value, role, null);
    }

    public static EntryField text(String name, String value) {
        return new EntryField(name, value, Role.TEXT);
    }
}

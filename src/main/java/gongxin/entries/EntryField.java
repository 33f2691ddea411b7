package gongxin.entries;

/**
 * One labelled value of an entry, in the order a page shows it.
 *
 * @param role what the value is, as far as masking personal data needs to know; the website refines TEXT by the name
 */
public record EntryField(String name, String value, Role role) {

    public enum Role { SUBJECT_NAME, ID_NUMBER, TEXT }

    public static EntryField text(String name, String value) {
        return new EntryField(name, value, Role.TEXT);
    }
}

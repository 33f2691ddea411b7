package gongxin.entries;

import java.time.LocalDate;
import java.util.Set;

/**
 * A page of a list page of the credit website (双公示, the lists, commitments): the newest entries of one category that
 * the public may see on {@code day} ({@link CreditEntry#publicOn}), newest decision first, then highest id.
 *
 * @param codes the kinds of information of the category to include ({@link CreditEntry#code()}: catalog items for
 *              {@link EntryCategory#CATALOG_ITEM}); empty: all of the category
 * @param department only entries of this department; null: any
 * @param from       decided on or after; null: any
 * @param to         decided on or before; null: any
 */
public record PublicListing(EntryCategory category, Set<String> codes, String department, LocalDate from, LocalDate to,
                            LocalDate day, int offset, int size) {

    public PublicListing {
        codes = codes == null ? Set.of() : Set.copyOf(codes);
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("offset and size are never negative");
        }
    }

    /** How many of the newest entries each source gives for the page: the page may come from any of them. */
    public int limit() {
        return offset + size;
    }

    /** Whether this entry's code is one the listing asks for. */
    public boolean includes(String code) {
        return codes.isEmpty() || codes.contains(code);
    }

    /**
     * An entry a source lists for the page, by what orders it: a source whose entries are costly to read whole
     * (records, with their fields) gives only the key, and only the page's entries are then read; a source that has
     * read the entry anyway gives it too.
     *
     * @param entry the entry with every detail, or null when only its key was read
     */
    public record Listed(EntryRef ref, LocalDate date, CreditEntry entry) {

        public static Listed of(CreditEntry entry) {
            return new Listed(entry.ref(), entry.date(), entry);
        }
    }

    /** The order of a list page: newest decision first, then by kind, then highest id. */
    public static final java.util.Comparator<Listed> NEWEST_FIRST = java.util.Comparator
            .comparing(Listed::date, java.util.Comparator.reverseOrder())
            .thenComparing((Listed l) -> l.ref().kind())
            .thenComparing((Listed l) -> l.ref().id(), java.util.Comparator.reverseOrder());
}

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

    /** The order of a list page: newest decision first, then highest id (kinds apart: by kind). */
    public static final java.util.Comparator<CreditEntry> NEWEST_FIRST = java.util.Comparator
            .comparing(CreditEntry::date, java.util.Comparator.reverseOrder())
            .thenComparing(CreditEntry::kind)
            .thenComparing(CreditEntry::id, java.util.Comparator.reverseOrder());
}

package gongxin.entries;

/**
 * How many entries of one kind of information a subject shows the public on a day ({@link CreditEntry#publicOn}): the
 * at-a-glance counts of a search result, counted by the producer without reading the entries whole.
 *
 * @param subjectId the subject's registry id
 * @param code      {@link CreditEntry#code()} (a catalog item, a list type, a commitment matter)
 */
public record PublicCount(long subjectId, EntryCategory category, String code, long count) {
}

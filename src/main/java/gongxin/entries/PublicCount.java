package gongxin.entries;

/**
 * How many entries of one kind of information a subject shows the public on a day ({@link CreditEntry#publicOn}): the
 * at-a-glance counts of a search result, counted by the producer without reading the entries whole.
 *
 * @param subjectId the subject's registry id
 * @param code      {@link CreditEntry#code()} (a catalog item, a list type, a commitment matter)
 */
public record PublicCount(long subjectId, EntryCategory category, String code, long count) {

    /** Counts the entries public on a day, by subject and kind of information, as they come. */
    public static final class Tally implements java.util.function.Consumer<CreditEntry> {
        private final java.time.LocalDate day;
        private final java.util.Map<java.util.List<Object>, Long> counts = new java.util.HashMap<>();

        public Tally(java.time.LocalDate day) {
            this.day = day;
        }

        @Override
        public void accept(CreditEntry e) {
            if (e.publicOn(day)) {
                counts.merge(java.util.List.of(e.subjectId(), e.category(), e.code()), 1L, Long::sum);
            }
        }

        public void emit(java.util.function.Consumer<PublicCount> consumer) {
            counts.forEach((key, n) -> consumer.accept(new PublicCount((Long) key.get(0), (EntryCategory) key.get(1),
                    (String) key.get(2), n)));
        }
    }
}

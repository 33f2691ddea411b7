package gongxin.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a bigram's search rows are bounded (ADR 0034): a two-character search reads the first
 * {@link PublicCredit#MAX_MATCHES} + 1 rows of its bigram in rank order and never further, so a bigram keeps
 * {@link #KEEP} rows in rank order once it has that many, and a row after them is not written
 * ({@code portal.bound_token}). This node counts the rows it writes per bigram and asks for a bound after every
 * {@link #EVERY} of them: a bigram is bounded soon after it passes {@code KEEP} rows, and bounded again (lower) when
 * rows before its bound keep coming (shorter names). The counts are a hint, not a ledger: lost at a restart or when
 * they grow past {@link #REMEMBERED} bigrams, they only delay a bound; the invariant is kept by the database.
 */
final class SearchRowBounds {

    /**
     * Rows a bounded bigram keeps: what a search reads (1,001) and a margin for renames before a refill; the default of
     * {@code portal.bound_token} and {@code portal.refill_token}, which the trigger uses, is the same.
     */
    static final int KEEP = 1500;
    /** Rows written for one bigram between two attempts to bound it. */
    static final int EVERY = 1000;
    /** Bigrams counted at most; past that the counts start again (a real city's names have a long tail of rare ones). */
    static final int REMEMBERED = 200_000;

    private final Map<String, Integer> written = new ConcurrentHashMap<>();

    /** Records rows just written per bigram; the bigrams now due for a bound, in order (two writers lock alike). */
    List<String> written(Map<String, Integer> rows) {
        if (written.size() > REMEMBERED) {
            written.clear();
        }
        List<String> due = new ArrayList<>();
        rows.forEach((token, n) -> {
            int total = written.merge(token, n, Integer::sum);
            if (total >= EVERY && written.remove(token, total)) {
                due.add(token);
            }
        });
        due.sort(null);
        return due;
    }
}

package gongxin.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How common each name bigram is, from PostgreSQL's own statistics of the token array (the most common elements
 * and their frequencies that {@code ANALYZE} keeps), read every ten minutes rather than asked per search. A bigram
 * that is not among them is rare.
 */
@Component
class TokenStatistics {

    private static final Duration FRESH_FOR = Duration.ofMinutes(10);
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(Instant readAt, Map<String, Double> frequencies, double rows) {
    }

    TokenStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Subjects expected to carry every bigram of {@code fragment} (at most as many as carry its rarest one). */
    long expectedMatches(String fragment) {
        Snapshot s = current();
        double fraction = 1;
        Set<String> bigrams = bigrams(fragment);
        for (String bigram : bigrams) {
            fraction = Math.min(fraction, s.frequencies().getOrDefault(bigram, 0.0));
        }
        return bigrams.isEmpty() ? 0 : (long) (fraction * s.rows());
    }

    /** The {@code n} most common bigrams of names, most common first (those PostgreSQL's statistics keep). */
    java.util.List<String> mostCommon(int n) {
        return current().frequencies().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /** The distinct two-character substrings, by code point, as {@code portal.bigrams} makes them. */
    static Set<String> bigrams(String text) {
        Set<String> out = new LinkedHashSet<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
            synchronized (this) {
                s = snapshot;
                if (s == null || s.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
                    s = read();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private Snapshot read() {
        Map<String, Double> frequencies = new HashMap<>();
        jdbc.sql("""
                select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs from pg_stats
                 where schemaname = 'portal' and tablename = 'subject' and attname = 'tokens'""")
                .query(rs -> {
                    java.sql.Array elems = rs.getArray("elems");
                    java.sql.Array freqs = rs.getArray("freqs");
                    if (elems != null && freqs != null) {
                        String[] e = (String[]) elems.getArray();
                        Float[] f = (Float[]) freqs.getArray();
                        for (int i = 0; i < e.length && i < f.length; i++) {
                            frequencies.put(e[i], f[i].doubleValue());
                        }
                    }
                });
        double rows = jdbc.sql("select greatest(reltuples, 0) from pg_class where oid = 'portal.subject'::regclass")
                .query(Double.class).single();
        return new Snapshot(clock.instant(), frequencies, rows);
    }
}

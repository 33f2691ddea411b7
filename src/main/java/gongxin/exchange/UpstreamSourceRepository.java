package gongxin.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each upstream source's pulls stand (table {@code exchange.upstream_source}). */
@Repository
class UpstreamSourceRepository {

    /** A source's state: the cursor its next pull starts from, and how its last attempts went. */
    record State(String cursor, Instant lastAttemptAt, Instant lastSuccessAt, String lastError, long pulled) {
    }

    private final JdbcClient jdbc;

    UpstreamSourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<State> state(String code) {
        return jdbc.sql("select * from exchange.upstream_source where code = ?").param(code)
                .query((rs, n) -> new State(rs.getString("cursor"), instant(rs.getTimestamp("last_attempt_at")),
                        instant(rs.getTimestamp("last_success_at")), rs.getString("last_error"), rs.getLong("pulled")))
                .optional();
    }

    /** A pull starts: the source is known from now on; its cursor. */
    String attempt(String code, Instant at) {
        jdbc.sql("""
                insert into exchange.upstream_source (code, last_attempt_at) values (?, ?)
                on conflict (code) do update set last_attempt_at = excluded.last_attempt_at""")
                .params(code, Timestamp.from(at)).update();
        return jdbc.sql("select cursor from exchange.upstream_source where code = ?").param(code).query(String.class).optional()
                .orElse(null);
    }

    /** A page was taken: where the next one starts. */
    void advance(String code, String cursor, int entries) {
        jdbc.sql("update exchange.upstream_source set cursor = ?, pulled = pulled + ? where code = ?").params(cursor, entries, code).update();
    }

    void failed(String code, String error) {
        jdbc.sql("update exchange.upstream_source set last_error = ? where code = ?").params(error, code).update();
    }

    void succeeded(String code, Instant at) {
        jdbc.sql("update exchange.upstream_source set last_success_at = ?, last_error = null where code = ?")
                .params(Timestamp.from(at), code).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

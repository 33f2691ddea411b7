package gongxin.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Where reads of public information go (issue 27, 7): a PostgreSQL streaming replica when one is configured
 * ({@code spring.datasource.replica.url}, {@code .username}, {@code .password}) and caught up, else the primary.
 *
 * <ul>
 *   <li><b>Caught up</b> means the replica has replayed everything the primary had written {@code gongxin.replica.max-lag}
 *       ago (default 10 s). Every second the primary's WAL position is sampled next to the replica's replay position;
 *       a replica that is further behind, or does not answer, is left aside until it has caught up again.</li>
 *   <li><b>Read-your-writes for staff</b>: a signed-in staff user's reads always go to the primary, so that what they
 *       have just changed is what they see. The public and business systems read what the replica has, at most
 *       {@code max-lag} old.</li>
 *   <li>Writes never go to the replica (it is read-only by construction: a standby refuses them).</li>
 * </ul>
 */
@Component
public class PublicReads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublicReads.class);

    private final JdbcClient primary;
    private final HikariDataSource replicaPool;
    private final JdbcClient replica;
    private final Duration maxLag;
    private final Clock clock;
    private final ReplicaLag lag;
    private volatile boolean replicaCaughtUp;

    PublicReads(DataSource dataSource, Clock clock,
                @Value("${spring.datasource.replica.url:}") String url,
                @Value("${spring.datasource.replica.username:}") String username,
                @Value("${spring.datasource.replica.password:}") String password,
                @Value("${gongxin.replica.max-lag:10s}") Duration maxLag) {
        this.primary = JdbcClient.create(dataSource);
        this.clock = clock;
        this.maxLag = maxLag;
        this.lag = new ReplicaLag(maxLag);
        if (url == null || url.isBlank()) {
            this.replicaPool = null;
            this.replica = null;
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("replica");
        config.setJdbcUrl(url);
        config.setUsername(username == null || username.isBlank() ? null : username);
        config.setPassword(password == null || password.isBlank() ? null : password);
        config.setReadOnly(true);
        config.setMaximumPoolSize(20);
        config.setMinimumIdle(2);
        // a replica that is down must not hold a public request for long: the primary answers instead
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        this.replicaPool = new HikariDataSource(config);
        this.replica = JdbcClient.create(replicaPool);
        log.info("Public reads go to the replica {} while it is at most {} behind the primary", url, maxLag);
    }

    /**
     * The database a read of public information should use now: the replica when it is configured and caught up and
     * the reader is not a signed-in staff user; the primary otherwise.
     */
    public JdbcClient jdbc() {
        return replica != null && replicaCaughtUp && !staffReading() ? replica : primary;
    }

    /** Set while the website reads a public page through other modules (ADR 0033). */
    private static final ThreadLocal<Boolean> PUBLIC_PAGE = new ThreadLocal<>();

    /**
     * Runs the reads of a public page that other modules make for it (a subject's entries, a list page, the counts of
     * search results): inside, {@link #jdbcFor} lets their reads of public information go where {@link #jdbc()} would.
     */
    public <T> T forPublicPage(java.util.function.Supplier<T> read) {
        Boolean outer = PUBLIC_PAGE.get();
        PUBLIC_PAGE.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                PUBLIC_PAGE.remove();
            }
        }
    }

    /**
     * The client for a module's read that may serve a public page: the replica inside {@link #forPublicPage} when
     * {@link #jdbc()} chooses it, the module's own client otherwise (staff, grading and every other reader keep reading
     * the primary through the same methods).
     */
    public JdbcClient jdbcFor(JdbcClient own) {
        return Boolean.TRUE.equals(PUBLIC_PAGE.get()) && replica != null && jdbc() == replica ? replica : own;
    }

    /** Whether a replica is configured and currently serves public reads. */
    public boolean replicaServing() {
        return replica != null && replicaCaughtUp;
    }

    @Scheduled(fixedDelayString = "${gongxin.replica.sample-every:1s}")
    void sample() {
        if (replica == null) {
            return;
        }
        Instant now = clock.instant();
        try {
            long primaryAt = ReplicaLag.lsn(primary.sql("select pg_current_wal_lsn()::text").query(String.class).single());
            String replayed = replica.sql("select pg_last_wal_replay_lsn()::text").query(String.class).optional().orElse(null);
            boolean caughtUp = lag.caughtUp(now, primaryAt, replayed == null ? null : ReplicaLag.lsn(replayed));
            if (caughtUp != replicaCaughtUp) {
                log.info(caughtUp ? "The replica has caught up: public reads go to it"
                        : "The replica is more than {} behind the primary: public reads go to the primary", maxLag);
            }
            replicaCaughtUp = caughtUp;
        } catch (RuntimeException e) {
            if (replicaCaughtUp) {
                log.warn("The replica does not answer: public reads go to the primary ({})", e.getMessage());
            }
            replicaCaughtUp = false;
        }
    }

    /** Staff user names carry no {@code api:} prefix; the public is anonymous. */
    private static boolean staffReading() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && !authentication.getName().startsWith("api:");
    }

    @Override
    public void destroy() {
        if (replicaPool != null) {
            replicaPool.close();
        }
    }
}

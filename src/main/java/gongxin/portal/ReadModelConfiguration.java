package gongxin.portal;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import gongxin.audit.AuditLog;
import gongxin.shared.Sm3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notices at start-up that the read model was built with another configuration (masking rules changed, a new version
 * of the projection) and builds it again, in the background: the website serves the old read model until the new
 * one commits. Operators can also ask for a rebuild (after renaming a department, say) through {@link PortalAdminApi}.
 */
@Component
class ReadModelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadModelConfiguration.class);
    /** Raise when the projection itself derives something differently, so that installed read models are rebuilt. */
    /** 2: ID numbers in entries are stored masked (a read model of version 1 held them in clear). */
    /** 3: entries named by kind and id, with whether repair and objection apply (issue 21, the credit-entry contract). */
    /** 4: subjects only, with their registry id; entries are read from their producers (issue 27, 4; ADR 0033). */
    static final int PROJECTION_VERSION = 4;

    private final Masking masking;
    private final PortalProjection projection;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ReadModelConfiguration(Masking masking, PortalProjection projection, JdbcClient jdbc,
                           AuditLog audit, Clock clock) {
        this.masking = masking;
        this.projection = projection;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** SM3 of the configuration the projection derives entries from, in a stable order. */
    String fingerprint() {
        StringBuilder text = new StringBuilder("projection=").append(PROJECTION_VERSION);
        // sections are not in it: entries are read from their producers and put in their sections when read (ADR 0033)
        new TreeMap<>(masking.rules()).forEach((kind, rule) -> text.append(";mask:").append(kind).append('=')
                .append(rule.keepStart()).append(',').append(rule.keepEnd()));
        return Sm3.hex(text.toString());
    }

    Optional<String> stored() {
        return jdbc.sql("select fingerprint from portal.projection_state where id = 1").query(String.class).optional();
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        if (needsRebuild()) {
            Thread rebuild = new Thread(() -> rebuild("configuration-changed", true), "portal-rebuild");
            rebuild.setDaemon(true);
            rebuild.start();
        }
    }

    /**
     * Whether the read model was built with another configuration than the one in force. An empty read model has
     * nothing to rebuild: it is built with the configuration in force from now on, which is remembered.
     */
    boolean needsRebuild() {
        String current = fingerprint();
        if (stored().filter(current::equals).isPresent()) {
            return false;
        }
        if (jdbc.sql("select not exists (select 1 from portal.subject)").query(Boolean.class).single()) {
            remember(current, false);
            return false;
        }
        return true;
    }

    /** Builds the read model again and remembers the configuration it was built with. */
    synchronized PortalProjection.Rebuilt rebuild(String reason, boolean bySystem) {
        String current = fingerprint();
        log.info("Rebuilding the public read model ({})", reason);
        long start = System.nanoTime();
        PortalProjection.Rebuilt done = projection.rebuild();
        remember(current, true);
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Rebuilt the public read model in {} ms: {}", millis, done);
        Map<String, Object> details = Map.of("reason", reason, "records", done.records(), "entries", done.entries(),
                "subjects", done.subjects(), "subjectsRemoved", done.subjectsRemoved(), "millis", millis);
        if (bySystem) {
            audit.recordAs("system", "PORTAL_REBUILT", "portal", null, details);
        } else {
            audit.record("PORTAL_REBUILT", "portal", null, details);
        }
        return done;
    }

    private void remember(String fingerprint, boolean rebuilt) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into portal.projection_state (id, fingerprint, rebuilt_at, updated_at) values (1, :f, :rebuilt, :now)
                on conflict (id) do update set fingerprint = excluded.fingerprint,
                    rebuilt_at = coalesce(excluded.rebuilt_at, portal.projection_state.rebuilt_at), updated_at = excluded.updated_at""")
                .param("f", fingerprint).param("rebuilt", rebuilt ? now : null).param("now", now).update();
    }
}

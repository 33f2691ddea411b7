package gongxin.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

@Service
class AuditLogService implements AuditLog {

    static final int MAX_REPORTED_BREAKS = 100;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final Clock clock;
    private final JsonMapper json;

    private final AuditCheckpoints checkpoints;
    private final org.springframework.context.ApplicationEventPublisher events;

    AuditLogService(JdbcClient jdbc, DataSource dataSource, Clock clock, AuditCheckpoints checkpoints,
                    org.springframework.context.ApplicationEventPublisher events) {
        this.checkpoints = checkpoints;
        this.events = events;
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.clock = clock;
        this.json = JsonMapper.builder().build();
    }

    @Override
    @Transactional
    public void record(String action, String objectType, String objectId, Map<String, ?> details) {
        append(currentActor(), action, objectType, objectId, null, details);
    }

    @Override
    @Transactional
    public void recordRead(String objectType, String objectId, Purpose purpose, Map<String, ?> details) {
        append(currentActor(), "READ_NON_PUBLIC", objectType, objectId, purpose.text(), details);
    }

    @Override
    @Transactional
    public void recordSubjectsRead(String channel, String objectType, String objectId, Purpose purpose, Map<String, ?> details,
                                   String matter, java.util.Collection<Long> subjectIds) {
        recordRead(objectType, objectId, purpose, details);
        List<Long> ids = subjectIds == null ? List.of() : subjectIds.stream().filter(id -> id != null && id > 0).distinct().toList();
        if (!ids.isEmpty()) {
            events.publishEvent(new SubjectsRead(channel, ids, matter, purpose.text()));
        }
    }

    @Override
    @Transactional
    public void recordAs(String actor, String action, String objectType, String objectId, Map<String, ?> details) {
        append(new Actor(actor, kindOf(actor)), action, objectType, objectId, null, details);
    }

    private void append(Actor actor, String action, String objectType, String objectId, String purpose,
                        Map<String, ?> details) {
        Head head = jdbc.sql("select seq, hash from audit.chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        String detailsJson = details == null || details.isEmpty() ? null : json.writeValueAsString(new TreeMap<>(details));
        AuditEntry unsigned = new AuditEntry(head.seq() + 1, AuditChain.storable(clock.instant()), actor.name(),
                actor.kind(), action, objectType, objectId, purpose, detailsJson, clientAddress(), head.hash(), null);
        String hash = AuditChain.hash(unsigned, head.hash());
        // the entry and the new head in one statement: one round trip less for every audited act
        jdbc.sql("""
                with entry as (
                    insert into audit.entry (seq, occurred_at, actor, actor_kind, action, object_type, object_id, purpose,
                                             details, client_address, prev_hash, hash)
                    values (:seq, :at, :actor, :kind, :action, :type, :id, :purpose, :details, :address, :prev, :hash)
                    returning seq, hash)
                update audit.chain_head h set seq = entry.seq, hash = entry.hash from entry where h.id = 1""")
                .param("seq", unsigned.seq())
                .param("at", Timestamp.from(unsigned.occurredAt()))
                .param("actor", unsigned.actor())
                .param("kind", unsigned.actorKind())
                .param("action", action)
                .param("type", objectType)
                .param("id", objectId)
                .param("purpose", purpose)
                .param("details", detailsJson)
                .param("address", unsigned.clientAddress())
                .param("prev", head.hash())
                .param("hash", hash)
                .update();
    }

    /**
     * Whether the role the application connects as could rewrite the log itself: delete or truncate entries, or, as
     * the table's owner (or a superuser), disable its triggers.
     */
    boolean applicationMayRewrite() {
        return jdbc.sql("""
                select has_table_privilege('audit.entry', 'DELETE') or has_table_privilege('audit.entry', 'UPDATE')
                       or has_table_privilege('audit.entry', 'TRUNCATE')
                       or pg_has_role((select tableowner from pg_tables where schemaname = 'audit' and tablename = 'entry'), 'MEMBER')""")
                .query(Boolean.class).single();
    }

    /** Walks the whole chain in order, recomputing every hash. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        Head head = jdbc.sql("select seq, hash from audit.chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        List<AuditCheckpoints.Checkpoint> anchors = checkpoints.read();
        Walk walk = new Walk(anchors);
        streaming.query("select * from audit.entry order by seq", (RowCallbackHandler) rs -> walk.accept(map(rs)));
        walk.finish(head);
        walk.compare(anchors, head);
        return new ChainVerification(walk.breaks.isEmpty(), walk.entries, head.seq(), List.copyOf(walk.breaks),
                clock.instant());
    }

    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new TreeMap<>();
        if (query.actor() != null) {
            where.append(" and actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.action() != null) {
            where.append(" and action = :action");
            params.put("action", query.action());
        }
        if (query.objectType() != null) {
            where.append(" and object_type = :objectType");
            params.put("objectType", query.objectType());
        }
        if (query.objectId() != null) {
            where.append(" and object_id = :objectId");
            params.put("objectId", query.objectId());
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        long total = jdbc.sql("select count(*) from audit.entry" + where).params(params).query(Long.class).single();
        List<AuditEntry> entries = jdbc.sql("select * from audit.entry" + where + " order by seq desc limit :limit offset :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((rs, n) -> map(rs)).list();
        return new AuditPage(entries, total, query.page(), query.size());
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("actor_kind"), rs.getString("action"), rs.getString("object_type"),
                rs.getString("object_id"), rs.getString("purpose"), rs.getString("details"),
                rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return new Actor("system", "SYSTEM");
        }
        if (authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return new Actor("anonymous", "PUBLIC");
        }
        return new Actor(authentication.getName(), kindOf(authentication.getName()));
    }

    /** API clients authenticate as {@code api:<name>}; staff user names cannot contain a colon. */
    private static String kindOf(String actor) {
        if (actor.startsWith("api:")) {
            return "API_CLIENT";
        }
        return switch (actor) {
            case "system" -> "SYSTEM";
            case "anonymous" -> "PUBLIC";
            default -> "STAFF";
        };
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private record Head(long seq, String hash) {
    }

    private record Actor(String name, String kind) {
    }

    /** State of the walk along the chain. */
    private static final class Walk {
        private final List<ChainVerification.Break> breaks = new ArrayList<>();
        private long entries;
        private long expectedSeq = 1;
        private String previousHash = AuditChain.GENESIS;
        /** The hashes the chain has at the anchored sequence numbers. */
        private final java.util.Map<Long, String> atAnchors = new java.util.HashMap<>();

        Walk(List<AuditCheckpoints.Checkpoint> anchors) {
            anchors.forEach(a -> atAnchors.put(a.seq(), null));
        }

        void accept(AuditEntry entry) {
            entries++;
            if (atAnchors.containsKey(entry.seq())) {
                atAnchors.put(entry.seq(), entry.hash());
            }
            boolean gap = entry.seq() != expectedSeq;
            if (gap) {
                report(expectedSeq, entry.seq() - 1, "ENTRIES_MISSING",
                        "第 " + expectedSeq + (entry.seq() - 1 > expectedSeq ? " 至 " + (entry.seq() - 1) : "")
                                + " 条审计记录缺失（已被删除）");
            } else if (!entry.prevHash().equals(previousHash)) {
                report(entry.seq() - 1, entry.seq(), "LINK_BROKEN",
                        "第 " + entry.seq() + " 条记录的前序哈希与第 " + (entry.seq() - 1)
                                + " 条记录的哈希不符：其中一条的内容或哈希被改动");
            }
            if (!entry.expectedHash().equals(entry.hash())) {
                report(entry.seq(), entry.seq(), "CONTENT_ALTERED",
                        "第 " + entry.seq() + " 条审计记录的内容与其哈希不符：记录被改动");
            }
            previousHash = entry.hash();
            expectedSeq = entry.seq() + 1;
        }

        void finish(Head head) {
            long last = expectedSeq - 1;
            if (head.seq() > last) {
                report(last + 1, head.seq(), "ENTRIES_MISSING",
                        "链尾第 " + (last + 1) + (head.seq() > last + 1 ? " 至 " + head.seq() : "") + " 条审计记录缺失（已被删除）");
            } else if (head.seq() < last || !head.hash().equals(previousHash)) {
                report(head.seq(), last, "HEAD_MISMATCH", "审计链头与最后一条记录不符：链头或链尾被改动");
            }
        }

        /**
         * What the chain must still hold according to the anchors written outside the database: the entry each one
         * names, with the hash it had. A tail deleted with the head set back verifies on its own; not against these.
         */
        void compare(List<AuditCheckpoints.Checkpoint> anchors, Head head) {
            for (AuditCheckpoints.Checkpoint a : anchors) {
                if (!a.signed()) {
                    report(Math.max(a.seq(), 0), Math.max(a.seq(), 0), "CHECKPOINT_FORGED",
                            "外部锚点文件中有一行不带平台签名：锚点文件被改动");
                } else if (a.seq() > head.seq() || atAnchors.get(a.seq()) == null) {
                    report(a.seq(), a.seq(), "TAIL_TRUNCATED", "外部锚点记载 " + a.writtenAt() + " 时日志已有第 " + a.seq()
                            + " 条记录，库中已无此记录：日志尾部被删除，链头被改回");
                } else if (!atAnchors.get(a.seq()).equals(a.hash())) {
                    report(a.seq(), a.seq(), "CHECKPOINT_MISMATCH", "第 " + a.seq() + " 条记录的哈希与 " + a.writtenAt()
                            + " 写出的外部锚点不符：该记录之前的日志被改写");
                }
            }
        }

        private void report(long seq, long lastSeq, String kind, String message) {
            if (breaks.size() < MAX_REPORTED_BREAKS) {
                breaks.add(new ChainVerification.Break(seq, lastSeq, kind, message));
            }
        }
    }

    /** A filter over the log; {@code null} fields do not filter. */
    record AuditQuery(String actor, String action, String objectType, String objectId, Instant from,
                             Instant to, int page, int size) {

        /** The filters, as the audit entry of this read records them. */
        Map<String, Object> describe() {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            map.put("actor", actor);
            map.put("action", action);
            map.put("objectType", objectType);
            map.put("objectId", objectId);
            map.put("from", from == null ? null : from.toString());
            map.put("to", to == null ? null : to.toString());
            map.put("page", page);
            return map;
        }
    }

    record AuditPage(List<AuditEntry> entries, long total, int page, int size) {
    }
}

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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
        Head head = laneOfThisTransaction();
        String detailsJson = details == null || details.isEmpty() ? null : json.writeValueAsString(new TreeMap<>(details));
        AuditEntry unsigned = new AuditEntry(head.next(), AuditChain.storable(clock.instant()), actor.name(),
                actor.kind(), action, objectType, objectId, purpose, detailsJson, clientAddress(), head.hash(), null,
                head.lane(), head.seq() + 1);
        String hash = AuditChain.hash(unsigned, head.hash());
        // the entry and the lane's new head in one statement: one round trip less for every audited act
        jdbc.sql("""
                with entry as (
                    insert into audit.entry (seq, lane, lane_seq, occurred_at, actor, actor_kind, action, object_type,
                                             object_id, purpose, details, client_address, prev_hash, hash)
                    values (:seq, :lane, :laneSeq, :at, :actor, :kind, :action, :type, :id, :purpose, :details, :address,
                            :prev, :hash)
                    returning lane, lane_seq, hash)
                update audit.chain_head h set seq = entry.lane_seq, hash = entry.hash from entry where h.id = entry.lane""")
                .param("seq", unsigned.seq())
                .param("lane", unsigned.lane())
                .param("laneSeq", unsigned.laneSeq())
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
     * The head of the lane this transaction appends to, locked until it ends, with the next global number. The first
     * entry of a transaction takes the first lane no other transaction holds ({@code skip locked}: it never waits while
     * one is free), so that concurrent audited acts commit side by side; when every lane is held it waits for one.
     * Later entries of the same transaction stay in its lane, so that a transaction holds one lane and two cannot wait
     * for each other's.
     */
    private Head laneOfThisTransaction() {
        Integer held = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Integer) TransactionSynchronizationManager.getResource(LANE_HELD) : null;
        if (held != null) {
            return jdbc.sql("select id, seq, hash, nextval('audit.entry_seq') from audit.chain_head where id = :lane for update")
                    .param("lane", held).query(AuditLogService::head).single();
        }
        Head head = jdbc.sql("""
                        select id, seq, hash, nextval('audit.entry_seq') from audit.chain_head
                         order by id limit 1 for update skip locked""")
                .query(AuditLogService::head).optional()
                .orElseGet(() -> jdbc.sql("""
                                select id, seq, hash, nextval('audit.entry_seq') from audit.chain_head
                                 where id = (select id from audit.chain_head order by random() limit 1) for update""")
                        .query(AuditLogService::head).single());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.bindResource(LANE_HELD, head.lane());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LANE_HELD);
                }
            });
        }
        return head;
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getLong(4));
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

    /** Walks every lane in order, recomputing every hash. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        List<Head> heads = jdbc.sql("select id, seq, hash, 0 from audit.chain_head order by id")
                .query(AuditLogService::head).list();
        List<AuditCheckpoints.Checkpoint> anchors = checkpoints.read();
        Walk walk = new Walk(anchors);
        streaming.query("select * from audit.entry order by lane, lane_seq", (RowCallbackHandler) rs -> walk.accept(map(rs)));
        walk.finish(heads);
        walk.compare(anchors, heads);
        return new ChainVerification(walk.breaks.isEmpty(), walk.entries, heads.stream().mapToLong(Head::seq).sum(),
                List.copyOf(walk.breaks), clock.instant());
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
                rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("hash"), rs.getInt("lane"),
                rs.getLong("lane_seq"));
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

    /** A lane's head: its last position and hash; {@code next} the global number for an entry appended now. */
    private record Head(int lane, long seq, String hash, long next) {
    }

    private static final Object LANE_HELD = new Object();

    private record Actor(String name, String kind) {
    }

    /** State of the walk along the lanes, one after the other. */
    private static final class Walk {
        private final List<ChainVerification.Break> breaks = new ArrayList<>();
        private long entries;
        private int lane = -1;
        private long expectedSeq;
        private String previousHash;
        /** Per lane, the last position and hash walked. */
        private final Map<Integer, Head> walked = new java.util.HashMap<>();
        /** The hashes the lanes have at the anchored positions. */
        private final Map<String, String> atAnchors = new java.util.HashMap<>();

        Walk(List<AuditCheckpoints.Checkpoint> anchors) {
            anchors.forEach(a -> atAnchors.put(a.lane() + ":" + a.seq(), null));
        }

        void accept(AuditEntry entry) {
            entries++;
            if (entry.lane() != lane) {
                lane = entry.lane();
                expectedSeq = 1;
                previousHash = AuditChain.GENESIS;
            }
            long at = entry.laneSeq();
            if (atAnchors.containsKey(lane + ":" + at)) {
                atAnchors.put(lane + ":" + at, entry.hash());
            }
            if (at != expectedSeq) {
                report(lane, expectedSeq, at - 1, "ENTRIES_MISSING", place(lane, expectedSeq)
                        + (at - 1 > expectedSeq ? " 至第 " + (at - 1) + " 条" : "") + "审计记录缺失（已被删除）");
            } else if (!entry.prevHash().equals(previousHash)) {
                report(lane, at - 1, at, "LINK_BROKEN", place(lane, at) + "记录的前序哈希与第 " + (at - 1)
                        + " 条记录的哈希不符：其中一条的内容或哈希被改动");
            }
            if (!entry.expectedHash().equals(entry.hash())) {
                report(lane, at, at, "CONTENT_ALTERED", place(lane, at) + "审计记录的内容与其哈希不符：记录被改动");
            }
            previousHash = entry.hash();
            expectedSeq = at + 1;
            walked.put(lane, new Head(lane, at, entry.hash(), 0));
        }

        void finish(List<Head> heads) {
            for (Head head : heads) {
                Head last = walked.getOrDefault(head.lane(), new Head(head.lane(), 0, AuditChain.GENESIS, 0));
                if (head.seq() > last.seq()) {
                    report(head.lane(), last.seq() + 1, head.seq(), "ENTRIES_MISSING", "链尾" + place(head.lane(), last.seq() + 1)
                            + (head.seq() > last.seq() + 1 ? " 至第 " + head.seq() + " 条" : "") + "审计记录缺失（已被删除）");
                } else if (head.seq() < last.seq() || !head.hash().equals(last.hash())) {
                    report(head.lane(), head.seq(), last.seq(), "HEAD_MISMATCH",
                            "第 " + head.lane() + " 链的链头与最后一条记录不符：链头或链尾被改动");
                }
            }
            walked.keySet().stream().filter(l -> heads.stream().noneMatch(h -> h.lane() == l)).sorted().forEach(l ->
                    report(l, 1, walked.get(l).seq(), "HEAD_MISMATCH", "第 " + l + " 链没有链头：链头被删除"));
        }

        /**
         * What the lanes must still hold according to the anchors written outside the database: the entry each one
         * names, with the hash it had. A tail deleted with the head set back verifies on its own; not against these.
         */
        void compare(List<AuditCheckpoints.Checkpoint> anchors, List<Head> heads) {
            for (AuditCheckpoints.Checkpoint a : anchors) {
                long headSeq = heads.stream().filter(h -> h.lane() == a.lane()).mapToLong(Head::seq).findFirst().orElse(0);
                String hash = atAnchors.get(a.lane() + ":" + a.seq());
                if (!a.signed()) {
                    report(a.lane(), Math.max(a.seq(), 0), Math.max(a.seq(), 0), "CHECKPOINT_FORGED",
                            "外部锚点文件中有一行不带平台签名：锚点文件被改动");
                } else if (a.seq() > headSeq || hash == null) {
                    report(a.lane(), a.seq(), a.seq(), "TAIL_TRUNCATED", "外部锚点记载 " + a.writtenAt() + " 时日志"
                            + place(a.lane(), a.seq()) + "记录已存在，库中已无此记录：日志尾部被删除，链头被改回");
                } else if (!hash.equals(a.hash())) {
                    report(a.lane(), a.seq(), a.seq(), "CHECKPOINT_MISMATCH", place(a.lane(), a.seq()) + "记录的哈希与 "
                            + a.writtenAt() + " 写出的外部锚点不符：该记录之前的日志被改写");
                }
            }
        }

        private static String place(int lane, long seq) {
            return "第 " + lane + " 链第 " + seq + " 条";
        }

        private void report(int lane, long seq, long lastSeq, String kind, String message) {
            if (breaks.size() < MAX_REPORTED_BREAKS) {
                breaks.add(new ChainVerification.Break(seq, lastSeq, kind, message, lane));
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

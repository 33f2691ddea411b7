package gongxin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/**
 * The audit log is append-only and hash-chained: whoever edits or deletes rows in the database is found out, and
 * verification says where. Every test restores what it tampered with, so the chain is whole again afterwards.
 */
class AuditChainTest extends IntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    /** A database administrator's connection: the application's own cannot do what {@link #tamper} does. */
    private final JdbcTemplate owner = gongxin.support.TestDatabase.owner();

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    AuditLogService service;

    @Autowired
    AuditChainWatch watch;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /** The global numbers of the five entries written for the test, in the order written. */
    private List<Long> seqs;
    /** Their lane, and their positions in it (consecutive: they are written in one transaction). */
    private int lane;
    private long first;
    private long last;

    @BeforeEach
    void writeEntries() {
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(t -> {
            for (int i = 0; i < 5; i++) {
                audit.recordAs("auditor", "TEST_ENTRY", "test", Integer.toString(i), Map.of("n", i, "备注", "测试"));
            }
        });
        List<Map<String, Object>> rows = jdbc.sql("""
                select * from (select seq, lane, lane_seq from audit.entry where action = 'TEST_ENTRY' order by seq desc limit 5) x
                 order by seq""")
                .query().listOfRows();
        seqs = rows.stream().map(r -> ((Number) r.get("seq")).longValue()).toList();
        lane = ((Number) rows.get(0).get("lane")).intValue();
        first = ((Number) rows.get(0).get("lane_seq")).longValue();
        last = first + 4;
        assertThat(rows).extracting(r -> ((Number) r.get("lane")).intValue()).containsOnly(lane);
        assertThat(rows).extracting(r -> ((Number) r.get("lane_seq")).longValue()).containsExactly(first, first + 1, first + 2, first + 3, last);
    }

    /** The global number of the test's entry at position {@code position} of its lane. */
    private long seqAt(long position) {
        return seqs.get((int) (position - first));
    }

    @AfterEach
    void chainIsWholeAgain() {
        assertThat(verify().get("valid").booleanValue()).isTrue();
    }

    private JsonNode verify() {
        TestHttp.Response response = staff("auditor").get("/api/v1/audit/verify");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /** What a database administrator could do behind the application's back. */
    private void tamper(String sql, Object... args) {
        owner.execute("alter table audit.entry disable trigger entry_append_only");
        try {
            owner.update(sql, args);
        } finally {
            owner.execute("alter table audit.entry enable trigger entry_append_only");
        }
    }

    private static List<String> kinds(JsonNode verification) {
        return verification.get("breaks").valueStream().map(b -> b.get("kind").asString() + "@" + b.get("lane").asInt() + ":" + b.get("seq").asLong()).toList();
    }

    @Test
    void an_intact_chain_verifies() {
        JsonNode result = verify();
        assertThat(result.get("valid").booleanValue()).isTrue();
        assertThat(result.get("entries").asLong()).isEqualTo(result.get("headSeq").asLong());
    }

    @Test
    void the_application_cannot_change_or_delete_entries() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update audit.entry set actor = 'x' where seq = ?")
                .param(seqAt(first)).update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from audit.entry where seq = ?")
                .param(seqAt(first)).update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("truncate audit.entry").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("alter table audit.entry disable trigger entry_append_only")
                .update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("must be owner");
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("gongxin_app");
    }

    @Test
    void even_the_owner_cannot_change_or_truncate_the_log_without_disabling_its_triggers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> owner.update("update audit.entry set actor = 'x' where seq = ?", seqAt(first)))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> owner.execute("truncate audit.entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    /**
     * Issue 27, 3: an audited act takes a lane no open transaction holds, so it neither waits for another's commit nor
     * makes it wait. With a single chain head the second act below waited for the first one's lock until it timed out.
     */
    @Test
    void an_audited_act_does_not_wait_for_another_that_is_still_open() throws Exception {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        var holding = new java.util.concurrent.CountDownLatch(1);
        var passed = new java.util.concurrent.CountDownLatch(1);
        var other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var open = other.submit(() -> tx.execute(t -> {
                audit.recordAs("auditor", "TEST_HOLDING", "test", "open", Map.of());
                holding.countDown();
                try {
                    passed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holding.await();
            tx.executeWithoutResult(t -> {
                jdbc.sql("set local lock_timeout = '10s'").update();
                audit.recordAs("auditor", "TEST_PASSING", "test", "passing", Map.of());
            });
            passed.countDown();
            open.get();
        } finally {
            passed.countDown();
            other.shutdown();
        }
        List<Integer> lanes = jdbc.sql("""
                select lane from audit.entry where action in ('TEST_HOLDING', 'TEST_PASSING') and object_id in ('open', 'passing')
                 order by seq desc limit 2""").query(Integer.class).list();
        assertThat(lanes).hasSize(2).doesNotHaveDuplicates();
    }

    @Nested
    class Editing {

        @Test
        void an_edited_entry_is_found_and_located() {
            String original = jdbc.sql("select details from audit.entry where seq = ?").param(seqAt(first + 2)).query(String.class).single();
            tamper("update audit.entry set details = ? where seq = ?", "{\"n\":99}", seqAt(first + 2));
            try {
                JsonNode result = verify();
                assertThat(result.get("valid").booleanValue()).isFalse();
                assertThat(kinds(result)).containsExactly("CONTENT_ALTERED@" + lane + ":" + (first + 2));
                assertThat(result.get("breaks").get(0).get("message").asString()).contains("第 " + lane + " 链第 " + (first + 2) + " 条");
            } finally {
                tamper("update audit.entry set details = ? where seq = ?", original, seqAt(first + 2));
            }
        }

        @Test
        void an_edit_with_a_recomputed_hash_still_breaks_the_next_link() {
            AuditEntry entry = jdbc.sql("select * from audit.entry where seq = ?").param(seqAt(first + 1))
                    .query(AuditEntry.class).single();
            AuditEntry forged = new AuditEntry(entry.seq(), entry.occurredAt(), "someone-else", entry.actorKind(), entry.action(),
                    entry.objectType(), entry.objectId(), entry.purpose(), entry.details(), entry.clientAddress(), entry.prevHash(), null,
                    entry.lane(), entry.laneSeq());
            String forgedHash = AuditChain.hash(forged, entry.prevHash());
            tamper("update audit.entry set actor = ?, hash = ? where seq = ?", "someone-else", forgedHash, seqAt(first + 1));
            try {
                JsonNode result = verify();
                assertThat(kinds(result)).containsExactly("LINK_BROKEN@" + lane + ":" + (first + 1));
                assertThat(result.get("breaks").get(0).get("lastSeq").asLong()).isEqualTo(first + 2);
            } finally {
                tamper("update audit.entry set actor = ?, hash = ? where seq = ?", entry.actor(), entry.hash(), seqAt(first + 1));
            }
        }
    }

    @Nested
    class Deleting {

        @Test
        void a_deleted_entry_is_found_and_located() {
            Map<String, Object> row = jdbc.sql("select * from audit.entry where seq = ?").param(seqAt(first + 3)).query().singleRow();
            tamper("delete from audit.entry where seq = ?", seqAt(first + 3));
            try {
                JsonNode result = verify();
                assertThat(kinds(result)).containsExactly("ENTRIES_MISSING@" + lane + ":" + (first + 3));
                assertThat(result.get("breaks").get(0).get("message").asString()).contains("缺失");
            } finally {
                reinsert(row);
            }
        }

        @Test
        void deleting_the_tail_and_setting_the_head_back_is_found_by_the_checkpoint_outside_the_database() {
            assertThat(checkpoints.write()).extracting(c -> c.lane() + ":" + c.seq()).contains(lane + ":" + last);
            Map<String, Object> previous = jdbc.sql("select lane_seq, hash from audit.entry where seq = ?").param(seqAt(last - 1)).query().singleRow();
            Map<String, Object> row = jdbc.sql("select * from audit.entry where seq = ?").param(seqAt(last)).query().singleRow();
            // what an owner of the database can do: drop the last entry and make the head agree
            tamper("delete from audit.entry where seq = ?", seqAt(last));
            owner.update("update audit.chain_head set seq = ?, hash = ? where id = ?", previous.get("lane_seq"), previous.get("hash"), lane);
            try {
                // verified by the service itself: a request would append entries after the head that was set back
                ChainVerification result = service.verify();
                assertThat(result.breaks()).extracting(b -> b.kind() + "@" + b.lane() + ":" + b.seq()).containsExactly("TAIL_TRUNCATED@" + lane + ":" + last);
                assertThat(result.breaks().get(0).message()).contains("尾部被删除");
            } finally {
                reinsert(row);
                owner.update("update audit.chain_head set seq = ?, hash = ? where id = ?", row.get("lane_seq"), row.get("hash"), lane);
            }
        }

        @Test
        void a_checkpoint_line_without_the_platform_signature_is_reported() throws Exception {
            java.nio.file.Path file = checkpoints.file();
            java.util.List<String> before = java.nio.file.Files.exists(file) ? java.nio.file.Files.readAllLines(file) : List.of();
            java.nio.file.Files.writeString(file, lane + "\t" + last + "\t" + "0".repeat(64) + "\t2026-11-24T00:00:00Z\tAAAA\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            try {
                assertThat(kinds(verify())).contains("CHECKPOINT_FORGED@" + lane + ":" + last);
            } finally {
                java.nio.file.Files.write(file, before);
            }
        }

        @Test
        void deleting_the_tail_is_found_by_the_chain_head() {
            Map<String, Object> row = jdbc.sql("select * from audit.entry where seq = ?").param(seqAt(last)).query().singleRow();
            tamper("delete from audit.entry where seq = ?", seqAt(last));
            try {
                JsonNode result = verify();
                assertThat(kinds(result)).containsExactly("ENTRIES_MISSING@" + lane + ":" + last);
            } finally {
                reinsert(row);
            }
        }
    }

    private void reinsert(Map<String, Object> row) {
        tamper("""
                insert into audit.entry (seq, lane, lane_seq, occurred_at, actor, actor_kind, action, object_type, object_id,
                                         purpose, details, client_address, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                row.get("seq"), row.get("lane"), row.get("lane_seq"), row.get("occurred_at"), row.get("actor"), row.get("actor_kind"), row.get("action"),
                row.get("object_type"), row.get("object_id"), row.get("purpose"), row.get("details"),
                row.get("client_address"), row.get("prev_hash"), row.get("hash"));
    }

    @Test
    void the_nightly_verification_records_its_result_in_the_chain() {
        ChainVerification result = watch.verifyNow();
        assertThat(result.valid()).isTrue();
        String details = jdbc.sql("select details from audit.entry where actor = 'system' and action = 'AUDIT_CHAIN_VERIFIED' order by seq desc limit 1")
                .query(String.class).single();
        assertThat(details).contains("\"valid\":true");
        assertThat(staff("auditor").get("/audit").body()).contains("最近一次自动校验");
    }

    @Test
    void the_audit_page_shows_entries_and_the_verification() {
        TestHttp auditor = staff("auditor");
        assertThat(auditor.get("/audit?action=TEST_ENTRY").body()).contains("审计日志", "TEST_ENTRY", "auditor");
        assertThat(jdbc.sql("""
                select count(*) from audit.entry
                 where action = 'READ_NON_PUBLIC' and object_type = 'audit_log' and actor = 'auditor' and details like ?""")
                .param("%TEST_ENTRY%").query(Integer.class).single()).as("reading the log is on record").isPositive();
        assertThat(staffWithoutPurpose("auditor").get("/api/v1/audit/entries").status()).isEqualTo(422);
        TestHttp.Response result = auditor.form("/audit/verify", Map.of("_csrf", auditor.csrfOf("/audit")));
        assertThat(result.body()).contains("完整：未发现改动或删除");
    }
}

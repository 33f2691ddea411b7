package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The search rows the set-based projection writes are exactly those the definition gives, former names included. */
class SubjectTokenTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PortalRepository repository;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * Two writers of one batch bring the same new subject: the second waits for the first and then takes its row, the
     * later name winning. (The narrower race CI once hit, both writers past ON CONFLICT's check before either inserted,
     * ends in a unique violation on the public id that the repository answers by running the statement again under a
     * savepoint; this test does not reproduce that timing.)
     */
    @Test
    void two_writers_bringing_the_same_new_subject_at_once_both_succeed() throws Exception {
        String code = gongxin.support.PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        PortalRepository.SubjectRow older = new PortalRepository.SubjectRow("C:" + code, code, "ORGANIZATION", "示例市并发老字号",
                java.time.LocalDate.parse("2025-06-01"), code, null, null, java.util.List.of(), null);
        PortalRepository.SubjectRow newer = new PortalRepository.SubjectRow("C:" + code, code, "ORGANIZATION", "示例市并发食品有限公司",
                java.time.LocalDate.parse("2026-06-01"), code, null, null, java.util.List.of(), null);
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> first = two.submit(() -> tx.executeWithoutResult(s -> {
                repository.upsertSubjects(java.util.List.of(older));
                written.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            written.await();
            java.util.concurrent.Future<?> second = two.submit(() -> tx.executeWithoutResult(s -> repository.upsertSubjects(java.util.List.of(newer))));
            // the second waits on the first's uncommitted row
            long until = System.currentTimeMillis() + 60_000;
            while (jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%portal.subject%'")
                    .query(Long.class).single() == 0) {
                assertThat(System.currentTimeMillis()).as("the second writer to wait").isLessThan(until);
                Thread.sleep(20);
            }
            commit.countDown();
            first.get();
            second.get();
        } finally {
            two.shutdownNow();
        }
        assertThat(jdbc.sql("select name from portal.subject where credit_code = ?").param(code).query(String.class).single())
                .isEqualTo("示例市并发食品有限公司");
    }

    private long difference(String code) {
        return jdbc.sql("""
                select count(*) from (
                  (select t.token, t.former, t.name_length from portal.subject_token t join portal.subject s on s.id = t.subject_id
                    where s.credit_code = :code
                   except all
                   select r.token, r.former, r.name_length from portal.subject s,
                          portal.subject_token_rows(s.id, s.category, s.name, s.former_names) r where s.credit_code = :code)
                  union all
                  (select r.token, r.former, r.name_length from portal.subject s,
                          portal.subject_token_rows(s.id, s.category, s.name, s.former_names) r where s.credit_code = :code
                   except all
                   select t.token, t.former, t.name_length from portal.subject_token t join portal.subject s on s.id = t.subject_id
                    where s.credit_code = :code)) d""").param("code", code).query(Long.class).single();
    }

    @Test
    void a_new_subject_and_a_renamed_one_have_the_rows_of_their_names() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String u = PenaltyFile.uniqueWord();
        acceptedPenalty(code, "示例市" + u + "旧名称商行", "2025-06-01");
        assertThat(jdbc.sql("select count(*) from portal.subject_token t join portal.subject s on s.id = t.subject_id where s.credit_code = ?")
                .param(code).query(Long.class).single()).isPositive();
        assertThat(difference(code)).isZero();
        acceptedPenalty(code, "示例市" + u + "新名称有限公司", "2026-06-01");
        assertThat(jdbc.sql("select former_names from portal.subject where credit_code = ?").param(code).query(String.class).single())
                .contains("旧名称商行");
        assertThat(difference(code)).as("after the rename (trigger) too").isZero();
    }

    @Test
    void a_subject_created_with_a_former_name_in_one_batch_has_its_former_rows() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String u = PenaltyFile.uniqueWord();
        PenaltyFile file = new PenaltyFile();
        var older = file.valid();
        older.put("统一社会信用代码", code);
        older.put("行政相对人名称", "示例市" + u + "老字号酱园");
        older.put("处罚决定日期", "2025-06-01");
        older.put("行政处罚决定书文号", "示市监罚〔2025〕" + ThreadLocalRandom.current().nextInt(1_000_000) + "号");
        var newer = file.valid();
        newer.put("统一社会信用代码", code);
        newer.put("行政相对人名称", "示例市" + u + "食品有限公司");
        newer.put("处罚决定日期", "2026-06-01");
        var answer = apiClient(DEMO_API_KEY).postJson("/api/v1/submissions", java.util.Map.of("item", "XZCF", "records",
                java.util.List.of(newer, older)));
        assertThat(answer.json().get("accepted").intValue()).as(answer.body()).isEqualTo(2);
        assertThat(jdbc.sql("select name from portal.subject where credit_code = ?").param(code).query(String.class).single())
                .endsWith("食品有限公司");
        assertThat(jdbc.sql("""
                select count(*) from portal.subject_token t join portal.subject s on s.id = t.subject_id
                 where s.credit_code = ? and t.former""").param(code).query(Long.class).single()).isPositive();
        assertThat(difference(code)).isZero();
    }

    @Test
    void a_subject_created_and_renamed_in_one_batch_has_the_rows_of_its_names_once() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String u = PenaltyFile.uniqueWord();
        PenaltyFile file = new PenaltyFile();
        java.util.List<java.util.Map<String, String>> rows = new java.util.ArrayList<>();
        // the first chunk creates the subject, the second (over 1,000 rows later) renames it
        for (int i = 0; i < 1001; i++) {
            var filler = file.valid();
            filler.put("行政处罚决定书文号", "示市监罚〔2026〕填" + u + i + "号");
            rows.add(filler);
        }
        var older = file.valid();
        older.put("统一社会信用代码", code);
        older.put("行政相对人名称", "示例市" + u + "老字号酱园");
        older.put("处罚决定日期", "2025-06-01");
        older.put("行政处罚决定书文号", "示市监罚〔2025〕旧" + u + "号");
        rows.add(0, older);
        var newer = file.valid();
        newer.put("统一社会信用代码", code);
        newer.put("行政相对人名称", "示例市" + u + "食品有限公司");
        newer.put("处罚决定日期", "2026-06-01");
        newer.put("行政处罚决定书文号", "示市监罚〔2026〕新" + u + "号");
        rows.add(newer);
        var answer = apiClient(DEMO_API_KEY).postJson("/api/v1/submissions", java.util.Map.of("item", "XZCF", "records", rows));
        assertThat(answer.json().get("accepted").intValue()).as(answer.body()).isEqualTo(rows.size());
        assertThat(jdbc.sql("select name from portal.subject where credit_code = ?").param(code).query(String.class).single())
                .endsWith("食品有限公司");
        assertThat(difference(code)).isZero();
    }
}

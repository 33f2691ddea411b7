package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Nested;
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

    /**
     * Rows of the subject that differ from the definition: a stored row the definition does not give, or a row the
     * definition gives at or before its bigram's bound (every row of a bounded bigram up to its bound is stored; rows
     * after it need not be, ADR 0034).
     */
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
                          portal.subject_token_rows(s.id, s.category, s.name, s.former_names) r
                          left join portal.token_bound b on b.token = r.token
                    where s.credit_code = :code
                      and (b.token is null
                           or (not r.former, r.name_length, r.subject_id) <= (not b.former, b.name_length, b.subject_id))
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

    /**
     * A bigram carried by many names keeps only the rows a search reads (ADR 0034): the first 1,001 rows in rank order
     * are always the definition's first 1,001, whatever was bounded, renamed or removed.
     */
    @Nested
    class BoundedBigrams {

        /** {@code n} companies whose names carry {@code bigram}, of 17 name lengths in turn. */
        private void companies(String bigram, int n) {
            long base = ThreadLocalRandom.current().nextLong(1_000_000_000L);
            java.util.List<PortalRepository.SubjectRow> rows = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String code = PenaltyFile.creditCode(base + i);
                rows.add(new PortalRepository.SubjectRow("C:" + code, code, "ORGANIZATION",
                        "示例市" + bigram + "记".repeat(i % 17) + "商行", java.time.LocalDate.parse("2025-06-01"), code, null,
                        null, java.util.List.of(), null));
            }
            repository.upsertSubjects(rows);
        }

        /** The first subjects of the bigram in rank order as the definition gives them, from every subject. */
        private java.util.List<Long> defined(String bigram, int n) {
            return jdbc.sql("""
                    select r.subject_id from portal.subject s,
                           portal.subject_token_rows(s.id, s.category, s.name, s.former_names) r
                     where s.tokens @> array[:t::text] and r.token = :t
                     order by r.former desc, r.name_length, r.subject_id limit :n""")
                    .param("t", bigram).param("n", n).query(Long.class).list();
        }

        /** The first subjects of the bigram's stored rows, as a search reads them. */
        private java.util.List<Long> stored(String bigram, int n) {
            return jdbc.sql("""
                    select subject_id from portal.subject_token where token = :t
                     order by former desc, name_length, subject_id limit :n""")
                    .param("t", bigram).param("n", n).query(Long.class).list();
        }

        private long rows(String bigram) {
            return jdbc.sql("select count(*) from portal.subject_token where token = ?").param(bigram).query(Long.class).single();
        }

        @Test
        void a_bigram_of_many_names_keeps_the_rows_a_search_reads_and_the_search_finds_the_same() {
            String bigram = PenaltyFile.uniqueWord();
            companies(bigram, 2600);

            assertThat(jdbc.sql("select count(*) from portal.token_bound where token = ?").param(bigram).query(Long.class)
                    .single()).as("bounded").isOne();
            assertThat(rows(bigram)).as("rows kept").isBetween(1001L, 2599L);
            assertThat(stored(bigram, 1001)).isEqualTo(defined(bigram, 1001));

            TestHttp.Response r = http().get("/api/v1/public/subjects?q=" + java.net.URLEncoder.encode(bigram,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("total").intValue()).isEqualTo(1000);
            assertThat(r.json().get("more").booleanValue()).isTrue();
            java.util.List<String> page = new java.util.ArrayList<>();
            r.json().get("items").forEach(h -> page.add(h.get("creditCode").asString()));
            java.util.List<Long> first = defined(bigram, page.size());
            assertThat(page).isEqualTo(first.stream().map(id -> jdbc.sql("select credit_code from portal.subject where id = ?")
                    .param(id).query(String.class).single()).toList());
        }

        @Test
        void removing_the_first_names_refills_the_bigram_from_the_subjects() {
            String bigram = PenaltyFile.uniqueWord();
            companies(bigram, 2600);
            java.util.List<Long> first = stored(bigram, 1000);

            jdbc.sql("delete from portal.subject where id = any(?)").param(first.toArray(Long[]::new)).update();

            assertThat(jdbc.sql("select portal.token_rows_before_bound(?)").param(bigram).query(Long.class).single())
                    .as("rows before the bound after the refill").isEqualTo(1001L);
            assertThat(stored(bigram, 1001)).doesNotContainAnyElementsOf(first).isEqualTo(defined(bigram, 1001));
        }

        @Test
        void a_name_past_the_bound_renamed_away_has_its_former_row_first() {
            String bigram = PenaltyFile.uniqueWord();
            companies(bigram, 2600);
            String code = jdbc.sql("""
                    select s.credit_code from portal.subject s
                     where s.tokens @> array[?::text] and not exists (select 1 from portal.subject_token t where t.subject_id = s.id
                                                                  and t.token = ?)
                       and s.name like '%记记记记记记记记记记记记记记记记商行'
                     limit 1""").param(bigram).param(bigram).query(String.class).single();
            String renamed = "示例市" + PenaltyFile.uniqueWord() + "商贸有限公司";

            repository.upsertSubjects(java.util.List.of(new PortalRepository.SubjectRow("C:" + code, code, "ORGANIZATION",
                    renamed, java.time.LocalDate.parse("2026-06-01"), code, null, null, java.util.List.of(), null)));

            long id = jdbc.sql("select id from portal.subject where credit_code = ?").param(code).query(Long.class).single();
            assertThat(stored(bigram, 1)).as("a former name's row ranks first").containsExactly(id);
            assertThat(stored(bigram, 1001)).isEqualTo(defined(bigram, 1001));
            assertThat(difference(code)).isZero();
        }
    }
}

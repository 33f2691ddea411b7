package gongxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;

import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryDetail;
import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How grades are kept (issue 22): a grade found again is not written again; a small change is graded before a large
 * batch queued earlier; a grader reads only the entries that may still count (test clock: 2026-11-24).
 */
class GradeStorageTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationRepository repository;

    @Autowired
    CreditEntries entries;

    @Autowired
    TransactionTemplate transactions;

    private long subjectId(String code) {
        return jdbc.sql("select id from subjects.subject where credit_code = ?").param(code).query(Long.class).single();
    }

    private String rowVersion(long subject) {
        return jdbc.sql("select xmin::text || ':' || evaluated_at::text from evaluation.grade where subject_id = ?")
                .param(subject).query(String.class).single();
    }

    @Test
    void a_grade_found_again_is_not_written_again_and_a_new_score_is() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        acceptedPenalty(code, "示例市" + PenaltyFile.uniqueWord() + "商贸有限公司", "2026-10-12", "失信程度", "一般");
        long subject = subjectId(code);
        evaluations.regrade(List.of(subject));
        String first = rowVersion(subject);
        int score = repository.grade(subject).orElseThrow().score();

        evaluations.regrade(List.of(subject));
        assertThat(rowVersion(subject)).as("the same evaluation leaves the row as it was").isEqualTo(first);

        acceptedPenalty(code, "示例市" + PenaltyFile.uniqueWord() + "商贸有限公司", "2026-10-20", "失信程度", "一般");
        evaluations.regrade(List.of(subject));
        assertThat(rowVersion(subject)).isNotEqualTo(first);
        assertThat(repository.grade(subject).orElseThrow().score()).isLessThan(score);
    }

    @Test
    void a_small_change_is_graded_before_a_large_batch_queued_earlier() {
        evaluations.drain();
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            Instant t = Instant.parse("2026-11-24T02:00:00Z");
            List<Long> batch = LongStream.rangeClosed(900_000_001L, 900_000_600L).boxed().toList();
            repository.enqueue(batch, false, t);
            repository.enqueue(List.of(900_000_999L), true, t.plusSeconds(5));
            assertThat(repository.take(1)).containsExactly(900_000_999L);
            // a subject already waiting behind the batch moves ahead when a small change names it
            repository.enqueue(List.of(900_000_600L), true, t.plusSeconds(6));
            assertThat(repository.take(1)).containsExactly(900_000_600L);
            // then the batch, in no particular order (its subjects were queued at one instant)
            assertThat(repository.take(1)).singleElement().satisfies(id -> assertThat(id).isBetween(900_000_001L, 900_000_599L));
        });
    }

    @Test
    void a_grader_reads_only_the_entries_that_may_still_count() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String name = "示例市" + PenaltyFile.uniqueWord() + "建材有限公司";
        long ended = acceptedPenalty(code, name, "2023-03-01", "失信程度", "一般");
        long counting = acceptedPenalty(code, name, "2026-09-01", "失信程度", "一般");
        long subject = subjectId(code);
        LocalDate today = LocalDate.parse("2026-11-24");

        List<Long> all = entries.ofSubjects(List.of(subject), EntryDetail.MEASURES).get(subject).stream().map(CreditEntry::id).toList();
        List<Long> read = entries.countingOn(List.of(subject), today, EntryDetail.MEASURES).get(subject).stream()
                .map(CreditEntry::id).toList();
        assertThat(all).contains(ended, counting);
        assertThat(read).contains(counting).doesNotContain(ended);
        // and the grade is the same either way
        EvaluationModel model = evaluations.modelOn(today).orElseThrow();
        assertThat(Evaluation.of(model, entries.countingOn(List.of(subject), today, EntryDetail.MEASURES).get(subject), today).score())
                .isEqualTo(Evaluation.of(model, entries.ofSubjects(List.of(subject), EntryDetail.MEASURES).get(subject), today).score());
    }
}

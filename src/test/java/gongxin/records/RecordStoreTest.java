package gongxin.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.catalog.Severity;
import gongxin.shared.SubjectCategory;
import gongxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outcomes across the chunks of one batch and between batches. A department's first load of an item skips the
 * natural-key probe (RecordStore): repeats must still be found, whether in the same chunk or a later one.
 */
class RecordStoreTest extends IntegrationTest {

    @Autowired
    RecordIngest ingest;
    @Autowired
    Catalog catalog;
    @Autowired
    PlatformTransactionManager transactions;

    private CatalogItem penalty;
    private final String department = "TEST-" + ThreadLocalRandom.current().nextInt(1_000_000);

    private RecordDraft draft(String key, String content) {
        LocalDate decided = LocalDate.of(2026, 11, 2);
        penalty = catalog.itemInForce("XZCF", decided).orElseThrow();
        return new RecordDraft(1, penalty, department, key, SubjectCategory.ORGANIZATION, "示例市测试有限公司",
                "91329900000000019T", null, null, key, decided, Severity.ORDINARY, null, false, false, null, null,
                Map.of("CF_WSH", key, "CF_NR", content));
    }

    private List<List<Outcome>> batch(List<List<RecordDraft>> chunks) {
        return new TransactionTemplate(transactions).execute(status -> {
            RecordIngest.Session session = ingest.open(UUID.randomUUID(), "XZCF", clock.instant());
            List<List<Outcome>> outcomes = chunks.stream().map(session::ingest).toList();
            session.finish();
            return outcomes;
        });
    }

    @Test
    void repeats_are_found_in_a_first_load_across_chunks_and_in_the_next_batch() {
        List<List<Outcome>> first = batch(List.of(
                List.of(draft("甲-1", "罚款一千元"), draft("甲-2", "罚款两千元"), draft("甲-1", "罚款一千元")),
                List.of(draft("甲-1", "罚款一千元"), draft("甲-2", "警告"), draft("甲-3", "罚款三千元"))));
        assertThat(first.get(0)).containsExactly(Outcome.CREATED, Outcome.CREATED, Outcome.DUPLICATE);
        assertThat(first.get(1)).containsExactly(Outcome.DUPLICATE, Outcome.CONFLICT, Outcome.CREATED);

        List<List<Outcome>> second = batch(List.of(List.of(draft("甲-1", "罚款一千元"), draft("甲-2", "罚款五千元"),
                draft("甲-4", "罚款四千元"))));
        assertThat(second.get(0)).containsExactly(Outcome.UNCHANGED, Outcome.CORRECTED, Outcome.CREATED);
    }
}

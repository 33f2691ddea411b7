package gongxin.records;

import static org.assertj.core.api.Assertions.assertThat;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A natural person's record an earlier release published without a mainland ID number stops being published. */
class AgeUnknownBackfillTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgeUnknownBackfill backfill;

    @Test
    void a_published_record_of_a_person_whose_age_cannot_be_known_leaves_the_website() {
        String name = "约翰" + PenaltyFile.uniqueWord();
        long id = acceptedPenalty("", name, "2026-10-10", "行政相对人类别", "自然人", "证件类型", "护照",
                "证件号码", "E" + (10_000_000 + (int) (Math.random() * 89_999_999)), "法定代表人", "");
        assertThat(jdbc.sql("select not_published_reason from records.record where id = ?").param(id).query(String.class).single())
                .as("new records get the rule at ingest").isEqualTo("AGE_UNKNOWN");
        // as an earlier release stored and projected it
        jdbc.sql("update records.record set status = 'PUBLISHED', not_published_reason = null where id = ?").param(id).update();

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select status || '/' || not_published_reason from records.record where id = ?").param(id)
                .query(String.class).single()).isEqualTo("NOT_PUBLISHED/AGE_UNKNOWN");
        assertThat(jdbc.sql("select count(*) from records.transition where record_id = ? and kind = 'AGE_UNKNOWN'").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(backfill.run()).as("nothing left to change").isZero();
    }
}

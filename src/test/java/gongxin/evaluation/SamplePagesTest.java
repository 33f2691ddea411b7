package gongxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;

/** A department's staff draw an inspection sample by grade on the page, and draw it again from its seed. */
class SamplePagesTest extends IntegrationTest {

    @Test
    void staff_draw_a_sample_by_grade_and_the_same_seed_draws_the_same_subjects() {
        String clean = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String penalised = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        acceptedPenalty(clean, "示例市" + PenaltyFile.uniqueWord() + "文具有限公司", "2026-10-01", "失信程度", "轻微");
        acceptedPenalty(penalised, "示例市" + PenaltyFile.uniqueWord() + "化工有限公司", "2026-10-01", "失信程度", "严重");
        TestHttp operator = staff("operator");
        TestHttp.Response form = operator.get("/evaluation/samples");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("按信用等级抽取检查对象").contains("ratio.A");

        String population = clean + "\n" + penalised + "\n";
        TestHttp.Response drawn = operator.formPairs("/evaluation/samples", "_csrf", operator.csrfOf("/evaluation/samples"),
                "population", population, "seed", "20261124", "ratio.A", "1", "ratio.B", "1", "ratio.C", "1", "ratio.D", "1");
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(200);
        assertThat(drawn.body()).contains("id=\"seed-used\">20261124<").contains(clean).contains(penalised);
        String list = drawn.body().substring(drawn.body().indexOf("<ol id=\"drawn\""));

        TestHttp.Response again = operator.formPairs("/evaluation/samples", "_csrf", operator.csrfOf("/evaluation/samples"),
                "population", population, "seed", "20261124", "ratio.A", "1", "ratio.B", "1", "ratio.C", "1", "ratio.D", "1");
        assertThat(again.body().substring(again.body().indexOf("<ol id=\"drawn\""))).isEqualTo(list);

        // a subject the platform does not have is refused by name, and nothing is drawn
        TestHttp.Response unknown = operator.formPairs("/evaluation/samples", "_csrf", operator.csrfOf("/evaluation/samples"),
                "population", PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L)) + "\n", "seed", "1");
        assertThat(unknown.body()).contains("unknown-subject").doesNotContain("id=\"seed-used\"");
        // the public cannot reach it, nor an auditor (who reads, but draws no samples); the department is always the caller's
        assertThat(http().get("/evaluation/samples").status()).isIn(302, 401, 403);
        assertThat(staff("auditor").get("/evaluation/samples").status()).isEqualTo(403);
    }
}

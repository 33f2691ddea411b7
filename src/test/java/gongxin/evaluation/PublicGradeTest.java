package gongxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A city that publishes grades (gongxin.portal.show-grades) shows a subject's grade and its reasons on its page. */
@TestPropertySource(properties = "gongxin.portal.show-grades=true")
class PublicGradeTest extends IntegrationTest {

    @Test
    void the_subject_page_shows_the_grade_with_its_reasons_when_the_city_publishes_grades() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String name = "示例市" + PenaltyFile.uniqueWord() + "建筑有限公司";
        acceptedPenalty(code, name, "2026-10-01", "失信程度", "严重");
        String page = http().get("/subjects/" + code).body();
        assertThat(page).contains("公共信用综合评价").contains("B 级").contains("近36个月严重失信行政处罚").contains("-150");
    }
}

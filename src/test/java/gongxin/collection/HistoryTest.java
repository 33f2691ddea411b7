package gongxin.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A city migrating to the platform sends the 双公示 data it has collected since 2015: accepted under the first catalog
 * edition and the rules of their date (long past their publicity, so kept but not published); earlier ones refused.
 */
class HistoryTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void penalties_since_2015_are_kept_with_the_rules_of_their_date_and_earlier_ones_refused() {
        PenaltyFile file = new PenaltyFile();
        Map<String, String> old = file.valid();
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        old.put("统一社会信用代码", code);
        old.put("处罚决定日期", "2016-03-08");
        old.put("行政处罚决定书文号", "示工商罚〔2016〕" + ThreadLocalRandom.current().nextInt(1_000_000) + "号");
        Map<String, String> older = file.valid();
        older.put("处罚决定日期", "2014-12-31");
        older.put("行政处罚决定书文号", "示工商罚〔2014〕" + ThreadLocalRandom.current().nextInt(1_000_000) + "号");

        TestHttp.Response answer = apiClient(DEMO_API_KEY).postJson("/api/v1/submissions",
                Map.of("item", "XZCF", "records", List.of(old, older)));
        assertThat(answer.json().get("accepted").intValue()).as(answer.body()).isEqualTo(1);
        assertThat(answer.json().get("errors").get(0).get("rule").asString()).isEqualTo("before-collection-era");
        assertThat(answer.json().get("errors").get(0).get("line").intValue()).isEqualTo(2);

        var stored = jdbc.sql("select status, window_end, rule_set, item_version from records.record where decision_number = ?")
                .param(old.get("行政处罚决定书文号")).query().singleRow();
        assertThat(stored.get("status")).as("its publicity ended long ago").isEqualTo("PUBLICITY_ENDED");
        assertThat(stored.get("window_end").toString()).as("a year under the rule most favourable of those in force today")
                .isEqualTo("2017-03-08");
        TestHttp.Response page = http().get("/api/v1/public/subjects/" + code);
        assertThat(page.status() == 404 || !page.body().contains(old.get("行政处罚决定书文号"))).as("not published").isTrue();
    }
}

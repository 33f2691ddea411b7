package gongxin.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 25, finding 4: the order of refusals of public applications let anyone walk record ids and learn what is not
 * public (its existence, its subject, its status, its repair date). A record that is not public answers exactly as an
 * unknown one, whoever is named; nothing is stored.
 */
class PublicApplicationsRevealNothingTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static Map<String, Object> application(String code, String name, long recordId, boolean repair) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", Map.of("creditCode", code, "name", name, "legalRepresentative", "张三"));
        body.put("target", Map.of("recordId", recordId));
        body.put("contact", Map.of("name", "李会计", "phone", "13800138000"));
        if (repair) {
            body.put("commitment", true);
            body.put("statement", "罚款已缴清，已整改");
        } else {
            body.put("reason", "公示的处罚内容有误");
        }
        return body;
    }

    /** The answer with the record id taken out, so that answers about two ids can be compared. */
    private static String withoutId(TestHttp.Response r, long id) {
        JsonNode json = r.json();
        return r.status() + " " + json.get("type") + " " + json.get("title") + " " + json.get("detail") + " "
                + json.get("errors").toString().replace(Long.toString(id), "ID");
    }

    private long applications() {
        return jdbc.sql("select count(*) from rights.application").query(Long.class).single();
    }

    @Test
    void a_record_that_is_not_public_answers_as_an_unknown_one_whoever_is_named() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String name = "示例市" + PenaltyFile.uniqueWord() + "商贸有限公司";
        // 轻微: kept, used by the department, never published (the collection rules' default)
        long hidden = acceptedPenalty(code, name, "2026-10-10", "失信程度", "轻微", "法定代表人", "张三");
        assertThat(jdbc.sql("select status from records.record where id = ?").param(hidden).query(String.class).single())
                .isEqualTo("NOT_PUBLISHED");
        long unknown = jdbc.sql("select coalesce(max(id), 0) + 1000000 from records.record").query(Long.class).single();
        long before = applications();

        for (boolean repair : new boolean[]{true, false}) {
            String path = repair ? "/api/v1/rights/repairs" : "/api/v1/rights/objections";
            TestHttp.Response none = http().postJson(path, application(code, name, unknown, repair));
            TestHttp.Response right = http().postJson(path, application(code, name, hidden, repair));
            TestHttp.Response wrong = http().postJson(path, application(code, "别的名称有限公司", hidden, repair));
            assertThat(none.status()).as(none.body()).isEqualTo(422);
            assertThat(none.json().get("errors").get(0).get("rule").asString()).isEqualTo("target-unknown");
            assertThat(withoutId(right, hidden)).as(path + ", the subject itself").isEqualTo(withoutId(none, unknown));
            assertThat(withoutId(wrong, hidden)).as(path + ", someone else").isEqualTo(withoutId(none, unknown));
        }
        assertThat(applications()).as("nothing stored").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from records.record where id = ? and objection_since is not null").param(hidden)
                .query(Long.class).single()).isZero();
    }
}

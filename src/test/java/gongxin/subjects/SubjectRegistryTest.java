package gongxin.subjects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** One subject per credit code and per ID number, kept up to date as records arrive, looked up with a purpose. */
class SubjectRegistryTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final PenaltyFile FILE = new PenaltyFile();

    /** Sends penalties as JSON (Chinese headers as keys) and expects them all accepted. */
    private void send(List<Map<String, String>> rows) {
        TestHttp.Response answer = apiClient(DEMO_API_KEY).postJson("/api/v1/submissions", Map.of("item", "XZCF", "records", rows));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("rejected").intValue()).as(answer.body()).isZero();
    }

    private Map<String, String> organisation(String code, String name, String date, String representative, String representativeId) {
        Map<String, String> row = FILE.valid();
        row.put("行政相对人名称", name);
        row.put("统一社会信用代码", code);
        row.put("法定代表人", representative);
        if (representativeId != null) {
            row.put("法定代表人证件号码", representativeId);
        }
        row.put("处罚决定日期", date);
        row.put("行政处罚决定书文号", "主体测〔" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "〕号");
        return row;
    }

    private Map<String, String> person(String name, String id, String date) {
        Map<String, String> row = organisation("", name, date, "", null);
        row.put("行政相对人类别", "自然人");
        row.put("证件类型", "身份证");
        row.put("证件号码", id);
        return row;
    }

    private JsonNode lookUp(String query) {
        TestHttp.Response response = apiClient(DEMO_API_KEY).purpose("主体信息核查").get("/api/v1/subjects?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String code() {
        return PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Nested
    class LegalRepresentatives {

        @Test
        void are_subjects_of_their_own_found_from_the_company_and_the_other_way_round() {
            String code = code();
            String id = PenaltyFile.idNumber("19700202", ThreadLocalRandom.current().nextInt(1000));
            String u = PenaltyFile.uniqueWord();
            send(List.of(organisation(code, "示例市" + u + "建材有限公司", "2026-10-01", "周" + u, id),
                    person("周" + u, id, "2026-10-02")));

            JsonNode company = lookUp("creditCode=" + code);
            assertThat(company.get("name").asString()).isEqualTo("示例市" + u + "建材有限公司");
            assertThat(company.get("category").asString()).isEqualTo("ORGANIZATION");
            JsonNode representative = company.get("legalRepresentative");
            assertThat(representative.get("name").asString()).isEqualTo("周" + u);
            assertThat(representative.get("idNumberMasked").asString()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
            assertThat(company.get("records").size()).isEqualTo(1);

            JsonNode person = lookUp("name=" + enc("周" + u) + "&idNumber=" + id);
            assertThat(person.get("id").asLong()).isEqualTo(representative.get("subjectId").asLong());
            assertThat(person.get("category").asString()).isEqualTo("NATURAL_PERSON");
            assertThat(person.get("represents").get(0).get("creditCode").asString()).isEqualTo(code);
            assertThat(person.get("records").size()).isEqualTo(1);
            assertThat(person.toString()).doesNotContain(id);
        }
    }

    /**
     * Issue 25, finding 6: a system's look-up gets what may still be shared; the revoked, the repaired and a minor's
     * records (and entries off their list) stay in the history that staff see.
     */
    @Nested
    class WhatSystemsGet {

        @Test
        void no_revoked_or_minors_records_while_staff_see_the_history() {
            String code = code();
            String u = PenaltyFile.uniqueWord();
            Map<String, String> kept = organisation(code, "示例市" + u + "商贸有限公司", "2026-10-01", "吴" + u, null);
            Map<String, String> revoked = organisation(code, "示例市" + u + "商贸有限公司", "2026-10-02", "吴" + u, null);
            String minorId = PenaltyFile.idNumber("20110315", ThreadLocalRandom.current().nextInt(1000));
            send(List.of(kept, revoked, person("少" + u, minorId, "2026-10-03")));
            long revokedId = jdbc.sql("select id from records.record where decision_number = ?")
                    .param(revoked.get("行政处罚决定书文号")).query(Long.class).single();
            TestHttp.Response revocation = apiClient(DEMO_API_KEY).postJson("/api/v1/records/" + revokedId + "/revocation",
                    Map.of("documentType", "行政复议决定书", "documentNumber", "示复决〔2026〕" + u + "号",
                            "documentDate", "2026-11-01", "reason", "处罚决定被撤销"));
            assertThat(revocation.status()).as(revocation.body()).isEqualTo(200);

            JsonNode system = lookUp("creditCode=" + code);
            assertThat(system.get("records")).hasSize(1);
            assertThat(system.get("records").get(0).get("status").asString()).isNotEqualTo("REVOKED");
            JsonNode staffView = staff("admin").purpose("窗口查询").get("/api/v1/subjects?creditCode=" + code).json();
            assertThat(staffView.get("records")).as("staff see the history").hasSize(2);

            assertThat(lookUp("name=" + enc("少" + u) + "&idNumber=" + minorId).get("records")).as("a minor's record").isEmpty();
            assertThat(staff("admin").purpose("窗口查询").get("/api/v1/subjects?name=" + enc("少" + u) + "&idNumber=" + minorId)
                    .json().get("records")).hasSize(1);
        }
    }

    @Nested
    class FormerCodes {

        @Test
        void the_numbers_an_organisation_was_known_by_find_it() {
            String code = code();
            String registration = "3202" + (10_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
            String u = PenaltyFile.uniqueWord();
            Map<String, String> old = organisation(code, "示例市" + u + "五金厂", "2024-06-01", "钱" + u, null);
            old.put("工商注册号", registration);
            old.put("组织机构代码", code.substring(8, 17));
            send(List.of(old, organisation(code, "示例市" + u + "五金有限公司", "2026-09-01", "钱" + u, null)));
            JsonNode found = lookUp("formerCode=" + registration);
            assertThat(found.get("creditCode").asString()).isEqualTo(code);
            assertThat(found.get("formerCodes").valueStream().map(c -> c.get("kind").asString() + ":" + c.get("code").asString()))
                    .containsExactlyInAnyOrder("工商注册号:" + registration, "组织机构代码:" + code.substring(8, 17));
            assertThat(lookUp("formerCode=" + code.substring(8, 17)).get("id").longValue()).isEqualTo(found.get("id").longValue());
        }
    }

    @Nested
    class Names {

        @Test
        void follow_the_newest_decision_and_keep_the_former_ones() {
            String code = code();
            String u = PenaltyFile.uniqueWord();
            send(List.of(organisation(code, "示例市" + u + "商贸有限公司", "2026-09-01", "李" + u, null)));
            send(List.of(organisation(code, "示例市" + u + "集团有限公司", "2026-10-01", "李" + u, null)));
            // a decision older than both, naming it as it was called even before
            send(List.of(organisation(code, "示例市" + u + "商店", "2025-03-01", "李" + u, null)));
            JsonNode company = lookUp("creditCode=" + code);
            assertThat(company.get("name").asString()).isEqualTo("示例市" + u + "集团有限公司");
            assertThat(company.get("formerNames").valueStream().map(JsonNode::asString))
                    .containsExactlyInAnyOrder("示例市" + u + "商贸有限公司", "示例市" + u + "商店");
            assertThat(company.get("records").size()).isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from subjects.subject where credit_code = ?").param(code).query(Integer.class).single())
                    .as("one subject per credit code").isEqualTo(1);
        }
    }

    @Nested
    class LookUp {

        @Test
        void needs_a_purpose_and_is_audited() {
            String code = code();
            send(List.of(organisation(code, "示例市" + PenaltyFile.uniqueWord() + "物业有限公司", "2026-10-01", "赵一", null)));
            TestHttp.Response refused = apiClient(DEMO_API_KEY).get("/api/v1/subjects?creditCode=" + code);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("purpose-required");
            long id = lookUp("creditCode=" + code).get("id").asLong();
            assertThat(jdbc.sql("select purpose from audit.entry where action = 'READ_NON_PUBLIC' and object_type = 'subject' and object_id = ?")
                    .param(Long.toString(id)).query(String.class).list()).containsExactly("主体信息核查");
        }

        @Test
        void refuses_bad_input_and_answers_404_for_nobody() {
            TestHttp client = apiClient(DEMO_API_KEY).purpose("主体信息核查");
            TestHttp.Response none = client.get("/api/v1/subjects");
            assertThat(none.json().get("errors").get(0).get("rule").asString()).isEqualTo("subject-required");
            TestHttp.Response invalid = client.get("/api/v1/subjects?creditCode=91310110666007217A");
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(client.get("/api/v1/subjects?creditCode=" + code()).status()).isEqualTo(404);
            String id = PenaltyFile.idNumber("19600101", 5);
            assertThat(client.get("/api/v1/subjects?name=" + enc("无此人") + "&idNumber=" + id).status()).isEqualTo(404);
            assertThat(http().get("/api/v1/subjects?creditCode=91310110666007217T").status()).isEqualTo(401);
        }
    }
}

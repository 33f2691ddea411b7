package gongxin.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** A record's life after collection: revocation, the end of publicity, timeliness; history always kept. */
@RecordApplicationEvents
class RecordLifecycleTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicityJob publicity;

    @Autowired
    ApplicationEvents events;

    @Autowired
    gongxin.support.BatchCompletions announced;

    long submit(String... changes) {
        PenaltyFile file = new PenaltyFile();
        int line = file.add(changes);
        TestHttp.Response response = apiClient(DEMO_API_KEY).multipart("/api/v1/submissions/files", "file", "a.csv",
                file.csv(StandardCharsets.UTF_8), Map.of());
        assertThat(response.json().get("accepted").intValue()).as(response.body()).isEqualTo(1);
        return jdbc.sql("select id from records.record where decision_number = ?").param(file.decisionNumber(line))
                .query(Long.class).single();
    }

    static Map<String, String> revocation() {
        return Map.of("documentType", "撤销行政处罚决定书", "documentNumber", "示例市监撤〔2026〕9号", "documentDate", "2026-11-20");
    }

    @Nested
    class Revocation {

        @Test
        void the_deciding_department_revokes_and_history_stays() {
            long id = submit();
            TestHttp operator = staff("operator");
            TestHttp.Response revoked = operator.postJsonWithCsrf("/api/v1/records/" + id + "/revocation", revocation(), "/records");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
            assertThat(revoked.json().get("data").get("CF_WSH").asString()).isNotBlank();
            JsonNode history = operator.get("/api/v1/records/" + id + "/history").json();
            assertThat(history.get("transitions").get(0).get("kind").asString()).isEqualTo("REVOKED");
            assertThat(announced.revoked(id)).isTrue();
            assertThat(jdbc.sql("select count(*) from audit.entry where action = 'RECORD_REVOKED' and object_id = ?")
                    .param(Long.toString(id)).query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void twice_is_refused() {
            long id = submit();
            TestHttp client = apiClient(DEMO_API_KEY);
            client.postJson("/api/v1/records/" + id + "/revocation", revocation());
            TestHttp.Response again = client.postJson("/api/v1/records/" + id + "/revocation", revocation());
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.json().get("errors").get(0).get("rule").asString()).isEqualTo("not-revoked");
        }

        @Test
        void a_system_acts_only_for_the_departments_registered_for_it() {
            long id = submit();
            String unregistered = newApiClient("CITY-EEB", "submit");
            TestHttp.Response refused = apiClient(unregistered).postJson("/api/v1/records/" + id + "/revocation", revocation());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(jdbc.sql("select status from records.record where id = ?").param(id).query(String.class).single())
                    .isEqualTo("PUBLISHED");
            String registered = newApiClient("CITY-EEB", List.of("CITY-SAMR"), "submit");
            TestHttp.Response revoked = apiClient(registered).postJson("/api/v1/records/" + id + "/revocation", revocation());
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        }

        @Test
        void another_department_may_not() {
            long id = submit();
            TestHttp county = staff("county-operator");
            TestHttp.Response response = county.postJsonWithCsrf("/api/v1/records/" + id + "/revocation", revocation(), "/records");
            assertThat(response.status()).isEqualTo(403);
            assertThat(jdbc.sql("select status from records.record where id = ?").param(id).query(String.class).single())
                    .isEqualTo("PUBLISHED");
        }

        @Test
        void the_revoking_document_is_required_and_dated_sensibly() {
            long id = submit();
            TestHttp.Response response = apiClient(DEMO_API_KEY).postJson("/api/v1/records/" + id + "/revocation",
                    Map.of("documentType", "", "documentNumber", "x", "documentDate", "2026-01-01"));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("errors").toString()).contains("documentType", "not-before-decision");
        }

        @Test
        void a_revoked_decision_cannot_be_corrected_by_resending() {
            PenaltyFile file = new PenaltyFile();
            int line = file.add();
            TestHttp client = apiClient(DEMO_API_KEY);
            client.multipart("/api/v1/submissions/files", "file", "a.csv", file.csv(StandardCharsets.UTF_8), Map.of());
            long id = jdbc.sql("select id from records.record where decision_number = ?").param(file.decisionNumber(line))
                    .query(Long.class).single();
            client.postJson("/api/v1/records/" + id + "/revocation", revocation());
            PenaltyFile changed = new PenaltyFile();
            Map<String, String> row = file.valid();
            row.put("行政处罚决定书文号", file.decisionNumber(line));
            row.put("处罚内容", "改了");
            changed.addRow(row);
            JsonNode answer = client.multipart("/api/v1/submissions/files", "file", "b.csv",
                    changed.csv(StandardCharsets.UTF_8), Map.of()).json();
            assertThat(answer.get("rejected").intValue()).isEqualTo(1);
            assertThat(answer.get("errors").get(0).get("rule").asString()).isEqualTo("revoked");
        }
    }

    @Nested
    class Correction {

        @Test
        void through_the_api_a_new_version_with_the_reason_audited() {
            long id = submit();
            TestHttp.Response corrected = apiClient(DEMO_API_KEY).postJson("/api/v1/records/" + id + "/correction",
                    Map.of("fields", Map.of("处罚内容", "罚款五千元（更正）"), "reason", "文书笔误"));
            assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
            assertThat(corrected.json().get("version").intValue()).isEqualTo(2);
            assertThat(corrected.json().get("data").get("CF_NR").asString()).isEqualTo("罚款五千元（更正）");
            assertThat(jdbc.sql("select details from audit.entry where action = 'RECORD_CORRECTION_REQUESTED' and object_id = ?")
                    .param(Long.toString(id)).query(String.class).single()).contains("文书笔误");
        }

        @Test
        void the_decisions_identity_cannot_change() {
            long id = submit();
            TestHttp.Response response = apiClient(DEMO_API_KEY).postJson("/api/v1/records/" + id + "/correction",
                    Map.of("fields", Map.of("行政处罚决定书文号", "另一个文号")));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("same-decision");
        }

        @Test
        void an_invalid_correction_changes_nothing() {
            long id = submit();
            TestHttp.Response response = apiClient(DEMO_API_KEY).postJson("/api/v1/records/" + id + "/correction",
                    Map.of("fields", Map.of("罚款金额（万元）", "很多")));
            assertThat(response.status()).isEqualTo(422);
            assertThat(jdbc.sql("select version from records.record where id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Nested
    class EndOfPublicity {

        @Test
        void publication_stops_by_itself_at_the_maximum() {
            long id = submit("处罚决定日期", "2025-12-01", "失信程度", "一般");
            assertThat(jdbc.sql("select window_end::text from records.record where id = ?").param(id).query(String.class).single())
                    .isEqualTo("2026-12-01");
            publicity.run();
            assertThat(status(id)).isEqualTo("PUBLISHED");
            // 2026-12-01 is its last day (Civil Code art. 201–202), still published
            clock.advance(Duration.ofDays(7));
            publicity.run();
            assertThat(status(id)).isEqualTo("PUBLISHED");
            clock.advance(Duration.ofDays(1));
            publicity.run();
            assertThat(status(id)).isEqualTo("PUBLICITY_ENDED");
            assertThat(events.stream(RecordPublicityEnded.class).filter(e -> e.recordId() == id)).hasSize(1);
            assertThat(jdbc.sql("select kind from records.transition where record_id = ?").param(id).query(String.class).list())
                    .containsExactly("PUBLICITY_ENDED");
        }

        private String status(long id) {
            return jdbc.sql("select status from records.record where id = ?").param(id).query(String.class).single();
        }
    }

    @Nested
    class FavourableRuleSetTakingEffect {

        @org.springframework.beans.factory.annotation.Autowired
        FavourableRuleSets favourable;

        @Test
        void stored_records_get_its_shorter_window_and_the_website_and_checks_follow() {
            long id = submit("处罚决定日期", "2026-10-10", "失信程度", "严重");
            assertThat(window(id)).isEqualTo("2029-10-10");
            // rule sets other tests recorded for later years may apply first; what they leave is the starting point
            favourable.apply(java.time.LocalDate.parse("2040-12-31"));
            String before = window(id);

            // a year no other test runs the publicity job in; only serious penalties are treated more leniently
            Map<String, Object> lenient = new java.util.LinkedHashMap<>();
            lenient.put("code", "TEST-LENIENT-2041");
            lenient.put("name", "测试：更有利于当事人的规则");
            lenient.put("basis", "测试文件");
            lenient.put("effectiveFrom", "2041-01-01");
            lenient.put("periods", List.of(
                    Map.of("infoType", "ADMINISTRATIVE_PENALTY", "severity", "MINOR", "maxMonths", 3, "publishedByDefault", false),
                    Map.of("infoType", "ADMINISTRATIVE_PENALTY", "severity", "ORDINARY", "minMonths", 3, "maxMonths", 12, "publishedByDefault", true),
                    Map.of("infoType", "ADMINISTRATIVE_PENALTY", "severity", "SERIOUS", "minMonths", 12, "maxMonths", 23, "publishedByDefault", true)));
            lenient.put("exclusions", List.of());
            TestHttp.Response recorded = staff("admin").postJsonWithCsrf("/api/v1/catalog/rule-sets", lenient, "/purpose");
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);

            favourable.apply(java.time.LocalDate.parse("2040-12-31"));
            assertThat(window(id)).as("not in force yet").isEqualTo(before);

            favourable.apply(java.time.LocalDate.parse("2041-01-01"));
            assertThat(window(id)).isEqualTo("2028-09-10");
            assertThat(jdbc.sql("select rule_set from records.record where id = ?").param(id).query(String.class).single())
                    .isEqualTo("TEST-LENIENT-2041");
            assertThat(jdbc.sql("select kind from records.transition where record_id = ?").param(id).query(String.class).list())
                    .contains("RULE_SET_APPLIED");
            assertThat(jdbc.sql("select valid_to::text from screening.hit where kind = 'RECORD' and source_id = ?").param(id)
                    .query(String.class).single()).isEqualTo("2028-09-11");
            // applied once
            assertThat(favourable.apply(java.time.LocalDate.parse("2041-01-02"))).isZero();
        }

        private String window(long id) {
            return jdbc.sql("select window_end::text from records.record where id = ?").param(id).query(String.class).single();
        }
    }

    @Nested
    class Timeliness {

        // years no other test relies on
        private static final String YEAR_2037 = "{\"year\": 2037, \"papers\": [\"https://www.gov.cn/example\"], \"days\": []}";
        private static final String YEAR_2038 = """
                {"year": 2038, "papers": ["https://www.gov.cn/example"], "days": [
                  {"name": "元旦", "date": "2038-01-01", "isOffDay": true}, {"name": "元旦", "date": "2038-01-04", "isOffDay": true},
                  {"name": "元旦", "date": "2038-01-05", "isOffDay": true}]}""";

        @Test
        void counts_through_a_year_not_yet_loaded_are_counted_again_when_it_is() {
            clock.set(java.time.Instant.parse("2038-01-13T02:00:00Z"));
            long id = submit("处罚决定日期", "2037-12-31");
            JsonNode before = apiClient(DEMO_API_KEY).purpose(TEST_PURPOSE).get("/api/v1/records/" + id).json().get("timeliness");
            assertThat(before.get("provisional").booleanValue()).isTrue();
            assertThat(before.get("elapsedDays").intValue()).as("weekends only").isEqualTo(9);

            TestHttp admin = staff("admin");
            for (String year : List.of(YEAR_2037, YEAR_2038)) {
                TestHttp.Response loaded = admin.multipart("/admin/calendar", "file", "year.json",
                        year.getBytes(StandardCharsets.UTF_8), Map.of("_csrf", admin.csrfOf("/admin/calendar")));
                assertThat(loaded.status()).as(loaded.body()).isEqualTo(302);
            }
            JsonNode after = apiClient(DEMO_API_KEY).purpose(TEST_PURPOSE).get("/api/v1/records/" + id).json().get("timeliness");
            assertThat(after.get("provisional").booleanValue()).isFalse();
            assertThat(after.get("elapsedDays").intValue()).as("three days of 元旦 off").isEqualTo(6);
        }

        @Test
        void each_record_knows_how_late_it_came_and_the_statistics_add_up() {
            // 2026-11-24 is the test clock's today; the market regulator has 20 working days
            long onTime = submit("处罚决定日期", "2026-11-20");
            long late = submit("处罚决定日期", "2026-09-01");
            JsonNode first = apiClient(DEMO_API_KEY).purpose(TEST_PURPOSE).get("/api/v1/records/" + onTime).json().get("timeliness");
            assertThat(first.get("deadline").asString()).isEqualTo("DOUBLE_PUBLICITY_MARKET_REGULATION");
            assertThat(first.get("elapsedDays").intValue()).isEqualTo(2);
            assertThat(first.get("onTime").booleanValue()).isTrue();
            assertThat(apiClient(DEMO_API_KEY).purpose(TEST_PURPOSE).get("/api/v1/records/" + late).json().get("timeliness").get("onTime").booleanValue()).isFalse();

            JsonNode november = null;
            for (JsonNode row : staff("admin").get("/api/v1/statistics/timeliness?from=2026-11-01&to=2026-11-30").json().get("rows")) {
                if (row.get("department").asString().equals("CITY-SAMR")) {
                    november = row;
                }
            }
            assertThat(november.get("month").asString()).isEqualTo("2026-11");
            assertThat(november.get("late").longValue()).isEqualTo(november.get("records").longValue() - november.get("onTime").longValue());
            assertThat(november.get("onTime").longValue()).isPositive();
            assertThat(staff("operator").get("/collection/timeliness").body()).contains("双公示报送及时性", "示例市市场监督管理局");
        }

        @Test
        void a_department_sees_only_its_own_statistics() {
            submit();
            JsonNode rows = staff("county-operator").get("/api/v1/statistics/timeliness").json().get("rows");
            rows.forEach(row -> assertThat(row.get("department").asString()).isEqualTo("CNTY-SAMR"));
        }
    }

    @Nested
    class Reading {

        private List<String> readsOf(String objectType, String objectId) {
            return jdbc.sql("""
                    select actor || '|' || purpose from audit.entry
                     where action = 'READ_NON_PUBLIC' and object_type = ? and object_id is not distinct from ? order by seq""")
                    .params(objectType, objectId).query(String.class).list();
        }

        @Test
        void reading_a_records_details_needs_a_purpose_and_is_audited_with_it() {
            long id = submit();
            TestHttp.Response refused = apiClient(DEMO_API_KEY).get("/api/v1/records/" + id);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("purpose-required");
            assertThat(readsOf("credit_record", Long.toString(id))).isEmpty();
            TestHttp client = apiClient(DEMO_API_KEY).purpose("政府采购资格审查");
            assertThat(client.get("/api/v1/records/" + id).status()).isEqualTo(200);
            assertThat(readsOf("credit_record", Long.toString(id))).containsExactly("api:示例市数据归集系统|政府采购资格审查");
        }

        @Test
        void lists_and_histories_are_reads_on_record_too() {
            long id = submit();
            assertThat(apiClient(DEMO_API_KEY).get("/api/v1/records?size=5").status()).isEqualTo(422);
            assertThat(apiClient(DEMO_API_KEY).get("/api/v1/records/" + id + "/history").status()).isEqualTo(422);
            TestHttp client = apiClient(DEMO_API_KEY).purpose("数据质量检查");
            long before = jdbc.sql("select count(*) from audit.entry where object_type = 'credit_record_list'").query(Long.class).single();
            JsonNode page = client.get("/api/v1/records?size=5").json();
            String listed = jdbc.sql("select details from audit.entry where object_type = 'credit_record_list' order by seq desc limit 1")
                    .query(String.class).single();
            assertThat(jdbc.sql("select count(*) from audit.entry where object_type = 'credit_record_list'").query(Long.class).single())
                    .isEqualTo(before + 1);
            page.get("items").forEach(r -> assertThat(listed).contains(r.get("id").asString()));
            assertThat(client.get("/api/v1/records/" + id + "/history").status()).isEqualTo(200);
            assertThat(readsOf("credit_record_history", Long.toString(id))).containsExactly("api:示例市数据归集系统|数据质量检查");
        }

        @Test
        void staff_pages_ask_for_the_purpose_once_and_log_every_read_with_it() {
            long id = submit();
            TestHttp operator = staffWithoutPurpose("operator");
            TestHttp.Response asked = operator.get("/records/" + id);
            assertThat(asked.status()).isEqualTo(302);
            assertThat(asked.header("Location")).contains("/purpose?next=/records/" + id);
            assertThat(readsOf("credit_record", Long.toString(id))).isEmpty();
            assertThat(operator.get("/purpose?next=/records/" + id).body()).contains("说明查询目的", "审计日志");
            String csrf = operator.csrfOf("/purpose");
            TestHttp.Response blank = operator.form("/purpose", java.util.Map.of("_csrf", csrf, "purpose", "  ", "next", "/records/" + id));
            assertThat(blank.status()).isEqualTo(200);
            assertThat(blank.body()).contains("须说明查询目的");
            TestHttp.Response declared = operator.form("/purpose", java.util.Map.of("_csrf", csrf, "purpose", "本部门报送数据核对与更正",
                    "next", "/records/" + id));
            assertThat(declared.header("Location")).endsWith("/records/" + id);
            assertThat(operator.get("/records/" + id).status()).isEqualTo(200);
            assertThat(operator.get("/records").status()).isEqualTo(200);
            assertThat(readsOf("credit_record", Long.toString(id))).containsExactly("operator|本部门报送数据核对与更正");
            assertThat(jdbc.sql("select count(*) from audit.entry where object_type = 'credit_record_list' and actor = 'operator' and purpose = ?")
                    .param("本部门报送数据核对与更正").query(Integer.class).single()).isPositive();
            // an address elsewhere is never followed
            TestHttp.Response away = operator.form("/purpose", java.util.Map.of("_csrf", csrf, "purpose", "数据质量检查",
                    "next", "//evil.example/x"));
            assertThat(away.header("Location")).endsWith("/console");
        }

        @Test
        void another_department_cannot_read_it() {
            long id = submit();
            assertThat(staff("county-operator").get("/api/v1/records/" + id).status()).isEqualTo(403);
            assertThat(staff("county-operator").get("/records/" + id).status()).isEqualTo(403);
        }

        @Test
        void the_record_page_shows_its_life() {
            long id = submit("行政相对人名称", "示例市页面展示有限公司");
            String page = staff("operator").get("/records/" + id).body();
            assertThat(page).contains("示例市页面展示有限公司", "公示中", "报送及时性", "变更历史", "撤销记录");
        }
    }
}

package gongxin;

import static org.assertj.core.api.Assertions.assertThat;

import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The endpoints anyone may call: identifier validation and working-day arithmetic (api.md). */
class PublicApiTest extends IntegrationTest {

    private JsonNode get(String path) {
        TestHttp.Response response = http().get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Found by the API fuzz test: a huge page number overflowed the offset into a 500. */
    @Test
    void a_page_beyond_the_last_one_is_refused_not_a_500() {
        for (String path : new String[]{"/api/v1/public/publicity/PENALTY?page=1658802102", "/api/v1/public/subjects?q=%E7%A4%BA%E4%BE%8B&page=2147483647"}) {
            gongxin.support.TestHttp.Response response = http().get(path);
            org.assertj.core.api.Assertions.assertThat(response.status()).as(path).isEqualTo(422);
            org.assertj.core.api.Assertions.assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("page-range");
        }
    }

    @Test
    void validates_a_full_width_lower_case_credit_code() {
        JsonNode result = get("/api/v1/identifiers/validate?value=%EF%BC%99%EF%BC%91310110666007217t");
        assertThat(result.get("kind").asString()).isEqualTo("CREDIT_CODE");
        assertThat(result.get("valid").booleanValue()).isTrue();
        assertThat(result.get("normalized").asString()).isEqualTo("91310110666007217T");
        assertThat(result.get("value").asString()).isEqualTo("９１310110666007217t");
    }

    @Test
    void explains_an_invalid_id_number() {
        JsonNode result = get("/api/v1/identifiers/validate?value=110105194912310021");
        assertThat(result.get("kind").asString()).isEqualTo("ID_NUMBER");
        assertThat(result.get("valid").booleanValue()).isFalse();
        assertThat(result.get("reason").asString()).isEqualTo("check-character");
    }

    @Test
    void adds_working_days_across_a_make_up_day() {
        JsonNode result = get("/api/v1/calendar/add-working-days?from=2024-09-27&days=1");
        assertThat(result.get("date").asString()).isEqualTo("2024-09-29");
        assertThat(result.get("provisional").booleanValue()).isFalse();
        assertThat(result.get("from").asString()).isEqualTo("2024-09-27");
        assertThat(result.get("days").intValue()).isEqualTo(1);
    }

    @Test
    void marks_a_count_into_an_unloaded_year_provisional() {
        JsonNode result = get("/api/v1/calendar/add-working-days?from=2029-12-28&days=5");
        assertThat(result.get("provisional").booleanValue()).isTrue();
        assertThat(result.get("date").asString()).isEqualTo("2030-01-04");
    }

    @Test
    void refuses_an_impossible_date_with_a_problem() {
        TestHttp.Response response = http().get("/api/v1/calendar/add-working-days?from=2026-02-30&days=3");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("from");
        assertThat(error.get("value").asString()).isEqualTo("2026-02-30");
        assertThat(error.get("rule").asString()).isEqualTo("format");
        assertThat(error.get("message").asString()).contains("日期");
    }

    @Test
    void refuses_a_missing_parameter() {
        TestHttp.Response response = http().get("/api/v1/calendar/add-working-days?from=2026-03-02");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("days");
    }

    @Test
    void the_public_tools_work_without_javascript() {
        TestHttp.Response page = http().get("/tools/working-days?from=2026-02-13&days=7");
        assertThat(page.body()).contains("2026-03-02");
        TestHttp.Response id = http().get("/tools/identifier?value=91350211M00013FA1N");
        assertThat(id.body()).contains("无效", "统一社会信用代码校验位错误");
    }
}

package gongxin.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The matter catalog and the measure lists as the credit office and business systems see them. */
class MeasureApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static Map<String, Object> measure(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "测试措施");
        body.put("kind", "PUNISHMENT");
        body.put("category", 2);
        body.put("source", "LOCAL");
        body.put("content", "从严审核");
        body.put("basis", "《示例市社会信用条例》第二十条");
        body.put("implementedBy", "各审批部门");
        body.put("mandatory", false);
        body.put("listTypes", List.of("SAMR-SERIOUS"));
        body.put("matters", List.of("LICENSING"));
        return body;
    }

    @Test
    void the_contracts_matters_and_the_measures_of_a_matter_with_their_basis() {
        TestHttp client = apiClient(newApiClient("CITY-NDRC", "check"));
        JsonNode matters = client.get("/api/v1/checks/matters").json();
        assertThat(matters.valueStream().map(m -> m.get("code").asString())).contains("GOV-PROCUREMENT", "BIDDING",
                "FISCAL-SUPPORT", "HONOURS", "LICENSING", "LAND", "APPOINTMENT");
        JsonNode bidding = client.get("/api/v1/measures?matter=BIDDING").json();
        assertThat(bidding.valueStream().map(m -> m.get("code").asString())).contains("NAT-1-BIDDING-BAN").doesNotContain("INC-FEWER-INSPECTIONS");
        JsonNode ban = bidding.valueStream().filter(m -> m.get("code").asString().equals("NAT-1-BIDDING-BAN")).findFirst().orElseThrow();
        assertThat(ban.get("kind").asString()).isEqualTo("PUNISHMENT");
        assertThat(ban.get("category").intValue()).isEqualTo(1);
        assertThat(ban.get("example").booleanValue()).isTrue();
        assertThat(ban.get("basis").asString()).isNotBlank();
        assertThat(ban.get("triggers").get("listTypes").valueStream().map(JsonNode::asString)).contains("SAMR-SERIOUS");
        assertThat(client.get("/api/v1/measures?matter=LOTTERY").json().get("errors").get(0).get("rule").asString())
                .isEqualTo("unknown-matter");
        JsonNode incentives = client.get("/api/v1/measures?matter=GOV-SERVICE").json();
        assertThat(incentives.valueStream().map(m -> m.get("kind").asString())).containsOnly("INCENTIVE");
    }

    @Test
    void the_credit_office_adds_a_measure_and_one_without_basis_or_trigger_is_refused() {
        TestHttp admin = staff("admin");
        TestHttp.Response saved = admin.request("PUT", "/api/v1/measures/LOC-TEST-A", "application/json",
                TestHttp.JSON.writeValueAsBytes(measure("LOC-TEST-A")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(403);
        String csrf = admin.csrfOf("/purpose");
        TestHttp.Response ok = admin.header("X-CSRF-TOKEN", csrf).request("PUT", "/api/v1/measures/LOC-TEST-A", "application/json",
                TestHttp.JSON.writeValueAsBytes(measure("LOC-TEST-A")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("code").asString()).isEqualTo("LOC-TEST-A");

        Map<String, Object> baseless = measure("LOC-TEST-B");
        baseless.put("basis", " ");
        baseless.put("listTypes", List.of());
        baseless.put("matters", List.of("LOTTERY"));
        TestHttp.Response refused = admin.request("PUT", "/api/v1/measures/LOC-TEST-B", "application/json",
                TestHttp.JSON.writeValueAsBytes(baseless));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("rule").asString()))
                .contains("basis-required", "trigger-required", "unknown-matter");
        assertThat(jdbc.sql("select count(*) from measures.measure where code = 'LOC-TEST-B'").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'MEASURE_CREATED' and object_id = 'LOC-TEST-A'")
                .query(Integer.class).single()).isEqualTo(1);
        // a system may read the lists but not change them
        assertThat(apiClient(newApiClient("CITY-NDRC", "check")).request("PUT", "/api/v1/measures/LOC-TEST-C", "application/json",
                TestHttp.JSON.writeValueAsBytes(measure("LOC-TEST-C"))).status()).isEqualTo(403);
    }

    @Test
    void the_workbook_goes_out_and_comes_back_and_a_bad_row_stops_the_whole_import() {
        TestHttp admin = staff("admin");
        TestHttp.Response exported = admin.get("/api/v1/measures/workbook");
        assertThat(exported.status()).isEqualTo(200);
        int measures = jdbc.sql("select count(*) from measures.measure").query(Integer.class).single();
        String csrf = admin.csrfOf("/purpose");
        TestHttp.Response back = admin.header("X-CSRF-TOKEN", csrf).multipart("/api/v1/measures/workbook", "file", "measures.xlsx", exported.bytes(), Map.of());
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().get("rows").intValue()).isEqualTo(measures);
        assertThat(back.json().get("created").intValue()).isZero();

        String csv = "措施代码,措施名称,种类,类别,来源,措施内容,设定依据,实施部门,触发名单类型,适用事项\n"
                + "LOC-CSV-OK,新增措施,惩戒,2,LOCAL,从严审核,《某条例》,审批部门,SAMR-SERIOUS,LICENSING\n"
                + "LOC-CSV-BAD,无依据措施,惩戒,2,LOCAL,从严审核,,审批部门,SAMR-SERIOUS,LICENSING\n";
        TestHttp.Response bad = admin.header("X-CSRF-TOKEN", admin.csrfOf("/purpose")).multipart("/api/v1/measures/workbook", "file", "measures.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).startsWith("第3行");
        assertThat(bad.json().get("errors").get(0).get("rule").asString()).isEqualTo("basis-required");
        assertThat(jdbc.sql("select count(*) from measures.measure where code like 'LOC-CSV-%'").query(Integer.class).single()).isZero();
    }
}

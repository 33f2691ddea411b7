package gongxin.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** List types through the API: the demo city's, and what the credit office may and may not create. */
class ListTypeApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private Map<String, Object> type(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "测试名单");
        body.put("kind", "DISHONESTY");
        body.put("domain", "MARKET_ORDER");
        body.put("department", "CITY-SAMR");
        body.put("basis", "《某某管理办法》");
        body.put("measures", List.of("重点监管"));
        body.put("statementWorkingDays", 10);
        body.put("minimumMonths", 12);
        body.put("maximumMonths", 36);
        return body;
    }

    @Test
    void the_demo_city_has_its_types_with_the_contracts_fields() {
        JsonNode types = apiClient(DEMO_API_KEY).get("/api/v1/lists/types").json();
        assertThat(types.valueStream().map(t -> t.get("code").asString()))
                .contains("SAMR-SERIOUS", "FOOD-SAFETY", "COURT-DEBTOR", "TAX-A");
        JsonNode samr = types.valueStream().filter(t -> t.get("code").asString().equals("SAMR-SERIOUS")).findFirst().orElseThrow();
        assertThat(samr.get("name").asString()).isEqualTo("市场监督管理严重违法失信名单");
        assertThat(samr.get("kind").asString()).isEqualTo("DISHONESTY");
        assertThat(samr.get("domain").asString()).isEqualTo("MARKET_ORDER");
        assertThat(samr.get("department").asString()).isEqualTo("CITY-SAMR");
        assertThat(samr.get("basis").asString()).contains("第44号");
        assertThat(samr.get("statementWorkingDays").intValue()).isEqualTo(10);
        assertThat(samr.get("minimumMonths").intValue()).isEqualTo(12);
        assertThat(samr.get("maximumMonths").intValue()).isEqualTo(36);
    }

    @Test
    void the_credit_office_creates_one_and_it_is_audited() {
        TestHttp session = staff("admin");
        TestHttp.Response created = session.postJsonWithCsrf("/api/v1/lists/types", type("TEST-CREATED"), "/purpose");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("code").asString()).isEqualTo("TEST-CREATED");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'LIST_TYPE_CREATED' and object_id = 'TEST-CREATED' and actor = 'admin'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_type_outside_the_four_domains_or_without_a_basis_is_refused_and_nothing_is_written() {
        TestHttp admin = staff("admin");
        Map<String, Object> outside = type("TEST-TRAFFIC");
        outside.put("domain", "TRAFFIC");
        TestHttp.Response refused = admin.postJsonWithCsrf("/api/v1/lists/types", outside, "/purpose");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("domain-not-allowed");
        Map<String, Object> baseless = type("TEST-BASELESS");
        baseless.put("basis", "");
        TestHttp.Response noBasis = admin.postJsonWithCsrf("/api/v1/lists/types", baseless, "/purpose");
        assertThat(noBasis.json().get("errors").get(0).get("rule").asString()).isEqualTo("basis-required");
        assertThat(jdbc.sql("select count(*) from lists.list_type where code in ('TEST-TRAFFIC', 'TEST-BASELESS')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void only_the_credit_office_creates_types() {
        TestHttp.Response operator = staff("operator").postJsonWithCsrf("/api/v1/lists/types", type("TEST-OPERATOR"), "/purpose");
        assertThat(operator.status()).isEqualTo(403);
        TestHttp.Response system = apiClient(DEMO_API_KEY).postJson("/api/v1/lists/types", type("TEST-SYSTEM"));
        assertThat(system.status()).isEqualTo(403);
    }
}

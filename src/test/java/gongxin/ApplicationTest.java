package gongxin;

import static org.assertj.core.api.Assertions.assertThat;

import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole application on PostgreSQL, as a newcomer finds it after the first start. */
class ApplicationTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void health_is_up() {
        TestHttp.Response health = http().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    /** Issue 25, finding 9: the metrics are for the credit office, not the public. */
    @Test
    void the_metrics_need_an_administrator() {
        assertThat(http().get("/actuator/prometheus").status()).as("anonymous").isIn(302, 401, 403);
        assertThat(staff("operator").get("/actuator/prometheus").status()).isEqualTo(403);
        TestHttp.Response metrics = staff("admin").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(http().get("/actuator/health").status()).as("health stays open for load balancers").isEqualTo(200);
    }

    @Test
    void the_home_page_is_chinese() {
        TestHttp.Response home = http().get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("lang=\"zh-CN\"", "示例市公共信用信息平台", "证照号码校验", "法定工作日计算");
    }

    @Test
    void the_demo_city_is_seeded_as_a_tree() {
        assertThat(jdbc.sql("select count(*) from identity.department where code in ('CITY-NDRC', 'CITY-SAMR', 'CITY-TAX', "
                + "'CITY-EEB', 'CITY-HOUS', 'CITY-TRAN', 'CITY-HRSS', 'CITY-EMER', 'CITY-HEAL', 'CITY-MEDI', 'CITY-NRES', "
                + "'CITY-CULT', 'CITY-URBM', 'CITY-PSB', 'CITY-EDU', 'CITY-COURT', 'CITY-PUB', 'CNTY-GOV', 'CNTY-SAMR', "
                + "'CNTY-EEB', 'TOWN-HX')").query(Integer.class).single()).isEqualTo(21);
        assertThat(jdbc.sql("select parent_code from identity.department where code = 'TOWN-HX'").query(String.class).single())
                .isEqualTo("CNTY-GOV");
        assertThat(jdbc.sql("select count(*) from identity.staff_user").query(Integer.class).single()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*) from calendar.year").query(Integer.class).single()).isGreaterThanOrEqualTo(12);
        assertThat(jdbc.sql("select count(*) from catalog.item where code in ('XZCF', 'XZXK')").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void api_documentation_is_published() {
        TestHttp.Response docs = http().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/identifiers/validate", "/api/v1/calendar/add-working-days", "/api/v1/catalog/items");
    }

    @Test
    void an_unknown_page_is_a_chinese_404() {
        TestHttp.Response page = http().get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("页面或资源不存在");
    }

    @Test
    void an_unknown_api_path_is_a_problem() {
        // without credentials only the open operations answer (issue 25, finding 2): nothing tells which paths exist
        TestHttp.Response anonymous = http().get("/api/v1/no-such-thing");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        TestHttp.Response problem = apiClient(DEMO_API_KEY).get("/api/v1/no-such-thing");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(problem.json().get("type").asString()).isEqualTo("urn:gongxin:problem:not-found");
    }
}

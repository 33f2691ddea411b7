package gongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;

/** Who may do what: roles for staff, scopes for API clients, answers as problem details. */
class AuthorizationTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anonymous_staff_pages_redirect_to_the_login_page() {
        TestHttp.Response response = http().get("/admin/departments");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    @Test
    void anonymous_protected_api_calls_get_a_401_problem() {
        TestHttp.Response response = http().get("/api/v1/catalog/items");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isEqualTo("需要登录或提供有效的接口密钥");
    }

    @Test
    void a_wrong_api_key_is_refused_at_once() {
        TestHttp.Response response = apiClient("gx_not_a_key").get("/api/v1/identifiers/validate?value=1");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("title").asString()).isEqualTo("接口密钥无效或已停用");
    }

    @Test
    void the_demo_api_key_authenticates_the_demo_client() {
        TestHttp.Response response = apiClient(DEMO_API_KEY).get("/api/v1/departments/CITY-SAMR");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("name").asString()).isEqualTo("示例市市场监督管理局");
    }

    @Test
    void an_operator_may_not_open_administration_pages() {
        TestHttp operator = staff("operator");
        assertThat(operator.get("/admin/users").status()).isEqualTo(403);
        assertThat(operator.get("/catalog").status()).isEqualTo(200);
    }

    @Test
    void only_auditors_verify_the_audit_log() {
        assertThat(staff("admin").get("/api/v1/audit/verify").status()).isEqualTo(403);
        TestHttp.Response forbidden = staff("operator").get("/api/v1/audit/verify");
        assertThat(forbidden.json().get("title").asString()).isEqualTo("无权执行此操作");
        assertThat(staff("auditor").get("/api/v1/audit/verify").status()).isEqualTo(200);
    }

    @Test
    void only_a_bearer_key_lets_a_write_skip_the_csrf_token() {
        // a signed-in operator's browser, tricked into sending some other Authorization header with its cookie
        TestHttp operator = staff("operator").header("Authorization", "Basic b3BlcmF0b3I6eA==");
        TestHttp.Response response = operator.postJson("/api/v1/records/999999999/revocation",
                "{\"reason\":\"x\",\"basisDocument\":\"x\"}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:gongxin:problem:csrf");
    }

    @Test
    void a_forwarded_address_is_not_believed_unless_the_proxy_is_configured() {
        String name = "nobody-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        TestHttp spoofer = http().header("X-Forwarded-For", "203.0.113.77");
        spoofer.login(name, "wrong-pass-123");
        String address = jdbc.sql("select client_address from audit.entry where details like ? order by seq desc limit 1")
                .param("%" + name + "%").query(String.class).single();
        assertThat(address).isNotEqualTo("203.0.113.77").isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void an_api_client_cannot_reach_staff_only_writes() {
        TestHttp.Response response = apiClient(DEMO_API_KEY).postJson("/api/v1/catalog/rule-sets", "{}");
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void staff_api_writes_need_the_csrf_token() {
        TestHttp admin = staff("admin");
        TestHttp.Response response = admin.postJson("/api/v1/catalog/deadlines", "{}");
        assertThat(response.status()).isEqualTo(403);
    }
}

package gongxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The credit office administrator manages departments, users and API clients through the pages. */
class AdministrationTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final Pattern KEY = Pattern.compile("id=\"api-key\">(gx_[A-Za-z0-9]+)<");

    @Test
    void the_department_tree_shows_city_county_and_town() {
        String page = staff("admin").get("/admin/departments").body();
        assertThat(page).contains("部门树", "市级", "县（区）级", "示例县人民政府", "示例县和兴镇人民政府", "11329921MQDHGY266Q");
        assertThat(page.indexOf("示例县人民政府")).isLessThan(page.indexOf("示例县和兴镇人民政府"));
    }

    @Test
    void the_demo_client_acts_for_the_demo_departments_and_not_for_one_created_later() {
        List<String> actsFor = jdbc.sql("select unnest(acts_for) from identity.api_client where name = '示例市数据归集系统'")
                .query(String.class).list();
        assertThat(actsFor).contains("CITY-SAMR", "CNTY-SAMR", "CITY-EEB").doesNotContain("CITY-NDRC");
        TestHttp admin = staff("admin");
        String first17 = "11329921" + "10000026" + "X";
        TestHttp.Response created = admin.form("/admin/departments", Map.of("_csrf", admin.csrfOf("/admin/departments/new"),
                "code", "TOWN-LX", "name", "示例县柳溪镇人民政府", "creditCode", first17 + gongxin.shared.CreditCode.checkCharacter(first17),
                "level", "TOWN", "parentCode", "CNTY-GOV", "duties", "综合行政执法", "active", "true"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from identity.api_client where 'TOWN-LX' = any(acts_for)").query(Integer.class).single())
                .isZero();
    }

    @Test
    void a_client_cannot_be_registered_for_a_department_that_does_not_exist() {
        TestHttp admin = staff("admin");
        TestHttp.Response page = admin.formPairs("/admin/api-clients", "_csrf", admin.csrfOf("/admin/api-clients/new"),
                "name", "测试-" + UUID.randomUUID().toString().substring(0, 6), "departmentCode", "CITY-EEB",
                "actsFor", "NO-SUCH", "scopes", "submit");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("代理部门“NO-SUCH”不存在");
    }

    @Test
    void a_department_with_an_invalid_credit_code_is_refused_and_nothing_is_written() {
        TestHttp admin = staff("admin");
        String csrf = admin.csrfOf("/admin/departments/new");
        TestHttp.Response page = admin.form("/admin/departments", Map.of("_csrf", csrf, "code", "TOWN-XY",
                "name", "示例县新阳镇人民政府", "creditCode", "11329921MQDHGY266A", "level", "TOWN", "parentCode", "CNTY-GOV",
                "duties", "综合行政执法", "active", "true"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("统一社会信用代码校验位错误");
        assertThat(jdbc.sql("select count(*) from identity.department where code = 'TOWN-XY'").query(Integer.class).single()).isZero();
    }

    @Test
    void a_county_department_cannot_sit_below_a_town() {
        TestHttp admin = staff("admin");
        String csrf = admin.csrfOf("/admin/departments/new");
        String first17 = "11329921" + "10000018" + "X";
        TestHttp.Response page = admin.form("/admin/departments", Map.of("_csrf", csrf, "code", "CNTY-BAD",
                "name", "示例县某局", "creditCode", first17 + gongxin.shared.CreditCode.checkCharacter(first17), "level", "COUNTY",
                "parentCode", "TOWN-HX", "duties", "", "active", "true"));
        assertThat(page.body()).contains("县（区）级部门不能隶属于乡镇（街道）级部门");
    }

    @Test
    void a_new_department_appears_in_the_tree_and_in_the_audit_log() {
        TestHttp admin = staff("admin");
        String csrf = admin.csrfOf("/admin/departments/new");
        String first17 = "11329921" + "10000004" + "0";
        String creditCode = first17 + gongxin.shared.CreditCode.checkCharacter(first17);
        TestHttp.Response created = admin.form("/admin/departments", Map.of("_csrf", csrf, "code", "TOWN-QS",
                "name", "示例县青山镇人民政府", "creditCode", creditCode, "level", "TOWN", "parentCode", "CNTY-GOV",
                "duties", "综合行政执法；行政处罚", "active", "true"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(admin.get("/admin/departments").body()).contains("示例县青山镇人民政府");
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'DEPARTMENT_CREATED' and object_id = 'TOWN-QS' and actor = 'admin'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void an_api_key_is_shown_once_stored_hashed_and_scoped() {
        TestHttp admin = staff("admin");
        String name = "测试报送系统-" + UUID.randomUUID().toString().substring(0, 6);
        String csrf = admin.csrfOf("/admin/api-clients/new");
        TestHttp.Response page = admin.form("/admin/api-clients", Map.of("_csrf", csrf, "name", name,
                "departmentCode", "CITY-EEB", "scopes", "submit"));
        Matcher m = KEY.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        String key = m.group(1);
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(jdbc.sql("select key_hash from identity.api_client where name = ?").param(name).query(String.class).single())
                .hasSize(64).isNotEqualTo(key).isEqualTo(gongxin.shared.Sm3.hex(key));
        assertThat(admin.get("/admin/api-clients").body()).doesNotContain(key);

        TestHttp client = apiClient(key);
        assertThat(client.get("/api/v1/departments").status()).isEqualTo(200);
        assertThat(client.get("/api/v1/catalog/items").status()).isEqualTo(200);
        assertThat(client.postJson("/api/v1/catalog/items/ZZ/versions", "{}").status()).isEqualTo(403);

        // the last use is written at most once a minute, not on every call
        java.util.function.Supplier<java.time.Instant> lastUsed = () -> jdbc.sql("select last_used_at from identity.api_client where name = ?")
                .param(name).query(java.sql.Timestamp.class).single().toInstant();
        java.time.Instant first = lastUsed.get();
        assertThat(first).isEqualTo(clock.instant());
        clock.advance(java.time.Duration.ofSeconds(30));
        assertThat(client.get("/api/v1/departments").status()).isEqualTo(200);
        assertThat(lastUsed.get()).isEqualTo(first);
        clock.advance(java.time.Duration.ofSeconds(31));
        assertThat(client.get("/api/v1/departments").status()).isEqualTo(200);
        assertThat(lastUsed.get()).isEqualTo(clock.instant());
    }

    @Test
    void rotating_a_key_stops_the_old_one_at_once() {
        TestHttp admin = staff("admin");
        String name = "测试业务系统-" + UUID.randomUUID().toString().substring(0, 6);
        String csrf = admin.csrfOf("/admin/api-clients/new");
        Matcher first = KEY.matcher(admin.form("/admin/api-clients", Map.of("_csrf", csrf, "name", name,
                "departmentCode", "CITY-TAX", "scopes", "check")).body());
        assertThat(first.find()).isTrue();
        String id = jdbc.sql("select id::text from identity.api_client where name = ?").param(name).query(String.class).single();
        Matcher second = KEY.matcher(admin.form("/admin/api-clients/" + id + "/rotate",
                Map.of("_csrf", admin.csrfOf("/admin/api-clients"))).body());
        assertThat(second.find()).isTrue();
        assertThat(apiClient(first.group(1)).get("/api/v1/departments").status()).isEqualTo(401);
        assertThat(apiClient(second.group(1)).get("/api/v1/departments").status()).isEqualTo(200);
    }

    @Test
    void a_disabled_client_is_refused() {
        TestHttp admin = staff("admin");
        String name = "停用测试-" + UUID.randomUUID().toString().substring(0, 6);
        Matcher key = KEY.matcher(admin.form("/admin/api-clients", Map.of("_csrf", admin.csrfOf("/admin/api-clients/new"),
                "name", name, "departmentCode", "CITY-TAX", "scopes", "share")).body());
        assertThat(key.find()).isTrue();
        String id = jdbc.sql("select id::text from identity.api_client where name = ?").param(name).query(String.class).single();
        admin.form("/admin/api-clients/" + id, Map.of("_csrf", admin.csrfOf("/admin/api-clients"), "departmentCode", "CITY-TAX",
                "scopes", "share"));
        assertThat(apiClient(key.group(1)).get("/api/v1/departments").status()).isEqualTo(401);
    }
}

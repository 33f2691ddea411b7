package gongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import gongxin.platform.ClusterLock;
import gongxin.support.IntegrationTest;
import gongxin.support.TestDatabase;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one PostgreSQL, as a city that outgrows one node runs them behind a load balancer: sessions live
 * in the database, jobs take a database lock, caches follow the database, start-up seeding happens once.
 */
class ClusterTest extends IntegrationTest {

    static ConfigurableApplicationContext second;

    @Autowired
    ClusterLock lock;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(GongxinApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.flyway.user=postgres",
                "--spring.datasource.username=gongxin_app",
                "--gongxin.audit.checkpoint-cron=-",
                "--gongxin.keys.file=" + TestDatabase.keyFile(),
                "--gongxin.demo.enabled=true",
                "--gongxin.demo.api-key=" + DEMO_API_KEY,
                "--spring.application.name=gongxin-node-2");
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    private TestHttp secondNode() {
        return new TestHttp("http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort());
    }

    @Test
    void a_session_started_on_one_node_is_valid_on_the_other() {
        TestHttp first = staff("admin");
        HttpCookie session = first.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("GONGXIN_SESSION")).findFirst().orElseThrow();
        TestHttp other = secondNode();
        other.cookies().getCookieStore().add(URI.create(other.base()), session);
        TestHttp.Response console = other.get("/console");
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).contains("王信用");
    }

    @Test
    void a_job_runs_on_one_node_at_a_time() {
        ClusterLock otherLock = second.getBean(ClusterLock.class);
        AtomicBoolean otherRan = new AtomicBoolean();
        boolean ran = lock.runIfFree("test-job", () -> otherRan.set(otherLock.runIfFree("test-job", () -> { })));
        assertThat(ran).isTrue();
        assertThat(otherRan).isFalse();
        assertThat(otherLock.runIfFree("test-job", () -> { })).isTrue();
    }

    @Test
    void seeding_happened_once() {
        assertThat(jdbc.sql("select count(*) from identity.staff_user where username = 'admin'").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from catalog.item_version where item_code = 'XZCF'").query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from identity.api_client where name = '示例市数据归集系统'").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_calendar_year_loaded_on_one_node_is_used_by_the_other() {
        TestHttp other = secondNode();
        assertThat(other.get("/api/v1/calendar/add-working-days?from=2034-12-29&days=1").json().get("provisional").booleanValue()).isTrue();
        TestHttp admin = staff("admin");
        String year = "{\"year\": 2035, \"days\": [{\"name\": \"元旦\", \"date\": \"2035-01-01\", \"isOffDay\": true}]}";
        admin.multipart("/admin/calendar", "file", "2035.json", year.getBytes(StandardCharsets.UTF_8),
                Map.of("_csrf", admin.csrfOf("/admin/calendar")));
        TestHttp.Response answer = other.get("/api/v1/calendar/add-working-days?from=2034-12-31&days=1");
        assertThat(answer.json().get("date").asString()).isEqualTo("2035-01-02");
    }
}

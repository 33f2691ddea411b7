package gongxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator loads a newly announced year without a release; provisional deadlines become final. */
class CalendarLoadTest extends IntegrationTest {

    // A year no other test relies on.
    private static final String YEAR_2031 = """
            {"year": 2031, "papers": ["https://www.gov.cn/example"], "days": [
              {"name": "元旦", "date": "2031-01-01", "isOffDay": true},
              {"name": "元旦", "date": "2031-01-02", "isOffDay": true},
              {"name": "元旦", "date": "2031-01-04", "isOffDay": false}]}""";

    @Autowired
    JdbcClient jdbc;

    @Test
    void loading_a_year_makes_its_deadlines_final() {
        TestHttp.Response before = http().get("/api/v1/calendar/add-working-days?from=2030-12-31&days=1");
        assertThat(before.json().get("provisional").booleanValue()).isTrue();
        assertThat(before.json().get("date").asString()).isEqualTo("2031-01-01");

        TestHttp admin = staff("admin");
        TestHttp.Response page = admin.multipart("/admin/calendar", "file", "2031.json",
                YEAR_2031.getBytes(StandardCharsets.UTF_8), Map.of("_csrf", admin.csrfOf("/admin/calendar")));
        assertThat(page.status()).as(page.body()).isEqualTo(302);

        // 2031-01-01 and 01-02 are off; 2030 is still not loaded, so the count stays provisional
        TestHttp.Response after = http().get("/api/v1/calendar/add-working-days?from=2030-12-31&days=1");
        assertThat(after.json().get("date").asString()).isEqualTo("2031-01-03");
        TestHttp.Response inside = http().get("/api/v1/calendar/add-working-days?from=2031-01-02&days=1");
        assertThat(inside.json().get("date").asString()).isEqualTo("2031-01-03");
        assertThat(inside.json().get("provisional").booleanValue()).isFalse();
        assertThat(http().get("/api/v1/calendar/days/2031-01-04").json().get("workingDay").booleanValue()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'CALENDAR_YEAR_LOADED' and object_id = '2031'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_bad_file_is_refused_and_changes_nothing() {
        TestHttp admin = staff("admin");
        int years = jdbc.sql("select count(*) from calendar.year").query(Integer.class).single();
        TestHttp.Response page = admin.multipart("/admin/calendar", "file", "2032.json",
                "{\"year\": 2032, \"days\": [{\"date\": \"2032-02-30\", \"isOffDay\": true}]}".getBytes(StandardCharsets.UTF_8),
                Map.of("_csrf", admin.csrfOf("/admin/calendar")));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("日期无效");
        assertThat(jdbc.sql("select count(*) from calendar.year").query(Integer.class).single()).isEqualTo(years);
    }

    @Test
    void the_api_refuses_a_bad_file_with_a_problem() {
        TestHttp admin = staff("admin");
        TestHttp.Response response = admin.header("X-CSRF-TOKEN", admin.csrfOf("/admin/calendar")).multipart("/api/v1/calendar/years", "file", "x.json",
                "not json".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("json");
    }

    @Test
    void only_the_administrator_loads_years() {
        TestHttp operator = staff("operator");
        TestHttp.Response response = operator.header("X-CSRF-TOKEN", operator.csrfOf("/console")).multipart("/api/v1/calendar/years", "file", "2033.json",
                "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(response.status()).isEqualTo(403);
    }
}

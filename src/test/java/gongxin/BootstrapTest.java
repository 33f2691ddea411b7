package gongxin;

import static org.assertj.core.api.Assertions.assertThat;

import gongxin.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A production installation: demo off (the default of a packaged jar, no setting needed), empty database, the first
 * administrator from configuration.
 */
class BootstrapTest {

    @Test
    void without_the_demo_an_empty_database_gets_the_law_and_one_administrator() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongxinApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.freshDatabase("gongxin_bootstrap"),
                "--spring.datasource.username=postgres",
                "--gongxin.keys.file=" + TestDatabase.keyFile(),
                "--gongxin.bootstrap.department-code=CITY-XYB",
                "--gongxin.bootstrap.department-name=某市社会信用体系建设办公室",
                "--gongxin.bootstrap.department-credit-code=11329900T5MY01MR4U")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select username || ':' || must_change_password || ':' || department_code from identity.staff_user")
                    .query(String.class).list()).containsExactly("admin:true:CITY-XYB");
            assertThat(jdbc.sql("select count(*) from identity.department").query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from identity.api_client").query(Integer.class).single()).isZero();
            // the law is there (migrations), the demo's examples are not
            assertThat(jdbc.sql("select count(*) from catalog.category").query(Integer.class).single()).isEqualTo(36);
            assertThat(jdbc.sql("select count(*) from catalog.rule_set").query(Integer.class).single()).as("2019, Order 58, Order 36").isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from catalog.item").query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from calendar.year").query(Integer.class).single()).isEqualTo(12);
        }
    }
}

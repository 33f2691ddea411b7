package gongxin.platform;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database in {@code /actuator/health} is the application's pool only (issue 27, 2). Spring Boot checks every
 * {@code DataSource} bean, and with the embedded server that includes the migrations' owner connection, which is not
 * pooled: every health probe opened and closed a superuser connection (about 13 ms of the 19 ms a probe took, measured
 * against liveness on the same node), and a load balancer's probes paid it every time.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    HealthContributor dbHealthContributor(DataSource dataSource) {
        return new DataSourceHealthIndicator(dataSource);
    }
}

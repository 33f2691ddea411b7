package gongxin.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Runs the embedded PostgreSQL and points the data source at it, unless {@code spring.datasource.url} names an
 * external database: then Spring Boot's own data source configuration applies unchanged.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(GongxinProperties properties) {
        return EmbeddedPostgresServer.start(properties.dataDir(), properties.embeddedDb());
    }

    /** What the application connects as: not the owner, so it cannot rewrite the audit log (ADR 0013). */
    static final String APPLICATION_ROLE = "gongxin_app";

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(APPLICATION_ROLE);
        dataSource.setPoolName("gongxin-embedded");
        return dataSource;
    }

    /** Migrations run as the server's owner, who creates the application's role and grants it what it may do. */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgresServer server) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(), server.username(), "");
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}

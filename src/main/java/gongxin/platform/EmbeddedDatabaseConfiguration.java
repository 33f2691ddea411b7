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

    /**
     * Starts the server as soon as the bean definitions are read, on a thread of its own, so that initdb and the
     * postmaster's start (about 2 s on a first start) overlap with the context's other beans instead of preceding the
     * migrations (issue 27, 1). The server bean waits for it.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanFactoryPostProcessor embeddedPostgresEarly(
            org.springframework.core.env.Environment environment) {
        return beanFactory -> {
            GongxinProperties properties = org.springframework.boot.context.properties.bind.Binder.get(environment)
                    .bindOrCreate("gongxin", GongxinProperties.class);
            Starting.server = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> EmbeddedPostgresServer.start(properties.dataDir(), properties.embeddedDb()),
                    task -> {
                        Thread t = new Thread(task, "embedded-postgres-start");
                        t.setDaemon(true);
                        t.start();
                    });
        };
    }

    /** The server being started early, for the bean to take. */
    static final class Starting {
        static volatile java.util.concurrent.CompletableFuture<EmbeddedPostgresServer> server;
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(GongxinProperties properties) {
        java.util.concurrent.CompletableFuture<EmbeddedPostgresServer> early = Starting.server;
        Starting.server = null;
        if (early == null) {
            return EmbeddedPostgresServer.start(properties.dataDir(), properties.embeddedDb());
        }
        try {
            return early.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
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

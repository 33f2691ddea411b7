package gongxin.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrations run as the database owner; the application connects as another role, which the migrations grant what
 * it needs and nothing more on the audit log. The role is the user of the application's data source: the embedded
 * server's {@code gongxin_app}, or {@code spring.datasource.username} with an external PostgreSQL, where
 * {@code spring.flyway.user} names the owner.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRoles {

    @Bean
    FlywayConfigurationCustomizer applicationRolePlaceholder(DataSource dataSource) {
        String role = dataSource instanceof HikariDataSource hikari && hikari.getUsername() != null ? hikari.getUsername() : "";
        return configuration -> configuration.placeholders(java.util.Map.of("applicationRole", role));
    }
}

package gongxin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL for the whole test JVM, in a fresh temporary directory. Integration tests reach it as an
 * "external" database through {@code spring.datasource.url}, the same path a production installation takes.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    /** Another, empty database on the same server, for tests that need a fresh installation. */
    public static synchronized String freshDatabase(String name) {
        jdbcUrl();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name + " template template0 encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name;
    }

    private static java.nio.file.Path keyFile;

    /** The key file of every application the test JVM starts (they share one database, so they share its keys). */
    public static synchronized String keyFile() {
        if (keyFile == null) {
            try {
                keyFile = java.nio.file.Files.createTempDirectory("gongxin-keys").resolve("gongxin.keys");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keyFile.toString();
    }

    /**
     * The database owner (a superuser), as a DBA would connect: for tests that play one. The applications connect as
     * the role the migrations create for them ({@code gongxin_app}).
     */
    public static org.springframework.jdbc.core.JdbcTemplate owner() {
        return new org.springframework.jdbc.core.JdbcTemplate(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(jdbcUrl(), "postgres", ""));
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setLocaleConfig("locale-provider", "builtin")
                        .setLocaleConfig("builtin-locale", "C.UTF-8")
                        .setServerConfig("max_connections", "300")
                        // a throw-away database: the library's fast, non-durable defaults (fsync off) are what
                        // tests want; the platform's own embedded server turns durability on
                        .setServerConfig("fsync", "off")
                        .start();
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("create database gongxin_test template template0 encoding 'UTF8'");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/gongxin_test";
    }
}

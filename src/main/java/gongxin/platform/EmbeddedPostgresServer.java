package gongxin.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the platform runs by itself when no external database is configured, so that a fresh
 * machine needs nothing installed. Data lives under {@code <data-dir>/pg} and survives restarts; the server listens
 * on 127.0.0.1 only.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    static EmbeddedPostgresServer start(Path dataDir, GongxinProperties.EmbeddedDb settings) {
        Path pgDir = dataDir.resolve("pg").toAbsolutePath().normalize();
        try {
            Files.createDirectories(pgDir);
            stopOrphanedPostmaster(pgDir, settings);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(false)
                    // Spring stops the server after every bean that uses the database; zonky's own shutdown hook
                    // would stop it concurrently with Spring's and leave the application hanging on shutdown.
                    .setRegisterShutdownHook(false)
                    .setPort(settings.port())
                    .setPGStartupWait(settings.startupTimeout())
                    // pg_trgm and sorting need a UTF-8 aware locale; "C" ignores Chinese characters entirely.
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky starts the postmaster with -F (fsync off) and synchronous_commit=off: fast for tests,
                    // but a power cut or an operating-system crash could then lose or corrupt committed records.
                    // These -c settings come after -F on the command line, and the last setting wins.
                    .setServerConfig("fsync", settings.durable() ? "on" : "off")
                    .setServerConfig("full_page_writes", settings.durable() ? "on" : "off")
                    .setServerConfig("synchronous_commit", settings.durable() ? "on" : "off")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", settings.sharedBuffers())
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, settings.database());
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL ready on 127.0.0.1:{} with data in {}", postgres.getPort(), pgDir);
            if (!settings.durable()) {
                log.warn("gongxin.embedded-db.durable=false: fsync is off, a power cut may lose or corrupt committed data");
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动内置 PostgreSQL（数据目录 " + pgDir + "）", e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("无法启动内置 PostgreSQL：数据目录 " + pgDir
                    + " 可能正被另一个公信实例使用（" + e.getMessage() + "）", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    String username() {
        return "postgres";
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database \"" + database.replace("\"", "") + "\" template template0 encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("无法在内置 PostgreSQL 中创建数据库 " + database, e);
        }
    }

    /**
     * After the JVM is killed (kill -9), the postmaster it started lives on and keeps {@code postmaster.pid}: a new
     * start would then fail. Its clients died with the old JVM, so a fast shutdown is safe and quick.
     */
    static void stopOrphanedPostmaster(Path pgDir, GongxinProperties.EmbeddedDb settings) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return; // PostgreSQL itself discards a pid file whose process is gone
        }
        String command = handle.get().info().command().orElse("");
        if (!command.contains("postgres")) {
            return; // the pid was reused by an unrelated program; PostgreSQL detects that too
        }
        log.warn("Found an orphaned PostgreSQL server (pid {}) from a previous run on {}; stopping it", pid, pgDir);
        signal(pid, "-INT");
        try {
            handle.get().onExit().get(settings.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("Orphaned PostgreSQL {} did not stop after a fast shutdown request; terminating it", pid);
            handle.get().destroy();
            try {
                handle.get().onExit().get(settings.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception again) {
                throw new IllegalStateException("无法停止上次遗留的 PostgreSQL 进程 " + pid, again);
            }
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

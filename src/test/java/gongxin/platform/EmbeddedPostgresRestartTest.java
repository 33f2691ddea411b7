package gongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database after the application was killed with SIGKILL: the next start works and the data is there. */
class EmbeddedPostgresRestartTest {

    @TempDir
    Path dataDir;

    private static final GongxinProperties.EmbeddedDb SETTINGS = new GongxinProperties.EmbeddedDb(0, Duration.ofSeconds(60), "gongxin", "128MB", true);

    @Test
    void a_postmaster_orphaned_by_kill_9_is_stopped_and_the_data_is_kept() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanMaker.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the child JVM started the embedded server").isEqualTo("READY");
            child.destroyForcibly();
            child.waitFor();
        }

        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(orphan);
        assertThat(postmaster).as("the postmaster outlived the killed JVM").isPresent();
        assertThat(postmaster.get().isAlive()).isTrue();

        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, SETTINGS);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select note from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written before the crash");
        } finally {
            server.close();
        }
        assertThat(postmaster.get().isAlive()).isFalse();
    }

    @Test
    void committed_data_is_flushed_to_disk() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, SETTINGS);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             Statement s = c.createStatement()) {
            for (String setting : new String[]{"fsync", "full_page_writes", "synchronous_commit"}) {
                try (ResultSet rs = s.executeQuery("show " + setting)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        } finally {
            server.close();
        }
    }

    @Test
    void a_clean_restart_keeps_the_data() throws Exception {
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, SETTINGS);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.username(), "");
             Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('still here')");
        } finally {
            first.close();
        }
        EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDir, SETTINGS);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), second.username(), "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select note from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        } finally {
            second.close();
        }
    }
}

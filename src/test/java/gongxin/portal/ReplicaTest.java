package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import gongxin.support.Eventually;
import gongxin.support.IntegrationTest;
import gongxin.support.Node;
import gongxin.support.TestDatabase;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 27, 7: public reads served by a real PostgreSQL streaming replica. The test JVM's embedded server is copied
 * as a base backup ({@code pg_backup_start}/{@code pg_backup_stop} around a file copy: the embedded binaries have no
 * {@code pg_basebackup}) and started as a standby streaming from it through a replication slot; a node is started
 * with {@code spring.datasource.replica.*} pointing at the standby. With the standby's replay paused, what the
 * primary has and the standby does not yet have shows which one answered.
 */
class ReplicaTest extends IntegrationTest {

    private static final String SLOT = "gongxin_replica_test";

    private static Path standbyDir;
    private static Path bin;
    private static int standbyPort;
    private static Process standby;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startStandby() throws Exception {
        JdbcTemplate owner = TestDatabase.owner();
        Path primaryDir = Path.of(owner.queryForObject("show data_directory", String.class));
        long postmaster = Long.parseLong(Files.readAllLines(primaryDir.resolve("postmaster.pid")).get(0).trim());
        bin = Files.readSymbolicLink(Path.of("/proc/" + postmaster + "/exe")).getParent();
        standbyDir = dir.resolve("standby");
        try (Connection c = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '" + SLOT + "'");
            s.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
            s.execute("select pg_backup_start('gongxin replica test', true)");
            copy(primaryDir, standbyDir);
            try (ResultSet rs = s.executeQuery("select labelfile from pg_backup_stop(false)")) {
                rs.next();
                Files.writeString(standbyDir.resolve("backup_label"), rs.getString(1));
            }
        }
        standbyPort = freePort();
        int primaryPort = Integer.parseInt(TestDatabase.jdbcUrl().replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
        Files.writeString(standbyDir.resolve("standby.signal"), "");
        Files.writeString(standbyDir.resolve("postgresql.auto.conf"), """
                primary_conninfo = 'host=127.0.0.1 port=%d user=postgres application_name=replica_test'
                primary_slot_name = '%s'
                """.formatted(primaryPort, SLOT), java.nio.file.StandardOpenOption.APPEND);
        String maxConnections = owner.queryForObject("show max_connections", String.class);
        // the postmaster itself; as root (CI is), under `unshare -U` as the embedded library does: PostgreSQL refuses
        // to run as root, and in a user namespace of its own the process and the files it owns are "nobody"
        List<String> command = new java.util.ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", standbyDir.toString(),
                "-p", Integer.toString(standbyPort), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=" + maxConnections, "-F"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(0, List.of("unshare", "-U"));
        }
        standby = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("standby.log").toFile()).start();
        Eventually.eventually(Duration.ofSeconds(120), () -> accepts(standbyPort),
                () -> "the standby to accept connections:\n" + read(dir.resolve("standby.log")));
    }

    private static boolean accepts(int port) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/gongxin_test", "postgres", "")) {
            return c.isValid(5);
        } catch (java.sql.SQLException e) {
            if (!standby.isAlive()) {
                throw new AssertionError("the standby stopped:\n" + read(dir.resolve("standby.log")));
            }
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @AfterAll
    static void stopStandby() throws Exception {
        if (standby != null) {
            standby.destroy(); // SIGTERM: a smart shutdown
            if (!standby.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                standby.destroyForcibly().waitFor();
            }
        }
        TestDatabase.owner().execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '" + SLOT + "'");
    }

    @Test
    void public_reads_come_from_the_replica_staff_reads_and_writes_from_the_primary() throws Exception {
        JdbcTemplate standby = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + standbyPort + "/gongxin_test", "postgres", ""));
        assertThat(standby.queryForObject("select pg_is_in_recovery()", Boolean.class)).isTrue();
        JdbcTemplate primary = TestDatabase.owner();
        awaitReplayed(standby, primary);

        try (Node node = Node.start(dir, "replica-reader",
                "--spring.datasource.replica.url=jdbc:postgresql://127.0.0.1:" + standbyPort + "/gongxin_test",
                "--spring.datasource.replica.username=gongxin_app",
                "--gongxin.replica.max-lag=1h", "--gongxin.replica.sample-every=100ms",
                "--gongxin.portal.search-cache-size=0")) {
            Eventually.eventually(Duration.ofSeconds(60), () -> node.log().contains("The replica has caught up"),
                    () -> "the node to find the replica caught up:\n" + node.log());
            standby.execute("select pg_wal_replay_pause()");
            String publicId = "RPL" + System.nanoTime();
            primary.update("""
                    insert into portal.subject (subject_key, public_id, category, name, name_date, credit_code, updated_at)
                    values (?, ?, 'ORGANIZATION', '示例市副本读测试有限公司', current_date, null, now())""",
                    "replica-test:" + publicId, publicId);
            TestHttp visitor = new TestHttp("http://localhost:" + node.port);

            assertThat(visitor.get("/api/v1/public/subjects/" + publicId).status())
                    .as("the public reads the replica, whose replay is paused before the subject arrived").isEqualTo(404);
            TestHttp operator = new TestHttp("http://localhost:" + node.port);
            operator.login("operator", DEMO_PASSWORD);
            TestHttp.Response staffRead = operator.get("/api/v1/public/subjects/" + publicId);
            assertThat(staffRead.status())
                    .as("a signed-in staff user reads the primary: what was just written is there; " + staffRead).isEqualTo(200);
            assertThat(primary.queryForObject("select count(*) from audit.entry where actor = 'operator' and action = 'LOGIN_SUCCEEDED'"
                    + " and occurred_at > now() - interval '1 minute'", Long.class))
                    .as("the node's writes (the sign-in's audit entry) went to the primary").isPositive();

            standby.execute("select pg_wal_replay_resume()");
            awaitReplayed(standby, primary);
            Eventually.eventually(Duration.ofSeconds(30), () -> visitor.get("/api/v1/public/subjects/" + publicId).status() == 200,
                    () -> "the public to find " + publicId + " once the replica replays again");
            TestHttp.Response found = visitor.get("/api/v1/public/subjects/" + publicId);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body()).contains("示例市副本读测试有限公司");

            // a subject's entries are read from their producer's tables (ADR 0033): from the replica for the public too
            String code = gongxin.support.PenaltyFile.creditCode(java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L));
            String name = "示例市副本读条目" + gongxin.support.PenaltyFile.uniqueWord() + "有限公司";
            acceptedPenalty(code, name, "2026-10-01");
            Eventually.eventually(Duration.ofSeconds(30),
                    () -> primary.queryForObject("select count(*) from portal.subject where credit_code = ?", Long.class, code) == 1,
                    () -> "the website to have the subject " + code);
            awaitReplayed(standby, primary);
            Eventually.eventually(Duration.ofSeconds(30), () -> visitor.get("/api/v1/public/subjects/" + code).status() == 200,
                    () -> "the public to find " + code + " on the replica");
            assertThat(penalties(visitor, code)).isEqualTo(1);
            standby.execute("select pg_wal_replay_pause()");
            acceptedPenalty(code, name, "2026-10-02");
            assertThat(penalties(visitor, code)).as("the public's page reads the entries on the replica, paused before the second").isEqualTo(1);
            assertThat(penalties(operator, code)).as("staff read the primary").isEqualTo(2);
            standby.execute("select pg_wal_replay_resume()");
            awaitReplayed(standby, primary);
            // eventually, not at once: twice (this session and the one before) the public's first read right after the
            // standby reported the position replayed still missed the newest commit; a read that never catches up fails
            Eventually.eventually(Duration.ofSeconds(30), () -> penalties(visitor, code) == 2,
                    () -> "the public to read both penalties on the replica once it replays again");
        } finally {
            primary.update("delete from portal.subject where subject_key like 'replica-test:%'");
        }
    }

    /** Until the standby has replayed what the primary has written so far. */
    private static int penalties(TestHttp http, String code) {
        TestHttp.Response page = http.get("/api/v1/public/subjects/" + code);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("sections").get("PENALTY").get("entries").size();
    }

    private static void awaitReplayed(JdbcTemplate standby, JdbcTemplate primary) throws InterruptedException {
        String target = primary.queryForObject("select pg_current_wal_lsn()::text", String.class);
        Eventually.eventually(Duration.ofSeconds(60), () -> Boolean.TRUE.equals(standby.queryForObject(
                "select pg_last_wal_replay_lsn() >= ?::pg_lsn", Boolean.class, target)), () -> "the standby to replay up to " + target);
    }

    private static void copy(Path from, Path to) throws IOException {
        List<String> skipped = List.of("postmaster.pid", "postmaster.opts");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = from.relativize(source);
                String top = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (skipped.contains(relative.toString())
                        || (relative.getNameCount() > 1 && List.of("pg_wal", "pg_replslot", "pg_stat_tmp").contains(top))) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (NoSuchFileException gone) {
                    // a file removed while the copy ran (a temporary one): the WAL replay does without it
                }
            }
        }
        Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
        Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package gongxin.collection;

import static gongxin.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import gongxin.support.BatchCompletions;
import gongxin.support.IntegrationTest;
import gongxin.support.Node;
import gongxin.support.PenaltyFile;
import gongxin.support.TestDatabase;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A real node, the whole application in a JVM of its own on the shared database, killed with SIGKILL while it stores a
 * large file. The next node to look (this test's application) declares the batch FAILED with rule {@code interrupted};
 * nothing of it was stored, and the same file sent again is accepted whole.
 *
 * <p>To kill it in the middle for certain, whatever the machine's speed, the test holds the batch's row while the node
 * works: the node's next progress report waits for it, with its first chunks written in its still open transaction.
 */
class NodeKilledTest extends IntegrationTest {

    private static final int ROWS = 20_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionService submissions;

    @Autowired
    BatchCompletions completions;

    @TempDir
    Path dataDir;

    @Test
    void a_node_killed_in_the_middle_of_a_large_file_leaves_nothing_stored_and_its_batch_failed_as_interrupted() throws Exception {
        PenaltyFile file = new PenaltyFile();
        for (int i = 0; i < ROWS; i++) {
            file.add();
        }
        byte[] csv = file.csv(StandardCharsets.UTF_8);

        Node node = Node.start(dataDir, "killed-node");
        UUID batch;
        String nodeId;
        try (Connection holder = owner(); node) {
            holder.setAutoCommit(false);
            try {
                TestHttp.Response answer = new TestHttp("http://localhost:" + node.port).bearer(DEMO_API_KEY)
                        .multipart("/api/v1/submissions/files", "file", "penalties.csv", csv, Map.of("item", "XZCF"));
                assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                batch = UUID.fromString(answer.json().get("id").asString());
                UUID id = batch;
                // the node's batch transaction writing rows, then the batch's row held: the node goes on storing chunks
                // until its next report of progress (once a second) or its completion, which wait for the row. Waiting
                // for rows reported first was a race: a fast node stores 20,000 rows within that second
                eventually(Duration.ofMinutes(2), () -> headerRead(id) && nodeWriting(),
                        () -> "the node to store rows; its log:\n" + node.log());
                try (PreparedStatement hold = holder.prepareStatement(
                        "select node, processed, status from collection.batch where id = ? for update")) {
                    hold.setObject(1, batch);
                    try (ResultSet rs = hold.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        nodeId = rs.getString(1);
                        assertThat(rs.getInt(2)).as("rows reported when the row is held").isBetween(0, ROWS - 1);
                        assertThat(rs.getString(3)).as("the batch is still being stored").isEqualTo("PROCESSING");
                    }
                }
                assertThat(nodeId).as("the batch names the node that stores it").isNotBlank();
                eventually(Duration.ofMinutes(2), () -> waitingForTheHeldRow(holder) > 0,
                        () -> "the node to wait for the batch's row; its sessions: " + sessions(holder) + "\nits log:\n" + node.log());
                assertThat(openTransactionsWithWrites(holder)).as("the node's batch transaction has written: %s", sessions(holder)).isPositive();
                assertThat(status(batch)).isEqualTo("PROCESSING");

                node.kill();
            } finally {
                holder.rollback();
            }
            // PostgreSQL drops the dead node's session locks when its connections end: wait for its lifeline
            holder.setAutoCommit(true);
            try (Statement s = holder.createStatement()) {
                s.execute("set lock_timeout = '60s'");
                s.execute("select pg_advisory_lock(hashtextextended('gongxin:node:" + nodeId + "', 0))");
                s.execute("select pg_advisory_unlock(hashtextextended('gongxin:node:" + nodeId + "', 0))");
            }
        }

        submissions.failStaleBatches();

        assertThat(status(batch)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select rule from collection.row_error where batch_id = ? order by seq limit 1").param(batch)
                .query(String.class).single()).isEqualTo("interrupted");
        assertThat(jdbc.sql("select count(*) from records.record where batch_id = ? or first_batch_id = ?").params(batch, batch)
                .query(Long.class).single()).as("nothing of the killed batch stored").isZero();
        TestHttp client = apiClient(DEMO_API_KEY).purpose(TEST_PURPOSE);
        JsonNode failed = client.get("/api/v1/submissions/" + batch).json();
        assertThat(failed.toString()).contains("\"rule\":\"interrupted\"");

        TestHttp.Response again = client.multipart("/api/v1/submissions/files", "file", "penalties.csv", csv, Map.of("item", "XZCF"));
        UUID resent = UUID.fromString(again.json().get("id").asString());
        if (again.status() == 202) {
            completions.await(resent);
        }
        JsonNode done = client.get("/api/v1/submissions/" + resent).json();
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("accepted").intValue()).as("every row is new: none was stored by the killed node").isEqualTo(ROWS);
    }

    private String status(UUID batch) {
        return jdbc.sql("select status from collection.batch where id = ?").param(batch).query(String.class).single();
    }

    /** The node has a transaction that wrote (its batch's), seen afresh (pg_stat_activity is cached per transaction). */
    private boolean nodeWriting() {
        return jdbc.sql("select count(*) from pg_stat_activity where application_name = 'killed-node' and backend_xid is not null")
                .query(Long.class).single() > 0;
    }

    private boolean headerRead(UUID batch) {
        return jdbc.sql("select item_code is not null from collection.batch where id = ?").param(batch).query(Boolean.class).single();
    }

    private static Connection owner() throws Exception {
        return DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "");
    }

    private static int waitingForTheHeldRow(Connection c) {
        return count(c, """
                select count(*) from pg_stat_activity
                 where application_name = 'killed-node' and pg_backend_pid() = any(pg_blocking_pids(pid))""");
    }

    private static int openTransactionsWithWrites(Connection c) {
        return count(c, """
                select count(*) from pg_stat_activity
                 where application_name = 'killed-node' and backend_xid is not null""");
    }

    private static String sessions(Connection c) {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select application_name, state, wait_event_type, wait_event, backend_xid, pg_blocking_pids(pid), left(query, 120) from pg_stat_activity where application_name = 'killed-node'")) {
            while (rs.next()) {
                out.append('\n').append(rs.getString(1)).append(" | ").append(rs.getString(2)).append(" | ").append(rs.getString(3))
                        .append(" | ").append(rs.getString(4)).append(" | ").append(rs.getString(5)).append(" | ").append(rs.getString(6))
                        .append(" | ").append(rs.getString(7));
            }
        } catch (Exception e) {
            out.append(e);
        }
        return out.toString();
    }

    private static int count(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

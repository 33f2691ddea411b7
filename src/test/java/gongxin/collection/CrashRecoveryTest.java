package gongxin.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.UUID;

import javax.sql.DataSource;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A batch left processing by a node that died ends FAILED with rule {@code interrupted} as soon as any node looks
 * (at its start, then every minute); a batch of a node that is alive, and this node's own, are left alone.
 */
class CrashRecoveryTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionService submissions;

    @Autowired
    DataSource dataSource;

    private UUID processingBatch(String node, String submittedBy, String department) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into collection.batch (id, submitted_by, department_code, source, status, created_at, heartbeat_at, node)
                values (?, ?, ?, 'FILE', 'PROCESSING', ?, ?, ?)""").params(id, submittedBy, department, now, now, node).update();
        return id;
    }

    private String status(UUID id) {
        return jdbc.sql("select status from collection.batch where id = ?").param(id).query(String.class).single();
    }

    @Test
    void a_dead_nodes_batch_fails_as_interrupted_and_a_live_nodes_batch_is_left_alone() throws Exception {
        // a real batch first, for the demo system's name and department
        String code = PenaltyFile.creditCode(java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L));
        acceptedPenalty(code, "示例市" + PenaltyFile.uniqueWord() + "有限公司", "2026-10-10");
        var who = jdbc.sql("select submitted_by, department_code from collection.batch where node is not null order by created_at desc limit 1")
                .query().singleRow();
        String by = (String) who.get("submitted_by");
        String department = (String) who.get("department_code");

        UUID dead = processingBatch("node-that-died-" + UUID.randomUUID(), by, department);
        String liveNode = "node-alive-" + UUID.randomUUID();
        UUID live = processingBatch(liveNode, by, department);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(true);
            try (PreparedStatement lifeline = other.prepareStatement("select pg_advisory_lock(hashtextextended(?, 0))")) {
                lifeline.setString(1, "gongxin:node:" + liveNode);
                lifeline.execute();
            }
            submissions.failStaleBatches();
            assertThat(status(dead)).isEqualTo("FAILED");
            assertThat(status(live)).as("its node holds its lifeline").isEqualTo("PROCESSING");
            // the node dies: PostgreSQL drops its session locks (a pooled connection must let go of it itself)
            try (PreparedStatement death = other.prepareStatement("select pg_advisory_unlock_all()")) {
                death.execute();
            }
        }
        submissions.failStaleBatches();
        assertThat(status(live)).isEqualTo("FAILED");

        TestHttp.Response answer = apiClient(DEMO_API_KEY).purpose("核对批次").get("/api/v1/submissions/" + dead);
        assertThat(answer.status()).as("a failed batch answers as a refusal").isEqualTo(422);
        JsonNode body = answer.json();
        assertThat(body.get("status").asString()).isEqualTo("FAILED");
        assertThat(body.toString()).contains("\"rule\":\"interrupted\"");
    }
}

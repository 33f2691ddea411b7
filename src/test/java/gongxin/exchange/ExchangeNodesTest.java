package gongxin.exchange;

import static gongxin.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gongxin.support.IntegrationTest;
import gongxin.support.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange with two nodes on one database, and one of them killed (issue 23, reliability): a second node, the whole
 * application in a JVM of its own, pushes a backlog while this one pushes too, and every item reaches the stand-in
 * province exactly once; then, pushing a second backlog alone, it is killed with SIGKILL, and after it every item still
 * arrives, a key twice at most and never with different content.
 */
class ExchangeNodesTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Deliveries deliveries;

    @TempDir
    Path dir;

    private final StandInProvince province = StandInProvince.shared();

    @AfterEach
    void provinceAtOnce() {
        province.delay(0);
    }

    @Test
    void two_nodes_deliver_each_item_once_and_a_node_killed_while_pushing_loses_nothing() throws Exception {
        List<String> first = backlog(600);
        province.delay(20);
        try (Node node = Node.start(dir, "exchange-node",
                "--gongxin.exchange.province.url=" + province.url(),
                "--gongxin.exchange.province.batch-size=20",
                "--gongxin.exchange.delivery-delay=PT0.05S",
                "--gongxin.evaluation.worker=false")) {
            // the second node is pushing the backlog; this one pushes too: the cluster lock lets one send at a time
            eventually(Duration.ofMinutes(2), () -> delivered(first) >= 20,
                    () -> "the second node to push; its log:\n" + node.log());
            eventually(Duration.ofMinutes(2), () -> {
                deliveries.drain();
                return pending(first) == 0;
            }, () -> "the backlog to be delivered; the node's log:\n" + node.log());
            Map<String, Integer> arrivals = arrivals();
            first.forEach(k -> assertThat(arrivals.get(k)).as("%s arrived once", k).isEqualTo(1));

            // a second backlog pushed by the node alone, slowly, and the node killed in the middle
            province.delay(100);
            List<String> second = backlog(600);
            eventually(Duration.ofMinutes(2), () -> delivered(second) >= 40,
                    () -> "the node to push part of the second backlog; its log:\n" + node.log());
            assertThat(pending(second)).as("killed with items still pending").isPositive();
            node.kill();
            province.delay(0);
            // this node takes over once PostgreSQL has dropped the dead node's lock with its connection
            Deliveries.Run run = deliveries.drain();
            assertThat(run.failed()).isFalse();
            assertThat(pending(second)).isZero();
            Map<String, Integer> after = arrivals();
            second.forEach(k -> assertThat(after.get(k)).as("%s arrived", k).isBetween(1, 2));
            Map<String, String> content = new HashMap<>();
            for (StandInProvince.Batch b : province.batches()) {
                for (JsonNode item : JSON.readTree(b.body()).get("items")) {
                    String key = item.get("key").asString();
                    String earlier = content.putIfAbsent(key, item.toString());
                    assertThat(earlier == null || earlier.equals(item.toString())).as("%s never with different content", key).isTrue();
                }
            }
        }
    }

    /** Items pending for the province, as the queue holds them (their keys); the stand-in reads only the key. */
    private List<String> backlog(int n) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into exchange.outbound (key, kind, entry_id, version, subject_id, department_code, item, queued_at)
                select 'TEST-' || :run || ':' || g || ':1', 'RECORD', g, 1, 0, 'CITY-SAMR',
                       '{"key":"TEST-' || :run || ':' || g || ':1","op":"UPSERT","version":1,"kind":"RECORD","fields":{"n":' || g || '}}',
                       now()
                  from generate_series(1, :n) g""").param("run", run).param("n", n).update();
        return jdbc.sql("select key from exchange.outbound where key like ? order by seq").param("TEST-" + run + ":%")
                .query(String.class).list();
    }

    private long pending(List<String> keys) {
        return count(keys, "PENDING");
    }

    private long delivered(List<String> keys) {
        return count(keys, "DELIVERED");
    }

    private long count(List<String> keys, String status) {
        return jdbc.sql("select count(*) from exchange.outbound where key = any(?) and status = ?")
                .params(keys.toArray(String[]::new), status).query(Long.class).single();
    }

    private Map<String, Integer> arrivals() {
        Map<String, Integer> n = new HashMap<>();
        province.keys().forEach(k -> n.merge(k, 1, Integer::sum));
        return n;
    }
}

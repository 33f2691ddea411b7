package gongxin.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.platform.KeyRing;
import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestClock;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange against a stand-in province over real HTTP (issue 23): every change of an entry arrives as a new
 * version under a stable key, signed, in the order of the subject's changes; while the province is down nothing is
 * lost; a rejected item holds back nothing; an upstream court list is pulled from its cursor, idempotently, and a
 * removal upstream removes the entry here.
 */
class ExchangeTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Deliveries deliveries;

    @Autowired
    OutboundQueue queue;

    @Autowired
    KeyRing keys;

    @Autowired
    org.springframework.modulith.events.IncompleteEventPublications incomplete;

    private final StandInProvince province = StandInProvince.shared();

    @AfterEach
    void provinceBack() {
        province.mode(StandInProvince.Mode.ACCEPT);
        province.delay(0);
    }

    private static String code() {
        return PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private long penalty(String code) {
        return acceptedPenalty(code, "示例市" + PenaltyFile.uniqueWord() + "贸易有限公司", "2026-10-10", "失信程度", "一般");
    }

    private String status(String key) {
        return jdbc.sql("select status from exchange.outbound where key = ?").param(key).query(String.class).optional().orElse(null);
    }

    private JsonNode arrived(String key) {
        JsonNode found = null;
        for (StandInProvince.Batch b : province.batches()) {
            for (JsonNode item : JSON.readTree(b.body()).get("items")) {
                if (item.get("key").asString().equals(key)) {
                    found = item;
                }
            }
        }
        return found;
    }

    private TestHttp admin() {
        return staff("admin");
    }

    @Test
    void every_change_of_an_entry_arrives_as_a_new_version_signed_and_in_the_order_of_the_changes() throws Exception {
        String code = code();
        long record = penalty(code);
        String first = "RECORD:" + record + ":1";
        assertThat(status(first)).as("queued with the change").isEqualTo("PENDING");

        Deliveries.Run run = deliveries.drain();
        assertThat(run.failed()).isFalse();
        assertThat(status(first)).isEqualTo("DELIVERED");
        JsonNode item = arrived(first);
        assertThat(item).isNotNull();
        assertThat(item.get("op").asString()).isEqualTo("UPSERT");
        assertThat(item.get("version").intValue()).isEqualTo(1);
        assertThat(item.get("subject").get("creditCode").asString()).isEqualTo(code);
        assertThat(item.get("fields").get("CF_WSH")).as("by the national field code: " + item.get("fields")).isNotNull();
        assertThat(item.get("entry").get("status").asString()).isEqualTo("PUBLISHED");
        StandInProvince.Batch batch = province.batches().stream().filter(b -> b.keys().contains(first)).findFirst().orElseThrow();
        assertThat(keys.verify(batch.body().getBytes(StandardCharsets.UTF_8), batch.signature())).as("signed with the platform's SM2 key").isTrue();
        assertThat(batch.keyId()).isEqualTo(keys.reportKeyId());

        // the digest kept of the content is SHA-256 of its UTF-8 in hex, as the JVM made it before PostgreSQL did: an
        // entry queued by an earlier release compares equal and queues nothing
        String stored = jdbc.sql("select item from exchange.outbound where key = ?").param(first).query(String.class).single();
        String content = "{" + stored.substring(stored.indexOf("\"kind\":"));
        assertThat(jdbc.sql("select digest from exchange.entry_version where kind = 'RECORD' and entry_id = ?").param(record)
                .query(String.class).single()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8))));

        // the same event again (a republication after a crash): the content is unchanged, nothing is queued
        long queued = jdbc.sql("select count(*) from exchange.outbound").query(Long.class).single();
        queue.on(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, record), EntryChange.RECORD_ADDED));
        assertThat(jdbc.sql("select count(*) from exchange.outbound").query(Long.class).single()).isEqualTo(queued);

        // revoked: a new version carrying the entry's state, after the first
        TestHttp.Response revoked = apiClient(DEMO_API_KEY).postJson("/api/v1/records/" + record + "/revocation",
                Map.of("documentType", "撤销行政处罚决定书", "documentNumber", "示例市监撤〔2026〕77号", "documentDate", "2026-11-20"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        String second = "RECORD:" + record + ":2";
        assertThat(status(second)).isEqualTo("PENDING");
        deliveries.drain();
        assertThat(arrived(second).get("entry").get("status").asString()).isEqualTo("REVOKED");
        List<String> keysInOrder = province.keys();
        assertThat(keysInOrder.indexOf(first)).isLessThan(keysInOrder.indexOf(second));
    }

    /**
     * Delivered items are deleted after the retention period (data: 90 days in the demo): a queue row holds the item as
     * sent, identifiers included. Pending items stay, younger delivered ones stay, and an unchanged entry whose row
     * went still queues nothing.
     */
    @Test
    void delivered_items_go_after_the_retention_period_and_nothing_else_does() {
        long old = penalty(code());
        deliveries.drain();
        String oldKey = "RECORD:" + old + ":1";
        assertThat(status(oldKey)).isEqualTo("DELIVERED");

        clock.set(java.time.Instant.parse("2027-02-23T02:00:00Z")); // 91 days later
        long recent = penalty(code());
        deliveries.drain();
        long waiting = penalty(code()); // not pushed yet
        assertThat(status("RECORD:" + waiting + ":1")).isEqualTo("PENDING");

        TestHttp.Response pruned = admin().postJsonWithCsrf("/api/v1/exchange/outbound/pruning", Map.of(), "/admin/exchange");
        assertThat(pruned.status()).as(pruned.body()).isEqualTo(200);
        assertThat(pruned.json().get("deleted").intValue()).isGreaterThanOrEqualTo(1);
        assertThat(pruned.json().get("retentionDays").intValue()).isEqualTo(90);
        assertThat(status(oldKey)).as("delivered 91 days ago: deleted").isNull();
        assertThat(status("RECORD:" + recent + ":1")).as("delivered today: kept").isEqualTo("DELIVERED");
        assertThat(status("RECORD:" + waiting + ":1")).as("pending: kept").isEqualTo("PENDING");
        assertThat(apiClient(newApiClient("CITY-SAMR", "exchange")).postJson("/api/v1/exchange/outbound/pruning", Map.of()).status())
                .as("an administrator's step").isEqualTo(403);

        long queued = jdbc.sql("select count(*) from exchange.outbound").query(Long.class).single();
        queue.on(CreditEntriesChanged.of(EntryRef.of(EntryKind.RECORD, old), EntryChange.RECORD_ADDED));
        assertThat(jdbc.sql("select count(*) from exchange.outbound").query(Long.class).single())
                .as("its last version and digest stay: unchanged, nothing queued").isEqualTo(queued);
    }

    /**
     * The node dies after a change committed and before its items were queued: the change's event stays incomplete in
     * the event publication registry, and publishing it again (as the next start does) queues the items.
     */
    @Test
    void a_change_whose_items_were_never_queued_is_queued_when_its_event_is_published_again() {
        long record = penalty(code());
        String key = "RECORD:" + record + ":1";
        assertThat(status(key)).isEqualTo("PENDING");
        java.util.UUID batch = jdbc.sql("select batch_id from records.record where id = ?").param(record).query(java.util.UUID.class).single();
        // as if the node had died in between: the listener's publication not completed, nothing queued
        int reopened = jdbc.sql("""
                update event_publication set completion_date = null, status = 'PUBLISHED'
                 where listener_id like '%OutboundQueue%' and serialized_event like ?""").param("%" + batch + "%").update();
        assertThat(reopened).as("the exchange's publication of the batch's event").isEqualTo(1);
        jdbc.sql("delete from exchange.outbound where key = ?").param(key).update();
        jdbc.sql("delete from exchange.entry_version where kind = 'RECORD' and entry_id = ?").param(record).update();

        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof CreditEntriesChanged c && batch.equals(c.batch()));

        assertThat(status(key)).isEqualTo("PENDING");
        assertThat(jdbc.sql("""
                select count(*) from event_publication
                 where listener_id like '%OutboundQueue%' and serialized_event like ? and completion_date is null""")
                .param("%" + batch + "%").query(Long.class).single()).as("completed this time").isZero();
    }

    /** Issue 23: grades go to the province too, a new version when the grade, score or model changes. */
    @Test
    void a_grade_is_pushed_as_a_new_version_when_it_changes() {
        String code = code();
        long record = penalty(code);
        long subject = jdbc.sql("select subject_id from records.record where id = ?").param(record).query(Long.class).single();
        jdbc.sql("""
                insert into evaluation.grade (subject_id, model_code, model_from, as_of, score, grade, evaluated_at)
                values (?, 'CITY-2026', '2026-01-01', '2026-11-24', 950, 'A', now())
                on conflict (subject_id) do update set score = 950, grade = 'A'""").param(subject).update();
        queue.on(new gongxin.evaluation.GradesChanged(List.of(subject)));
        queue.on(new gongxin.evaluation.GradesChanged(List.of(subject)));
        jdbc.sql("update evaluation.grade set score = 700, grade = 'C' where subject_id = ?").param(subject).update();
        queue.on(new gongxin.evaluation.GradesChanged(List.of(subject)));
        assertThat(jdbc.sql("select string_agg(key, ',' order by seq) from exchange.outbound where kind = 'GRADE' and entry_id = ?")
                .param(subject).query(String.class).single()).as("the repeat queued nothing")
                .isEqualTo("GRADE:" + subject + ":1,GRADE:" + subject + ":2");
        deliveries.drain();
        JsonNode second = arrived("GRADE:" + subject + ":2");
        assertThat(second.get("entry").get("grade").asString()).isEqualTo("C");
        assertThat(second.get("subject").get("creditCode").asString()).isEqualTo(code);
    }

    @Test
    void while_the_province_is_down_everything_waits_and_arrives_once_it_is_back() {
        province.mode(StandInProvince.Mode.DOWN);
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add("RECORD:" + penalty(code()) + ":1");
        }
        Deliveries.Run down = deliveries.drain();
        assertThat(down.failed()).isTrue();
        keys.forEach(k -> assertThat(status(k)).isEqualTo("PENDING"));
        JsonNode stats = admin().get("/api/v1/exchange/outbound/stats").json();
        assertThat(stats.get("pending").longValue()).isGreaterThanOrEqualTo(3);
        assertThat(stats.get("failures").intValue()).isEqualTo(1);
        assertThat(stats.get("lastError").asString()).isNotBlank();
        int batches = province.batches().size();

        // it waits before trying again (backing off, at most a minute apart), even when asked
        province.mode(StandInProvince.Mode.ACCEPT);
        assertThat(deliveries.drain().batches()).isZero();
        assertThat(province.batches()).hasSize(batches);

        clock.set(TestClock.START.plusSeconds(61));
        Deliveries.Run back = deliveries.drain();
        assertThat(back.failed()).isFalse();
        keys.forEach(k -> assertThat(status(k)).isEqualTo("DELIVERED"));
        assertThat(admin().get("/api/v1/exchange/outbound/stats").json().get("failures").intValue()).isZero();
    }

    /**
     * Queueing on a thread of its own, as in production: each chunk is written on the writer's thread while the next
     * one is built, in the order of the changes, and the listener returns only once every chunk is written (its event
     * completes then).
     */
    @Test
    void chunks_written_beside_the_queueing_come_in_the_order_of_the_changes_before_the_listener_returns(
            @Autowired gongxin.entries.CreditEntries entries, @Autowired gongxin.evaluation.Grades grades,
            @Autowired gongxin.subjects.Subjects subjects, @Autowired OutboundRepository repository,
            @Autowired ExchangeProperties properties,
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
        List<Long> records = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(penalty(code()));
        }
        Long[] ids = records.toArray(Long[]::new);
        // as if their items had never been queued
        jdbc.sql("delete from exchange.outbound where kind = 'RECORD' and entry_id = any(?)").param(ids).update();
        jdbc.sql("delete from exchange.entry_version where kind = 'RECORD' and entry_id = any(?)").param(ids).update();
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            new OutboundQueue(entries, grades, subjects, repository, properties, clock, transactions, writer, 2)
                    .on(CreditEntriesChanged.of(EntryKind.RECORD, records, EntryChange.RECORD_ADDED));
        } finally {
            writer.shutdown();
        }
        assertThat(jdbc.sql("select entry_id from exchange.outbound where kind = 'RECORD' and entry_id = any(?) order by seq")
                .param(ids).query(Long.class).list()).as("in the order of the changes, every chunk written")
                .containsExactlyElementsOf(records.stream().sorted().toList());
    }

    /**
     * An answer that leaves an item out (neither accepted nor rejected): the item stays pending and goes again in the
     * same push, before anything queued after it, rather than waiting for a later push behind its subject's later items.
     */
    @Test
    void an_item_the_answer_leaves_out_goes_again_in_the_same_push_before_what_came_after_it() {
        String leftOut = "RECORD:" + penalty(code()) + ":1";
        String next = "RECORD:" + penalty(code()) + ":1";
        province.omitOnce(leftOut);
        int before = province.keys().size();

        Deliveries.Run run = deliveries.drain();

        assertThat(run.failed()).isFalse();
        assertThat(status(leftOut)).isEqualTo("DELIVERED");
        assertThat(status(next)).isEqualTo("DELIVERED");
        List<String> arrivals = province.keys().subList(before, province.keys().size());
        assertThat(arrivals).containsSubsequence(leftOut, next, leftOut);
        assertThat(arrivals.lastIndexOf(leftOut)).as("the second time first in its batch").isEqualTo(arrivals.indexOf(next) + 1);
        assertThat(jdbc.sql("select attempts from exchange.outbound where key = ?").param(leftOut).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void a_rejected_item_is_shown_to_its_department_and_holds_back_nothing() {
        String refusedKey = "RECORD:" + penalty(code()) + ":1";
        String otherKey = "RECORD:" + penalty(code()) + ":1";
        province.reject(refusedKey, "统一社会信用代码与登记信息不符");
        deliveries.drain();
        assertThat(status(refusedKey)).isEqualTo("REJECTED");
        assertThat(status(otherKey)).isEqualTo("DELIVERED");

        JsonNode rejected = staff("operator").get("/api/v1/exchange/outbound?status=REJECTED").json();
        assertThat(rejected.toString()).as("the owning department sees it with the province's reason")
                .contains(refusedKey).contains("统一社会信用代码与登记信息不符");
        String firstContent = arrived(refusedKey).toString();

        TestHttp.Response resent = admin().postJsonWithCsrf("/api/v1/exchange/outbound/" + refusedKey + "/resend", Map.of(), "/console");
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(status(refusedKey)).isEqualTo("PENDING");
        province.reject(refusedKey, null);
        deliveries.drain();
        assertThat(status(refusedKey)).isEqualTo("DELIVERED");
        assertThat(province.keys().stream().filter(refusedKey::equals).count()).as("sent twice").isEqualTo(2);
        assertThat(arrived(refusedKey).toString()).as("never with different content").isEqualTo(firstContent);
        assertThat(admin().postJsonWithCsrf("/api/v1/exchange/outbound/RECORD:0:9/resend", Map.of(), "/console").status()).isEqualTo(404);
    }

    @Test
    void a_court_list_is_pulled_from_its_cursor_once_and_a_removal_upstream_removes_the_entry() {
        String debtor = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "拖欠有限公司";
        String id = "SXBZXR-" + debtor;
        province.publish("court", entry(id, name, debtor, null));
        String client = newApiClient("CITY-NDRC", "exchange");
        TestHttp.Response pulled = apiClient(client).postJson("/api/v1/exchange/upstream/court/pull", Map.of());
        assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
        assertThat(pulled.json().get("created").intValue()).isGreaterThanOrEqualTo(1);
        long entryId = jdbc.sql("select id from lists.list_entry where upstream_source = 'court' and upstream_id = ?").param(id)
                .query(Long.class).single();
        String checker = newApiClient("CITY-NDRC", "check");
        assertThat(hits(checker, debtor)).as("the debtor is a hit in checks").contains("LIST_ENTRY:" + entryId);

        // pulled again: from the cursor, nothing new; the same entry again changes nothing
        assertThat(apiClient(client).postJson("/api/v1/exchange/upstream/court/pull", Map.of()).json().get("pulled").intValue()).isZero();
        province.publish("court", entry(id, name, debtor, null));
        JsonNode again = apiClient(client).postJson("/api/v1/exchange/upstream/court/pull", Map.of()).json();
        assertThat(again.get("unchanged").intValue()).isEqualTo(1);
        assertThat(again.get("created").intValue()).isZero();

        // the court deleted the debtor (it performed): removed here, on that day
        province.publish("court", entry(id, name, debtor, "2026-11-20"));
        assertThat(apiClient(client).postJson("/api/v1/exchange/upstream/court/pull", Map.of()).json().get("removed").intValue()).isEqualTo(1);
        assertThat(jdbc.sql("select removed_on::text || ' ' || removal_reason from lists.list_entry where id = ?").param(entryId)
                .query(String.class).single()).isEqualTo("2026-11-20 UPSTREAM_REMOVED");
        assertThat(hits(checker, debtor)).doesNotContain("LIST_ENTRY:" + entryId);

        // a source that is down: 502, the cursor stays, the failure shows with the source
        province.mode(StandInProvince.Mode.DOWN);
        String cursor = jdbc.sql("select cursor from exchange.upstream_source where code = 'court'").query(String.class).single();
        TestHttp.Response down = apiClient(client).postJson("/api/v1/exchange/upstream/court/pull", Map.of());
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.json().get("type").asString()).isEqualTo("urn:gongxin:problem:source-unavailable");
        assertThat(jdbc.sql("select cursor from exchange.upstream_source where code = 'court'").query(String.class).single()).isEqualTo(cursor);
        assertThat(admin().get("/api/v1/exchange/upstream").json().get("sources").get(0).get("lastError").asString()).isNotBlank();
        assertThat(apiClient(client).postJson("/api/v1/exchange/upstream/nowhere/pull", Map.of()).status()).isEqualTo(404);
    }

    /**
     * An objection to an entry pulled from the court's list is taken by the keeping department and passed on to the
     * court: filed, accepted and decided, each step signed, in order; while the source is down the steps wait.
     */
    @Test
    void an_objection_to_a_pulled_entry_is_passed_on_to_its_source_step_by_step() {
        String debtor = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "异议有限公司";
        String id = "SXBZXR-" + debtor;
        province.publish("court", entry(id, name, debtor, null));
        String client = newApiClient("CITY-NDRC", "exchange");
        apiClient(client).postJson("/api/v1/exchange/upstream/court/pull", Map.of());
        long entryId = jdbc.sql("select id from lists.list_entry where upstream_source = 'court' and upstream_id = ?").param(id)
                .query(Long.class).single();

        Map<String, Object> objection = new java.util.HashMap<>();
        objection.put("subject", Map.of("creditCode", debtor, "name", name, "legalRepresentative", "张三"));
        objection.put("target", Map.of("kind", "LIST_ENTRY", "id", entryId));
        objection.put("contact", Map.of("name", "李会计", "phone", "13800138000"));
        objection.put("reason", "该案已执行完毕，法院已出具结案通知书");
        TestHttp.Response filed = http().postJson("/api/v1/rights/objections", objection);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String number = filed.json().get("number").asString();

        province.mode(StandInProvince.Mode.DOWN);
        JsonNode down = apiClient(client).postJson("/api/v1/exchange/upstream/objections/delivery", Map.of()).json();
        assertThat(down.get("sent").intValue()).isZero();
        assertThat(down.get("lastError").asString()).isNotBlank();
        assertThat(province.objections("court").stream().filter(o -> o.contains(number)).toList()).isEmpty();
        province.mode(StandInProvince.Mode.ACCEPT);

        TestHttp court = apiClient(newApiClient("CITY-COURT", "submit"));
        assertThat(court.postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true)).status()).isEqualTo(200);
        assertThat(court.postJson("/api/v1/rights/applications/" + number + "/decision",
                Map.of("outcome", "UPHELD", "reason", "法院回复：尚未执行完毕")).status()).isEqualTo(200);
        JsonNode sent = apiClient(client).postJson("/api/v1/exchange/upstream/objections/delivery", Map.of()).json();
        assertThat(sent.get("sent").intValue()).isGreaterThanOrEqualTo(3);
        List<JsonNode> received = province.objections("court").stream().filter(o -> o.contains(number)).map(JSON::readTree).toList();
        assertThat(received.stream().map(o -> o.get("step").asString() + (o.get("outcome").isNull() ? "" : ":" + o.get("outcome").asString())))
                .containsExactly("FILED", "ACCEPTED", "DECIDED:UPHELD");
        assertThat(received.get(0).get("upstreamId").asString()).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from exchange.upstream_objection where application = ? and status = 'SENT'").param(number)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void a_file_of_the_penalties_changed_since_a_day_in_the_national_layout_in_gb18030_or_xlsx() {
        String name = "示例市" + PenaltyFile.uniqueWord() + "导出有限公司";
        long kept = acceptedPenalty(code(), name, "2026-10-10", "失信程度", "一般");
        String revokedName = "示例市" + PenaltyFile.uniqueWord() + "撤销有限公司";
        long revoked = acceptedPenalty(code(), revokedName, "2026-10-11", "失信程度", "一般");
        apiClient(DEMO_API_KEY).postJson("/api/v1/records/" + revoked + "/revocation",
                Map.of("documentType", "撤销行政处罚决定书", "documentNumber", "示例市监撤〔2026〕78号", "documentDate", "2026-11-20"));
        String oldName = "示例市" + PenaltyFile.uniqueWord() + "旧有限公司";
        long old = acceptedPenalty(code(), oldName, "2026-09-01", "失信程度", "一般");
        jdbc.sql("update records.record set updated_at = '2026-10-01T00:00:00Z' where id = ?").param(old).update();
        TestHttp client = apiClient(newApiClient("CITY-NDRC", "exchange"));

        assertThat(client.get("/api/v1/exchange/export?item=XZCF&since=2026-11-24").status()).as("a purpose is declared").isEqualTo(422);
        TestHttp.Response csv = client.purpose("向省级平台报送双公示数据").get("/api/v1/exchange/export?item=XZCF&since=2026-11-24&format=csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).contains("GB18030");
        String text = new String(csv.bytes(), java.nio.charset.Charset.forName("GB18030"));
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).startsWith("行政相对人名称,").endsWith(",数据状态");
        assertThat(text).contains(name).contains(revokedName).doesNotContain(oldName);
        String revokedLine = java.util.Arrays.stream(lines).filter(l -> l.startsWith(revokedName)).findFirst().orElseThrow();
        assertThat(revokedLine).endsWith(",已撤销");
        assertThat(java.util.Arrays.stream(lines).filter(l -> l.startsWith(name)).findFirst().orElseThrow()).endsWith(",正常");
        assertThat(lines[0].split(",").length).as("every line has the header's columns")
                .isEqualTo(java.util.Arrays.stream(lines).filter(l -> l.startsWith(name)).findFirst().orElseThrow().split(",", -1).length);

        TestHttp.Response xlsx = client.purpose("向省级平台报送双公示数据").get("/api/v1/exchange/export?item=XZCF&since=2026-11-24&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        List<Map<Integer, String>> rows = cn.idev.excel.FastExcel.read(new java.io.ByteArrayInputStream(xlsx.bytes())).sheet()
                .headRowNumber(0).doReadSync();
        assertThat(rows.get(0).get(0)).isEqualTo("行政相对人名称");
        assertThat(rows.stream().anyMatch(r -> name.equals(r.get(0)))).isTrue();
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'READ_NON_PUBLIC' and object_type = 'exchange_export'")
                .query(Long.class).single()).as("audited as a read").isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("""
                select count(*) from sharing.read where channel = 'EXPORT'
                   and subject_id = (select subject_id from records.record where id = ?)""").param(kept)
                .query(Long.class).single()).as("a line in the exported subject's query history").isEqualTo(2);

        assertThat(client.purpose("核对").get("/api/v1/exchange/export?item=XZCF&since=2026-11-25").status()).isEqualTo(422);
        assertThat(client.purpose("核对").get("/api/v1/exchange/export?item=NOPE&since=2026-11-01").status()).isEqualTo(422);
        assertThat(apiClient(newApiClient("CITY-SAMR", "check")).purpose("核对").get("/api/v1/exchange/export?item=XZCF&since=2026-11-01")
                .status()).isEqualTo(403);
        assertThat(kept).isPositive();
    }

    @Test
    void only_staff_and_exchange_clients_see_the_exchange_and_only_admins_resend() {
        assertThat(http().get("/api/v1/exchange/outbound/stats").status()).isIn(401, 403);
        assertThat(apiClient(newApiClient("CITY-SAMR", "check")).get("/api/v1/exchange/outbound").status()).isEqualTo(403);
        assertThat(apiClient(newApiClient("CITY-SAMR", "check")).postJson("/api/v1/exchange/upstream/court/pull", Map.of()).status())
                .isEqualTo(403);
        assertThat(staff("operator").postJsonWithCsrf("/api/v1/exchange/outbound/RECORD:1:1/resend", Map.of(), "/console").status())
                .isEqualTo(403);
        assertThat(staff("operator").get("/api/v1/exchange/outbound?status=SENT").status()).isEqualTo(422);
    }

    private List<String> hits(String checker, String code) {
        TestHttp.Response r = apiClient(checker).postJson("/api/v1/checks", Map.of("matter", "GOV-PROCUREMENT",
                "purpose", "政府采购供应商资格审查", "subject", Map.of("creditCode", code)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("hits").valueStream().map(h -> h.get("kind").asString() + ":" + h.get("id").longValue()).toList();
    }

    private static String entry(String id, String name, String code, String removedOn) {
        return "{\"id\":\"" + id + "\",\"listType\":\"COURT-DEBTOR\",\"subject\":{\"name\":\"" + name + "\",\"creditCode\":\"" + code
                + "\"},\"documentNumber\":\"（2026）示0201执" + id.hashCode() % 10000 + "号\",\"authority\":\"示例市中级人民法院\","
                + "\"listedOn\":\"2026-10-15\",\"removedOn\":" + (removedOn == null ? "null" : "\"" + removedOn + "\"") + "}";
    }
}

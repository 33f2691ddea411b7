package gongxin.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PdfText;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The serious-dishonesty procedure as a department's system walks it through the API, on the real calendar (National
 * Day 2026), with the public pages looked at each step, and every skipped step or forbidden act refused with its rule
 * and nothing changed.
 */
class ListCaseApiTest extends IntegrationTest {

    static final Map<String, Object> COURT = Map.of("number", "（2026）示0201执恢1号之一", "date", "2026-11-19");

    @Autowired
    JdbcClient jdbc;

    /** A company with one accepted penalty decided on the given day; its record id. */
    private long penalty(String code, String name, String date) {
        return acceptedPenalty(code, name, date);
    }

    private static String code() {
        return PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private static Map<String, Object> proposal(String code, long... records) {
        Map<String, Object> body = new HashMap<>();
        body.put("listType", "SAMR-SERIOUS");
        body.put("subject", Map.of("creditCode", code));
        body.put("basis", java.util.Arrays.stream(records).mapToObj(id -> Map.of("recordId", id)).toList());
        body.put("facts", "拒不履行行政处罚决定，情节严重");
        body.put("contact", Map.of("name", "王科长", "phone", "0510-12345678"));
        return body;
    }

    /** Proposes, serves the notice on 2026-10-12 and decides on 2026-11-02; the case id and the entry id. */
    private long[] listed(Map<String, Object> proposal) {
        long id = created(system().postJson("/api/v1/lists/cases", proposal));
        approvedByReviewer(id);
        system().postJson("/api/v1/lists/cases/" + id + "/notice", Map.of("servedOn", "2026-10-12"));
        TestHttp.Response decided = system().postJson("/api/v1/lists/cases/" + id + "/decision",
                Map.of("decidedOn", "2026-11-02", "documentNumber", "示市监认〔2026〕" + id + "号"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return new long[]{id, decided.json().get("entry").get("id").longValue()};
    }

    private TestHttp system() {
        return apiClient(DEMO_API_KEY);
    }

    private static String rule(TestHttp.Response r) {
        return r.json().get("errors").get(0).get("rule").asString();
    }

    private long created(TestHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").longValue();
    }

    private JsonNode publicSection(String code) {
        JsonNode page = http().get("/api/v1/public/subjects/" + code).json();
        return page.get("sections").get("SERIOUS_DISHONESTY").get("entries");
    }

    private boolean onPublicList(String name) {
        return http().get("/api/v1/public/publicity/SERIOUS_DISHONESTY").json().valueStream()
                .anyMatch(row -> row.get("subjectName").asString().equals(name));
    }


    @Test
    void a_case_walks_from_proposal_to_listing_to_removal_on_the_statutory_calendar() throws IOException {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "食品有限公司";
        long record = penalty(code, name, "2026-09-01");

        TestHttp.Response proposed = system().postJson("/api/v1/lists/cases", proposal(code, record));
        long id = created(proposed);
        assertThat(proposed.json().get("status").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.json().get("approved").booleanValue()).as("a system's proposal waits for a reviewer too").isFalse();
        TestHttp.Response unapproved = system().postJson("/api/v1/lists/cases/" + id + "/notice", Map.of("servedOn", "2026-09-28"));
        assertThat(rule(unapproved)).as("a submit key alone cannot carry a listing (issue 25, finding 7)").isEqualTo("not-approved");
        assertThat(proposed.json().get("subject").get("creditCode").asString()).isEqualTo(code);
        assertThat(proposed.json().get("basis").get(0).get("recordId").longValue()).isEqualTo(record);

        // no statement before the notice, whatever its date (ApiFuzzTest, seed 2626202265747833624: a date before any
        // deadline table answered 500)
        TestHttp.Response tooEarly = system().postJson("/api/v1/lists/cases/" + id + "/statements",
                Map.of("receivedOn", "2016-06-15", "objection", false));
        assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(422);
        assertThat(rule(tooEarly)).isEqualTo("not-notified");

        // no decision before the notice
        TestHttp.Response early = system().postJson("/api/v1/lists/cases/" + id + "/decision",
                Map.of("decidedOn", "2026-10-20", "documentNumber", "示市监认〔2026〕1号"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(rule(early)).isEqualTo("not-notified");

        // served on Monday 28 September: 10 working days run past National Day and the make-up Saturday of 10 October
        approvedByReviewer(id);
        TestHttp.Response notified = system().postJson("/api/v1/lists/cases/" + id + "/notice", Map.of("servedOn", "2026-09-28"));
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);
        assertThat(notified.json().get("status").asString()).isEqualTo("NOTIFIED");
        assertThat(notified.json().get("statementDeadline").asString()).isEqualTo("2026-10-16");
        assertThat(publicSection(code)).as("nothing is listed during the statement period").isEmpty();

        TestHttp.Response objection = system().postJson("/api/v1/lists/cases/" + id + "/statements",
                Map.of("receivedOn", "2026-10-09", "text", "处罚决定正在复议中", "objection", true));
        assertThat(objection.status()).as(objection.body()).isEqualTo(201);
        assertThat(objection.json().get("verificationDeadline").asString()).isEqualTo("2026-10-22");
        int sid = objection.json().get("id").intValue();

        TestHttp.Response inPeriod = system().postJson("/api/v1/lists/cases/" + id + "/decision",
                Map.of("decidedOn", "2026-10-16", "documentNumber", "示市监认〔2026〕1号"));
        assertThat(rule(inPeriod)).isEqualTo("statement-period");
        TestHttp.Response duringObjection = system().postJson("/api/v1/lists/cases/" + id + "/decision",
                Map.of("decidedOn", "2026-10-19", "documentNumber", "示市监认〔2026〕1号"));
        assertThat(rule(duringObjection)).isEqualTo("open-objection");
        TestHttp.Response future = system().postJson("/api/v1/lists/cases/" + id + "/decision",
                Map.of("decidedOn", "2026-12-01", "documentNumber", "示市监认〔2026〕1号"));
        assertThat(rule(future)).isEqualTo("not-future");

        TestHttp.Response resolved = system().postJson("/api/v1/lists/cases/" + id + "/statements/" + sid + "/resolution",
                Map.of("outcome", "REJECTED", "reason", "复议机关已维持原处罚决定"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("NOTIFIED");

        TestHttp.Response decided = system().postJson("/api/v1/lists/cases/" + id + "/decision",
                Map.of("decidedOn", "2026-10-19", "documentNumber", "示市监认〔2026〕1号"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("status").asString()).isEqualTo("LISTED");
        JsonNode entry = decided.json().get("entry");
        assertThat(entry.get("listedOn").asString()).isEqualTo("2026-10-19");
        assertThat(entry.get("removableFrom").asString()).isEqualTo("2027-10-20");
        assertThat(entry.get("endsOn").asString()).isEqualTo("2029-10-19");
        long entryId = entry.get("id").longValue();

        // at once on the subject page and on the list page
        JsonNode shown = publicSection(code);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("itemName").asString()).isEqualTo("市场监督管理严重违法失信名单");
        assertThat(shown.get(0).get("decisionNumber").asString()).isEqualTo("示市监认〔2026〕1号");
        assertThat(shown.get(0).get("listEntryId").longValue()).isEqualTo(entryId);
        assertThat(onPublicList(name)).isTrue();
        assertThat(http().get("/lists/serious-dishonesty").body()).contains(name);

        // the subject look-up has the entry
        JsonNode subject = system().purpose("名单核对").get("/api/v1/subjects?creditCode=" + code).json();
        assertThat(subject.get("listEntries").get(0).get("id").longValue()).isEqualTo(entryId);
        assertThat(subject.get("listEntries").get(0).get("inForce").booleanValue()).isTrue();

        // the case with its timeline, read with a purpose and audited
        assertThat(system().get("/api/v1/lists/cases/" + id).status()).isEqualTo(422);
        JsonNode stored = system().purpose("案件办理").get("/api/v1/lists/cases/" + id).json();
        assertThat(stored.get("timeline").valueStream().map(s -> s.get("step").asString()))
                .containsExactly("PROPOSED", "APPROVED", "NOTIFIED", "OBJECTION_RECEIVED", "OBJECTION_RESOLVED", "LISTED");
        assertThat(jdbc.sql("select count(*) from audit.entry where object_type = 'list_case' and object_id = ?")
                .param(Long.toString(id)).query(Integer.class).single()).isGreaterThanOrEqualTo(6);

        // the documents carry their required parts
        String notice = PdfText.of(system().purpose("送达文书").get("/api/v1/lists/cases/" + id + "/notice.pdf").bytes());
        assertThat(notice).contains("严重失信主体名单列入告知书", name, code, "拒不履行行政处罚决定", "陈述", "申辩", "异议",
                "2026年10月16日", "10个工作日", "0510-12345678", "第44号", "限制参加政府采购");
        String decision = PdfText.of(system().purpose("送达文书").get("/api/v1/lists/cases/" + id + "/decision.pdf").bytes());
        assertThat(decision).contains("认定决定书", "示市监认〔2026〕1号", "2026年10月19日", "2029年10月19日", "2027年10月20日",
                "处罚决定正在复议中", "异议不成立", "行政复议", "行政诉讼", "限制参加政府采购", "移出条件");
        String repair = PdfText.of(system().purpose("送达文书").get("/api/v1/lists/cases/" + id + "/repair-notice.pdf").bytes());
        assertThat(repair).contains("信用修复告知书", "示市监认〔2026〕1号", "2027年10月20日", "2029年10月19日", "不收取任何费用");

        // the reason must be true: the basis stands and repair goes through an application
        assertThat(rule(system().postJson("/api/v1/lists/entries/" + entryId + "/removal",
                Map.of("on", "2026-11-20", "reason", "BASIS_REVOKED")))).isEqualTo("basis-stands");
        assertThat(rule(system().postJson("/api/v1/lists/entries/" + entryId + "/removal",
                Map.of("on", "2026-11-20", "reason", "REPAIRED")))).isEqualTo("repair-required");
        // issue 26: a court's removal names the court's document and is not dated before it
        assertThat(rule(system().postJson("/api/v1/lists/entries/" + entryId + "/removal",
                Map.of("on", "2026-11-20", "reason", "COURT_DECISION")))).isEqualTo("court-decision-required");
        assertThat(rule(system().postJson("/api/v1/lists/entries/" + entryId + "/removal",
                Map.of("on", "2026-11-18", "reason", "COURT_DECISION", "courtDecision", COURT)))).isEqualTo("before-ground");
        assertThat(rule(system().postJson("/api/v1/lists/entries/" + entryId + "/removal",
                Map.of("on", "2026-11-20", "reason", "COURT_DECISION", "courtDecision",
                        Map.of("number", "（2026）示0201执恢1号之一", "date", "2026-11-25"))))).isEqualTo("not-future");
        // removal by a court's decision: off the public pages at once, history kept
        TestHttp.Response removed = system().postJson("/api/v1/lists/entries/" + entryId + "/removal",
                Map.of("on", "2026-11-20", "reason", "COURT_DECISION", "courtDecision", COURT));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("status").asString()).isEqualTo("REMOVED");
        assertThat(publicSection(code)).isEmpty();
        assertThat(onPublicList(name)).isFalse();
        JsonNode after = system().purpose("案件办理").get("/api/v1/lists/cases/" + id).json();
        assertThat(after.get("status").asString()).isEqualTo("REMOVED");
        assertThat(after.get("entry").get("removalReason").asString()).isEqualTo("COURT_DECISION");
        assertThat(after.get("timeline").toString()).as("the court's document kept with the removal").contains("（2026）示0201执恢1号之一");
        assertThat(jdbc.sql("select count(*) from lists.list_entry where id = ?").param(entryId).query(Integer.class).single()).isEqualTo(1);
        TestHttp.Response twice = system().postJson("/api/v1/lists/entries/" + entryId + "/removal",
                Map.of("on", "2026-11-20", "reason", "COURT_DECISION", "courtDecision", COURT));
        assertThat(rule(twice)).isEqualTo("not-listed");
    }

    /** Issue 26, finding 11: a listing past its last day, its removal not recorded yet, does not block a new case. */
    @Test
    void a_listing_past_its_end_does_not_block_a_new_case() {
        String code = code();
        long record = penalty(code, "示例市" + PenaltyFile.uniqueWord() + "机械有限公司", "2026-09-01");
        long[] listed = listed(proposal(code, record));
        long id = listed[0];
        long entry = listed[1];
        assertThat(rule(system().postJson("/api/v1/lists/cases", proposal(code, record)))).isEqualTo("open-case");
        // as if its last day had been 2026-11-20 (a short list type): over, though nobody recorded the removal
        jdbc.sql("update lists.list_entry set ends_on = date '2026-11-20' where id = ?").param(entry).update();
        assertThat(system().postJson("/api/v1/lists/cases", proposal(code, record)).status()).isEqualTo(201);
        // the old entry is recorded as ended the day after its last day, by the platform
        JsonNode old = system().purpose("案件办理").get("/api/v1/lists/cases/" + id).json();
        assertThat(old.get("status").asString()).isEqualTo("REMOVED");
        assertThat(old.get("entry").get("removalReason").asString()).isEqualTo("EXPIRED");
        assertThat(old.get("entry").get("removedOn").asString()).isEqualTo("2026-11-21");
    }

    /** Issue 26, finding 1: a penalty decided by 简易程序 (exempt from dishonesty) cannot be a listing's only basis. */
    @Test
    void a_listing_cannot_rest_on_a_penalty_that_is_not_dishonesty_information() {
        String code = code();
        long simple = acceptedPenalty(code, "示例市" + PenaltyFile.uniqueWord() + "商贸有限公司", "2026-09-01", "适用程序", "简易程序");
        assertThat(jdbc.sql("select dishonest from records.record where id = ?").param(simple).query(Boolean.class).single()).isFalse();
        TestHttp.Response refused = system().postJson("/api/v1/lists/cases", proposal(code, simple));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(rule(refused)).isEqualTo("basis-not-dishonesty");
        assertThat(jdbc.sql("select count(*) from lists.list_case c join lists.list_case_basis b on b.case_id = c.id where b.record_id = ?")
                .param(simple).query(Integer.class).single()).isZero();
    }

    @Test
    void an_objection_found_right_drops_the_case_and_nothing_is_listed() {
        String code = code();
        long record = penalty(code, "示例市" + PenaltyFile.uniqueWord() + "商贸有限公司", "2026-09-01");
        long id = created(system().postJson("/api/v1/lists/cases", proposal(code, record)));
        approvedByReviewer(id);
        system().postJson("/api/v1/lists/cases/" + id + "/notice", Map.of("servedOn", "2026-10-12"));
        int sid = system().postJson("/api/v1/lists/cases/" + id + "/statements",
                Map.of("receivedOn", "2026-10-13", "text", "认定对象错误", "objection", true)).json().get("id").intValue();
        TestHttp.Response accepted = system().postJson("/api/v1/lists/cases/" + id + "/statements/" + sid + "/resolution",
                Map.of("outcome", "ACCEPTED", "reason", "经核实主体有误"));
        assertThat(accepted.json().get("status").asString()).isEqualTo("DROPPED");
        TestHttp.Response decided = system().postJson("/api/v1/lists/cases/" + id + "/decision",
                Map.of("decidedOn", "2026-11-10", "documentNumber", "示市监认〔2026〕2号"));
        assertThat(rule(decided)).isEqualTo("not-notified");
        assertThat(publicSection(code)).isEmpty();
        // a dropped case does not block a new one
        assertThat(system().postJson("/api/v1/lists/cases", proposal(code, record)).status()).isEqualTo(201);
    }

    @Test
    void a_statement_after_the_period_is_recorded_as_late_and_does_not_hold_up_the_decision() {
        String code = code();
        long record = penalty(code, "示例市" + PenaltyFile.uniqueWord() + "贸易有限公司", "2026-09-01");
        long id = created(system().postJson("/api/v1/lists/cases", proposal(code, record)));
        approvedByReviewer(id);
        system().postJson("/api/v1/lists/cases/" + id + "/notice", Map.of("servedOn", "2026-10-12"));
        TestHttp.Response late = system().postJson("/api/v1/lists/cases/" + id + "/statements",
                Map.of("receivedOn", "2026-11-02", "text", "逾期异议", "objection", true));
        assertThat(late.json().get("verificationDeadline").isNull()).isTrue();
        TestHttp.Response decided = system().postJson("/api/v1/lists/cases/" + id + "/decision",
                Map.of("decidedOn", "2026-11-03", "documentNumber", "示市监认〔2026〕3号"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    @Nested
    class WhenTheBasisFalls {

        private void revoke(long record) {
            TestHttp.Response revoked = system().postJson("/api/v1/records/" + record + "/revocation", Map.of("documentType",
                    "撤销行政处罚决定书", "documentNumber", "示例市监撤〔2026〕" + record + "号", "documentDate", "2026-11-20"));
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        }

        @Test
        void an_open_case_can_go_no_further_shows_on_the_board_and_is_withdrawn() {
            String code = code();
            String name = "示例市" + PenaltyFile.uniqueWord() + "物流有限公司";
            long record = penalty(code, name, "2026-09-01");
            long id = created(system().postJson("/api/v1/lists/cases", proposal(code, record)));
            revoke(record);
            approvedByReviewer(id);
            TestHttp.Response notice = system().postJson("/api/v1/lists/cases/" + id + "/notice", Map.of("servedOn", "2026-11-02"));
            assertThat(rule(notice)).isEqualTo("basis-not-effective");
            assertThat(staff("reviewer").get("/list-cases").body()).contains("依据已撤销：不能继续认定");
            TestHttp.Response withdrawn = system().postJson("/api/v1/lists/cases/" + id + "/withdrawal", Map.of("reason", "处罚决定已被撤销"));
            assertThat(withdrawn.json().get("status").asString()).isEqualTo("DROPPED");
            assertThat(staff("reviewer").get("/list-cases").body()).doesNotContain("data-case=\"" + id + "\"");
        }

        /** Issue 26, finding 2: the entry stops the day its only basis is revoked, without waiting for anyone. */
        @Test
        void a_listed_entry_leaves_the_list_the_day_its_only_basis_is_revoked() {
            String code = code();
            String name = "示例市" + PenaltyFile.uniqueWord() + "装饰有限公司";
            long record = penalty(code, name, "2026-09-01");
            long id = listed(proposal(code, record))[0];
            assertThat(publicSection(code)).hasSize(1);
            String checker = newApiClient("CITY-NDRC", "check");
            java.util.function.Supplier<List<String>> hits = () -> apiClient(checker).postJson("/api/v1/checks", Map.of("matter",
                    "BIDDING", "purpose", "政府采购资格审查", "subject", Map.of("creditCode", code))).json().get("hits").valueStream()
                    .map(h -> h.get("kind").asString()).toList();
            assertThat(hits.get()).contains("LIST_ENTRY");
            revoke(record);

            JsonNode stored = system().purpose("案件办理").get("/api/v1/lists/cases/" + id).json();
            assertThat(stored.get("status").asString()).isEqualTo("REMOVED");
            assertThat(stored.get("entry").get("removalReason").asString()).isEqualTo("BASIS_REVOKED");
            assertThat(stored.get("entry").get("removedOn").asString()).isEqualTo("2026-11-24");
            assertThat(stored.get("timeline").valueStream().map(s -> s.get("step").asString())).endsWith("BASIS_REVOKED", "REMOVED");
            assertThat(publicSection(code)).isEmpty();
            assertThat(onPublicList(name)).isFalse();
            // checks no longer find the listing
            assertThat(hits.get()).doesNotContain("LIST_ENTRY");
            // the department is told on its board
            assertThat(staff("reviewer").get("/list-cases").body()).contains("data-case=\"" + id + "\"")
                    .contains("依据已撤销：已于 2026-11-24 自动移出名单");
        }

        @Test
        void a_listed_entry_resting_on_another_record_too_stays_for_the_department_to_review() {
            String code = code();
            String name = "示例市" + PenaltyFile.uniqueWord() + "装饰有限公司";
            long first = penalty(code, name, "2026-08-01");
            long second = penalty(code, name, "2026-09-01");
            Map<String, Object> proposal = proposal(code, first);
            proposal.put("basis", List.of(Map.of("recordId", first), Map.of("recordId", second)));
            long id = listed(proposal)[0];
            revoke(first);
            JsonNode stored = system().purpose("案件办理").get("/api/v1/lists/cases/" + id).json();
            assertThat(stored.get("status").asString()).isEqualTo("LISTED");
            assertThat(staff("reviewer").get("/list-cases").body()).contains("data-case=\"" + id + "\"")
                    .contains("部分依据已撤销：请复核是否移出名单");
            assertThat(publicSection(code)).hasSize(1);
        }
    }

    @Nested
    class ProvisionalDeadlines {

        // a year no other test relies on: a week of holidays in January
        private static final String YEAR_2033 = """
                {"year": 2033, "papers": ["https://www.gov.cn/example"], "days": [
                  {"name": "春节", "date": "2033-01-17", "isOffDay": true}, {"name": "春节", "date": "2033-01-18", "isOffDay": true},
                  {"name": "春节", "date": "2033-01-19", "isOffDay": true}, {"name": "春节", "date": "2033-01-20", "isOffDay": true},
                  {"name": "春节", "date": "2033-01-21", "isOffDay": true}]}""";

        @Test
        void are_counted_again_when_their_year_is_loaded() {
            String code = code();
            long record = penalty(code, "示例市" + PenaltyFile.uniqueWord() + "印务有限公司", "2026-09-01");
            clock.set(java.time.Instant.parse("2033-01-14T02:00:00Z"));
            long id = created(system().postJson("/api/v1/lists/cases", proposal(code, record)));
            approvedByReviewer(id);
            TestHttp.Response notified = system().postJson("/api/v1/lists/cases/" + id + "/notice", Map.of("servedOn", "2033-01-14"));
            assertThat(notified.json().get("statementDeadline").asString()).isEqualTo("2033-01-28");
            assertThat(notified.json().get("statementDeadlineProvisional").booleanValue()).isTrue();

            TestHttp admin = staff("admin");
            TestHttp.Response loaded = admin.multipart("/admin/calendar", "file", "2033.json",
                    YEAR_2033.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("_csrf", admin.csrfOf("/admin/calendar")));
            assertThat(loaded.status()).as(loaded.body()).isEqualTo(302);

            JsonNode stored = system().purpose("案件办理").get("/api/v1/lists/cases/" + id).json();
            assertThat(stored.get("statementDeadline").asString()).isEqualTo("2033-02-04");
        }
    }

    @Nested
    class BadProposals {

        @Test
        void are_refused_with_their_rule_and_change_nothing() {
            String code = code();
            String other = code();
            long record = penalty(code, "示例市" + PenaltyFile.uniqueWord() + "建材有限公司", "2026-09-01");
            long othersRecord = penalty(other, "示例市" + PenaltyFile.uniqueWord() + "五金有限公司", "2026-09-02");
            int before = jdbc.sql("select count(*) from lists.list_case").query(Integer.class).single();

            assertThat(rule(system().postJson("/api/v1/lists/cases", proposal(code)))).isEqualTo("basis-required");
            assertThat(rule(system().postJson("/api/v1/lists/cases", proposal(code, othersRecord)))).isEqualTo("basis-subject");
            assertThat(rule(system().postJson("/api/v1/lists/cases", proposal(code, 999_999_999L)))).isEqualTo("basis-unknown");
            Map<String, Object> upstream = proposal(code, record);
            upstream.put("listType", "COURT-DEBTOR");
            assertThat(system().postJson("/api/v1/lists/cases", upstream).status()).isEqualTo(422);
            Map<String, Object> noFacts = proposal(code, record);
            noFacts.put("facts", " ");
            assertThat(rule(system().postJson("/api/v1/lists/cases", noFacts))).isEqualTo("facts-required");
            assertThat(jdbc.sql("select count(*) from lists.list_case").query(Integer.class).single()).isEqualTo(before);

            // another department may not propose on a list it does not determine (谁认定、谁负责)
            String eeb = newApiClient("CITY-EEB", "submit");
            TestHttp.Response foreign = apiClient(eeb).postJson("/api/v1/lists/cases", proposal(code, record));
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(rule(foreign)).isEqualTo("not-determining-department");

            // a revoked basis is no basis
            system().postJson("/api/v1/records/" + othersRecord + "/revocation", Map.of("documentType", "撤销行政处罚决定书",
                    "documentNumber", "示例市监撤〔2026〕19号", "documentDate", "2026-11-20"));
            assertThat(rule(system().postJson("/api/v1/lists/cases", proposal(other, othersRecord)))).isEqualTo("basis-not-effective");

            // one open case per subject and list type; a repeated Idempotency-Key answers the same case
            TestHttp.Response first = system().postJsonWithKey("/api/v1/lists/cases", proposal(code, record), "case-" + code);
            long id = created(first);
            assertThat(system().postJsonWithKey("/api/v1/lists/cases", proposal(code, record), "case-" + code).json().get("id").longValue())
                    .isEqualTo(id);
            assertThat(rule(system().postJson("/api/v1/lists/cases", proposal(code, record)))).isEqualTo("open-case");

            // steps by another department are refused and change nothing
            TestHttp.Response notice = apiClient(eeb).postJson("/api/v1/lists/cases/" + id + "/notice", Map.of("servedOn", "2026-11-02"));
            assertThat(notice.status()).isEqualTo(403);
            assertThat(jdbc.sql("select status from lists.list_case where id = ?").param(id).query(String.class).single())
                    .isEqualTo("PROPOSED");
        }
    }

    @Nested
    class DeadlineBoard {

        @Test
        void shows_a_missed_objection_deadline_first_and_marked() {
            String code = code();
            String name = "示例市" + PenaltyFile.uniqueWord() + "冷链有限公司";
            long record = penalty(code, name, "2026-09-01");
            long id = created(system().postJson("/api/v1/lists/cases", proposal(code, record)));
            approvedByReviewer(id);
            system().postJson("/api/v1/lists/cases/" + id + "/notice", Map.of("servedOn", "2026-10-12"));
            TestHttp.Response objection = system().postJson("/api/v1/lists/cases/" + id + "/statements",
                    Map.of("receivedOn", "2026-10-13", "text", "异议", "objection", true));
            assertThat(objection.json().get("verificationDeadline").asString()).isEqualTo("2026-10-27");

            String board = staff("reviewer").get("/list-cases").body();
            String row = board.substring(board.indexOf("data-case=\"" + id + "\""));
            row = row.substring(0, row.indexOf("</tr>"));
            assertThat(row).contains("异议待核实").contains("已超期").contains("2026-10-27");
            assertThat(board.substring(board.indexOf("<tbody>"), board.indexOf("data-case=\"" + id + "\"")))
                    .as("overdue cases come first").doesNotContain("陈述申辩期");
        }
    }

    @Nested
    class StaffProposals {

        @Test
        void need_a_reviewer_who_is_not_the_proposer_before_the_notice() {
            String code = code();
            long record = penalty(code, "示例市" + PenaltyFile.uniqueWord() + "餐饮有限公司", "2026-09-01");
            TestHttp operator = staff("operator");
            TestHttp.Response proposed = operator.postJsonWithCsrf("/api/v1/lists/cases", proposal(code, record), "/purpose");
            long id = created(proposed);
            assertThat(proposed.json().get("approved").booleanValue()).isFalse();

            TestHttp.Response notice = operator.postJsonWithCsrf("/api/v1/lists/cases/" + id + "/notice",
                    Map.of("servedOn", "2026-11-02"), "/purpose");
            assertThat(rule(notice)).isEqualTo("not-approved");

            String board = staff("reviewer").get("/list-cases").body();
            assertThat(board).contains("data-case=\"" + id + "\"").contains("待审核");

            TestHttp reviewer = staff("reviewer");
            String csrf = reviewer.csrfOf("/list-cases/" + id);
            TestHttp.Response approved = reviewer.formPairs("/list-cases/" + id + "/approval", "_csrf", csrf);
            assertThat(approved.status()).isEqualTo(302);
            assertThat(jdbc.sql("select approved from lists.list_case where id = ?").param(id).query(Boolean.class).single()).isTrue();

            TestHttp.Response served = operator.postJsonWithCsrf("/api/v1/lists/cases/" + id + "/notice",
                    Map.of("servedOn", "2026-11-02"), "/purpose");
            assertThat(served.status()).as(served.body()).isEqualTo(200);
            assertThat(served.json().get("statementDeadline").asString()).isEqualTo("2026-11-16");
        }
    }
}

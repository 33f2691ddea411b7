package gongxin.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PdfText;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Objection and credit repair as a subject and its department walk them through the API (test clock: Tuesday
 * 2026-11-24), with every effect looked for where it shows: the public subject page, a check, the record's state.
 */
class RightsApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private static String code() {
        return PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    /** A penalty of a company whose legal representative is 张三. */
    private long penalty(String code, String name, String decided, String severity) {
        return acceptedPenalty(code, name, decided, "失信程度", severity, "法定代表人", "张三");
    }

    private static Map<String, Object> subject(String code, String name) {
        return Map.of("creditCode", code, "name", name, "legalRepresentative", "张三");
    }

    private static Map<String, Object> repair(Map<String, Object> subject, long recordId) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("target", Map.of("recordId", recordId));
        body.put("contact", Map.of("name", "李会计", "phone", "13800138000"));
        body.put("commitment", true);
        body.put("statement", "罚款已于 2026-04-01 缴清，虚假宣传内容已下架整改");
        return body;
    }

    private static Map<String, Object> objection(Map<String, Object> subject, long recordId) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("target", Map.of("recordId", recordId));
        body.put("contact", Map.of("name", "李会计", "phone", "0510-87654321"));
        body.put("reason", "处罚决定书已由复议机关变更，公示的处罚内容有误");
        return body;
    }

    /** A proposal of the demo's SAMR-SERIOUS list resting on this penalty record. */
    private static Map<String, Object> listingOn(String code, long basis) {
        Map<String, Object> proposal = new HashMap<>();
        proposal.put("listType", "SAMR-SERIOUS");
        proposal.put("subject", Map.of("creditCode", code));
        proposal.put("basis", java.util.List.of(Map.of("recordId", basis)));
        proposal.put("facts", "拒不履行行政处罚决定，情节严重");
        return proposal;
    }

    /** The proofs a repair of a penalty or a listing needs in the demo: an identity document and the fine's receipt. */
    private void proofsOf(String number) {
        TestHttp.Response identity = http().multipart("/api/v1/rights/applications/" + number + "/proofs", "files", "营业执照.pdf", PDF,
                Map.of("kinds", "IDENTITY"));
        assertThat(identity.status()).as(identity.body()).isEqualTo(201);
        TestHttp.Response performance = http().multipart("/api/v1/rights/applications/" + number + "/proofs", "files", "缴款凭证.pdf", PDF,
                Map.of("kinds", "PERFORMANCE"));
        assertThat(performance.status()).as(performance.body()).isEqualTo(201);
        assertThat(performance.json().get("missingProofs")).isEmpty();
    }

    private static String rule(TestHttp.Response r) {
        return r.json().get("errors").get(0).get("rule").asString();
    }

    private TestHttp system() {
        return apiClient(DEMO_API_KEY);
    }

    private JsonNode publicEntry(String code, long recordId) {
        JsonNode entries = http().get("/api/v1/public/subjects/" + code).json().get("sections").get("PENALTY").get("entries");
        for (JsonNode e : entries) {
            if (e.get("recordId").longValue() == recordId) {
                return e;
            }
        }
        return null;
    }

    private JsonNode checkHit(String checker, String code, long recordId) {
        JsonNode answer = apiClient(checker).postJson("/api/v1/checks", Map.of("matter", "BIDDING", "purpose", "招标投标资格审查",
                "subject", Map.of("creditCode", code))).json();
        for (JsonNode h : answer.get("hits")) {
            if (h.get("id").longValue() == recordId) {
                return h;
            }
        }
        return null;
    }

    private String decisionNumber(long recordId) {
        return jdbc.sql("select decision_number from records.record where id = ?").param(recordId).query(String.class).single();
    }

    /** The text of a full credit report issued now, without white space. */
    private String report(String code) {
        TestHttp.Response pdf = http().postJson("/api/v1/public/reports", Map.of("creditCode", code));
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        return PdfText.of(pdf.bytes());
    }

    /**
     * A new repair application, submitted (the platform cannot know who applies) and then accepted by the department
     * as the subject's own: the refusal period binds the applicant proven at acceptance (issue 25, finding 3).
     */
    private TestHttp.Response acceptanceOfNew(Map<String, Object> body) {
        TestHttp.Response submitted = http().postJson("/api/v1/rights/repairs", body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String number = submitted.json().get("number").asString();
        proofsOf(number);
        return system().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
    }

    private long applications() {
        return jdbc.sql("select count(*) from rights.application").query(Long.class).single();
    }

    @Test
    void a_repair_applied_for_too_early_is_refused_with_its_first_day_and_granted_later_everywhere_at_once() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "商贸有限公司";
        long recent = penalty(code, name, "2026-04-15", "严重");
        long older = penalty(code, name, "2026-03-15", "严重");
        String checker = newApiClient("CITY-NDRC", "check");
        assertThat(publicEntry(code, older)).as("published before the repair").isNotNull();
        assertThat(checkHit(checker, code, older)).as("a hit before the repair").isNotNull();
        String olderNumber = decisionNumber(older);
        String recentNumber = decisionNumber(recent);
        assertThat(report(code)).contains(olderNumber).contains(recentNumber);
        long before = applications();

        // Order 36: a serious penalty waits a year; the first day repair is possible is in the problem
        TestHttp.Response early = http().postJson("/api/v1/rights/repairs", repair(subject(code, name), recent));
        assertThat(early.status()).as(early.body()).isEqualTo(422);
        assertThat(rule(early)).isEqualTo("minimum-period");
        assertThat(early.json().get("earliestDate").asString()).isEqualTo("2027-04-16");

        // refused for what is missing, nothing stored
        Map<String, Object> noCommitment = repair(subject(code, name), older);
        noCommitment.put("commitment", false);
        assertThat(rule(http().postJson("/api/v1/rights/repairs", noCommitment))).isEqualTo("commitment-required");
        String other = code();
        penalty(other, "示例市另一家有限公司", "2026-03-15", "严重");
        assertThat(rule(http().postJson("/api/v1/rights/repairs", repair(subject(other, "示例市另一家有限公司"), older))))
                .as("another subject's record").isEqualTo("subject-mismatch");
        assertThat(rule(http().postJson("/api/v1/rights/repairs", repair(Map.of("creditCode", code, "name", name,
                "legalRepresentative", "王五"), older)))).as("a legal representative the platform knows otherwise").isEqualTo("subject-mismatch");
        assertThat(applications()).isEqualTo(before);

        // decided under Order 58 (before 2026-04-01): three months, so possible today
        TestHttp.Response applied = http().postJson("/api/v1/rights/repairs", repair(subject(code, name), older));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String number = applied.json().get("number").asString();
        assertThat(number).matches("XF2026-[A-Z2-9]{20}");
        assertThat(applied.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(applied.json().get("department").asString()).isEqualTo("CITY-SAMR");
        assertThat(applied.json().get("acceptBy").asString()).as("Tuesday + 3 working days").isEqualTo("2026-11-27");
        assertThat(applied.json().get("fee").intValue()).isZero();
        assertThat(applied.json().get("missingProofs").toString()).isEqualTo("[\"IDENTITY\",\"PERFORMANCE\"]");
        TestHttp.Response twice = http().postJson("/api/v1/rights/repairs", repair(subject(code, name), older));
        assertThat(twice.status()).as("a second application waits beside the first: only acceptance holds the record")
                .isEqualTo(201);

        TestHttp.Response proofs = http().multipart("/api/v1/rights/applications/" + number + "/proofs", "files", "缴款凭证.pdf", PDF, Map.of());
        assertThat(proofs.status()).as(proofs.body()).isEqualTo(201);
        TestHttp.Response fake = http().multipart("/api/v1/rights/applications/" + number + "/proofs", "files", "凭证.pdf",
                "<html>伪造</html>".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(fake.status()).isEqualTo(422);
        assertThat(rule(fake)).isEqualTo("proof-type");
        assertThat(jdbc.sql("select count(*) from rights.proof where number = ?").param(number).query(Long.class).single()).isEqualTo(1);

        JsonNode followed = http().get("/api/v1/rights/applications/" + number).json();
        assertThat(followed.get("kind").asString()).isEqualTo("REPAIR");
        assertThat(followed.get("timeline").get(0).get("step").asString()).isEqualTo("SUBMITTED");
        assertThat(followed.toString()).as("the public view carries no contact data").doesNotContain("13800138000");
        assertThat(http().get("/api/v1/rights/applications/XF2026-AAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);

        // the department: not decided before accepted; another department may not act
        assertThat(rule(system().postJson("/api/v1/rights/applications/" + number + "/decision", Map.of("granted", true))))
                .isEqualTo("not-accepted");
        TestHttp.Response foreign = apiClient(newApiClient("CITY-EEB", "submit"))
                .postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(http().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true)).status())
                .as("the public cannot accept").isIn(401, 403);
        // issue 26 (Also): not accepted before the identity document and the proof of performance are there
        TestHttp.Response incomplete = system().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
        assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(422);
        assertThat(rule(incomplete)).isEqualTo("proofs-required");
        assertThat(incomplete.json().get("missing").toString()).isEqualTo("[\"IDENTITY\",\"PERFORMANCE\"]");
        assertThat(http().get("/api/v1/rights/applications/" + number).json().get("missingProofs").toString())
                .as("the applicant sees what is missing").isEqualTo("[\"IDENTITY\",\"PERFORMANCE\"]");
        TestHttp.Response mismatched = http().multipart("/api/v1/rights/applications/" + number + "/proofs", "files", "营业执照.pdf", PDF,
                Map.of("kinds", "PASSPORT"));
        assertThat(rule(mismatched)).isEqualTo("proof-kind");
        proofsOf(number);
        TestHttp.Response accepted = system().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("decideBy").asString()).as("+7 working days").isEqualTo("2026-12-03");
        assertThat(system().get("/api/v1/rights/applications/" + number + "/details").status())
                .as("personal data: a purpose is declared").isEqualTo(422);
        JsonNode details = system().purpose("办理信用修复申请").get("/api/v1/rights/applications/" + number + "/details").json();
        assertThat(details.get("applicant").get("contact").get("phone").asString()).isEqualTo("13800138000");
        assertThat(details.get("proofs").get(0).get("contentType").asString()).isEqualTo("application/pdf");

        TestHttp.Response granted = system().postJson("/api/v1/rights/applications/" + number + "/decision",
                Map.of("granted", true, "reason", "罚款已缴清，整改到位"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("status").asString()).isEqualTo("GRANTED");

        // everywhere at once: not on the website, no hit in checks, the record kept and marked repaired
        assertThat(publicEntry(code, older)).as("gone from the public page").isNull();
        assertThat(publicEntry(code, recent)).as("the other penalty stays").isNotNull();
        assertThat(report(code)).as("a new report leaves it out").doesNotContain(olderNumber).contains(recentNumber);
        JsonNode answer = apiClient(checker).postJson("/api/v1/checks", Map.of("matter", "BIDDING", "purpose", "招标投标资格审查",
                "subject", Map.of("creditCode", code))).json();
        assertThat(answer.toString()).as("no hit, and not named as a reason either (no longer shared)")
                .doesNotContain("\"id\":" + older + ",").doesNotContain("\"hitId\":" + older);
        assertThat(jdbc.sql("select status from records.record where id = ?").param(older).query(String.class).single())
                .isEqualTo("REPAIRED");
        assertThat(jdbc.sql("select count(*) from records.transition where record_id = ? and kind = 'REPAIRED'").param(older)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(rule(http().postJson("/api/v1/rights/repairs", repair(subject(code, name), older))))
                .as("nothing left to repair: not public any more, so as unknown (issue 25, finding 4)").isEqualTo("target-unknown");
        assertThat(http().get("/api/v1/rights/applications/" + number).json().get("status").asString()).isEqualTo("GRANTED");
    }

    /** Issue 26, finding 6: the 10 working days to verify an objection run from its receipt, not from its acceptance. */
    @Test
    void an_objection_is_verified_within_ten_working_days_of_its_receipt() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "五金有限公司";
        long record = penalty(code, name, "2026-10-10", "一般");
        clock.set(java.time.Instant.parse("2026-11-10T02:00:00Z"));
        String number = http().postJson("/api/v1/rights/objections", objection(subject(code, name), record)).json().get("number").asString();
        clock.set(java.time.Instant.parse("2026-11-12T02:00:00Z"));
        TestHttp.Response accepted = system().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        // received Tuesday 10 November: 11, 12, 13, 16, 17, 18, 19, 20, 23, 24 (from acceptance it would be the 26th)
        assertThat(accepted.json().get("decideBy").asString()).isEqualTo("2026-11-24");
    }

    /**
     * Issue 26, finding 7: a deadline counted into a year whose statutory calendar was not loaded yet (weekends only)
     * is counted again when the year is loaded, as list cases' are.
     */
    @Test
    void deadlines_that_ran_into_an_unloaded_year_are_counted_again_when_it_is_loaded() {
        // 2035: a year no other test loads; a week of holidays from Monday 15 January
        String year2035 = """
                {"year": 2035, "papers": ["https://www.gov.cn/example"], "days": [
                  {"name": "测试假日", "date": "2035-01-15", "isOffDay": true}, {"name": "测试假日", "date": "2035-01-16", "isOffDay": true},
                  {"name": "测试假日", "date": "2035-01-17", "isOffDay": true}, {"name": "测试假日", "date": "2035-01-18", "isOffDay": true},
                  {"name": "测试假日", "date": "2035-01-19", "isOffDay": true}]}""";
        clock.set(java.time.Instant.parse("2035-01-08T02:00:00Z"));
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "玻璃有限公司";
        long record = penalty(code, name, "2035-01-02", "一般");
        String number = http().postJson("/api/v1/rights/objections", objection(subject(code, name), record)).json().get("number").asString();
        TestHttp.Response accepted = system().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        // received Monday 8 January: 10 working days on weekends alone end on the 22nd
        assertThat(accepted.json().get("decideBy").asString()).isEqualTo("2035-01-22");

        TestHttp admin = staff("admin");
        TestHttp.Response loaded = admin.multipart("/admin/calendar", "file", "2035.json",
                year2035.getBytes(StandardCharsets.UTF_8), Map.of("_csrf", admin.csrfOf("/admin/calendar")));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(302);
        assertThat(jdbc.sql("select decide_by from rights.application where number = ?").param(number).query(java.time.LocalDate.class)
                .single()).as("the holiday week pushes it a week on").isEqualTo(java.time.LocalDate.parse("2035-01-29"));
        assertThat(jdbc.sql("select decide_by_provisional from rights.application where number = ?").param(number)
                .query(Boolean.class).single()).isFalse();
    }

    /**
     * Issue 26, finding 11: a listing may be objected to like a record. Found right (REVOKED), the entry leaves the list;
     * an upstream entry's objection goes to the department that keeps the list and, upheld, the entry stays.
     */
    @Test
    void a_list_entry_may_be_objected_to_and_found_wrong_it_leaves_the_list() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "食品有限公司";
        long basis = penalty(code, name, "2026-09-01", "严重");
        long caseId = system().postJson("/api/v1/lists/cases", listingOn(code, basis)).json().get("id").longValue();
        approvedByReviewer(caseId);
        system().postJson("/api/v1/lists/cases/" + caseId + "/notice", Map.of("servedOn", "2026-10-12"));
        long entry = system().postJson("/api/v1/lists/cases/" + caseId + "/decision",
                Map.of("decidedOn", "2026-11-02", "documentNumber", "示市监认〔2026〕" + caseId + "号")).json()
                .get("entry").get("id").longValue();
        java.util.function.Supplier<JsonNode> listed = () -> http().get("/api/v1/public/subjects/" + code).json().get("sections")
                .get("SERIOUS_DISHONESTY").get("entries");
        assertThat(listed.get()).hasSize(1);

        Map<String, Object> body = objection(subject(code, name), 0);
        body.put("target", Map.of("kind", "LIST_ENTRY", "id", entry));
        body.put("reason", "认定所依据的处罚决定已经复议变更，不属于严重失信");
        TestHttp.Response objected = http().postJson("/api/v1/rights/objections", body);
        assertThat(objected.status()).as(objected.body()).isEqualTo(201);
        String number = objected.json().get("number").asString();
        assertThat(listed.get().get(0).get("underObjection").booleanValue()).as("marked at once").isTrue();

        system().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
        TestHttp.Response revoked = system().postJson("/api/v1/rights/applications/" + number + "/decision",
                Map.of("outcome", "REVOKED", "reason", "经核实异议成立"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(listed.get()).as("off the list").isEmpty();
        JsonNode stored = system().purpose("案件办理").get("/api/v1/lists/cases/" + caseId).json();
        assertThat(stored.get("status").asString()).isEqualTo("REMOVED");
        assertThat(stored.get("entry").get("removalReason").asString()).isEqualTo("OBJECTION");
        assertThat(jdbc.sql("select count(*) from lists.list_entry where id = ? and objection_since is not null").param(entry)
                .query(Integer.class).single()).isZero();

        // an upstream entry: the objection goes to the department that keeps the list (the court), marked meanwhile
        String csv = "被执行人名称,统一社会信用代码,执行案号,发布日期\n" + name + "," + code + ",（2026）示0201执" + caseId + "号,2026-11-05\n";
        TestHttp.Response imported = system().multipart("/api/v1/lists/imports", "file", "debtors.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("listType", "COURT-DEBTOR", "source", "最高人民法院失信被执行人名单公布系统", "listDate", "2026-11-06"));
        long debtor = jdbc.sql("select id from lists.list_entry where import_id = ?").param(imported.json().get("id").longValue())
                .query(Long.class).single();
        Map<String, Object> upstream = objection(subject(code, name), 0);
        upstream.put("target", Map.of("kind", "LIST_ENTRY", "id", debtor));
        TestHttp.Response toCourt = http().postJson("/api/v1/rights/objections", upstream);
        assertThat(toCourt.status()).as(toCourt.body()).isEqualTo(201);
        assertThat(toCourt.json().get("department").asString()).isEqualTo("CITY-COURT");
        assertThat(listed.get()).singleElement().satisfies(e -> assertThat(e.get("underObjection").booleanValue()).isTrue());
    }

    /**
     * Issue 25, finding 1: the identity check uses facts shown on the public page, so a filed objection only marks the
     * record; its measures are suspended from the department's acceptance (受理) until the decision, and a repeated
     * objection without new facts is refused for the cool-off period.
     */
    @Test
    void an_objection_marks_the_record_at_once_and_suspends_its_measures_from_acceptance_until_it_is_decided() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "建材有限公司";
        long record = penalty(code, name, "2026-10-10", "一般");
        String checker = newApiClient("CITY-NDRC", "check");
        assertThat(checkHit(checker, code, record).get("suspended").booleanValue()).isFalse();

        assertThat(rule(http().postJson("/api/v1/rights/objections", Map.of("subject", subject(code, name),
                "target", Map.of("recordId", record), "contact", Map.of("name", "李", "phone", "13800138000")))))
                .isEqualTo("reason-required");
        TestHttp.Response objected = http().postJson("/api/v1/rights/objections", objection(subject(code, name), record));
        assertThat(objected.status()).as(objected.body()).isEqualTo(201);
        String number = objected.json().get("number").asString();
        assertThat(number).startsWith("YY2026-");

        assertThat(publicEntry(code, record).get("underObjection").booleanValue()).as("marked on the website").isTrue();
        assertThat(report(code)).as("and in a new report").contains("（异议处理中）");
        JsonNode hit = checkHit(checker, code, record);
        assertThat(hit.get("suspended").booleanValue()).as("a filed objection lifts no measure").isFalse();
        assertThat(hit.get("underObjection")).isNull();
        // a second filing waits beside the first (a filing holds nothing); once one is accepted, no other can be
        String beside = http().postJson("/api/v1/rights/objections", objection(subject(code, name), record)).json().get("number").asString();

        system().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
        assertThat(rule(system().postJson("/api/v1/rights/applications/" + beside + "/acceptance", Map.of("accepted", true))))
                .isEqualTo("open-application");
        assertThat(rule(http().postJson("/api/v1/rights/objections", objection(subject(code, name), record))))
                .as("one is being verified").isEqualTo("open-application");
        system().postJson("/api/v1/rights/applications/" + beside + "/acceptance", Map.of("accepted", false, "reason", "重复提出"));
        JsonNode accepted = checkHit(checker, code, record);
        assertThat(accepted.get("suspended").booleanValue()).as("suspended from the acceptance").isTrue();
        assertThat(accepted.get("suspendedReason").asString()).contains("异议已受理");
        TestHttp.Response notCorrected = system().postJson("/api/v1/rights/applications/" + number + "/decision",
                Map.of("outcome", "CORRECTED", "reason", "已更正处罚内容"));
        assertThat(rule(notCorrected)).as("no corrected version was sent").isEqualTo("correction-required");
        assertThat(publicEntry(code, record).get("underObjection").booleanValue()).as("a refused step changes nothing").isTrue();

        TestHttp.Response upheld = system().postJson("/api/v1/rights/applications/" + number + "/decision",
                Map.of("outcome", "UPHELD", "reason", "经核查，公示内容与复议后的决定一致"));
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        assertThat(upheld.json().get("status").asString()).isEqualTo("UPHELD");
        assertThat(publicEntry(code, record).get("underObjection").booleanValue()).isFalse();
        assertThat(checkHit(checker, code, record).get("suspended").booleanValue()).as("measures apply again").isFalse();
        JsonNode followed = http().get("/api/v1/rights/applications/" + number).json();
        assertThat(followed.get("reason").asString()).as("the reason reaches the applicant").contains("经核查");

        // the same objection again, without new facts: refused for the cool-off period (6 months in the demo)
        TestHttp.Response again = http().postJson("/api/v1/rights/objections", objection(subject(code, name), record));
        assertThat(rule(again)).isEqualTo("repeat-objection");
        assertThat(again.json().get("earliestDate").asString()).isEqualTo("2027-05-25");

        // after it, a second objection found right: the record is revoked and leaves the website
        clock.set(java.time.Instant.parse("2027-05-25T02:00:00Z"));
        TestHttp.Response secondFiled = http().postJson("/api/v1/rights/objections", objection(subject(code, name), record));
        assertThat(secondFiled.status()).as(secondFiled.body()).isEqualTo(201);
        String second = secondFiled.json().get("number").asString();
        system().postJson("/api/v1/rights/applications/" + second + "/acceptance", Map.of("accepted", true));
        TestHttp.Response revoked = system().postJson("/api/v1/rights/applications/" + second + "/decision",
                Map.of("outcome", "REVOKED", "reason", "该处罚决定已被复议机关撤销"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(publicEntry(code, record)).isNull();
        assertThat(checkHit(checker, code, record)).isNull();
        assertThat(jdbc.sql("select status from records.record where id = ?").param(record).query(String.class).single())
                .isEqualTo("REVOKED");
    }

    @Test
    void an_objection_not_accepted_lifts_the_mark_and_a_correction_then_decides_it_corrected() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "物流有限公司";
        String document = "示市监罚〔2026〕" + ThreadLocalRandom.current().nextInt(1_000_000_000) + "号";
        long record = acceptedPenalty(code, name, "2026-10-12", "法定代表人", "张三", "行政处罚决定书文号", document);

        String first = http().postJson("/api/v1/rights/objections", objection(subject(code, name), record)).json().get("number").asString();
        TestHttp.Response notAccepted = system().postJson("/api/v1/rights/applications/" + first + "/acceptance",
                Map.of("accepted", false));
        assertThat(rule(notAccepted)).isEqualTo("reason-required");
        system().postJson("/api/v1/rights/applications/" + first + "/acceptance", Map.of("accepted", false, "reason", "未说明哪项信息有误"));
        assertThat(publicEntry(code, record).get("underObjection").booleanValue()).isFalse();

        String second = http().postJson("/api/v1/rights/objections", objection(subject(code, name), record)).json().get("number").asString();
        system().postJson("/api/v1/rights/applications/" + second + "/acceptance", Map.of("accepted", true));
        // the department sends the corrected record through collection: a new version
        acceptedPenalty(code, name, "2026-10-12", "法定代表人", "张三", "行政处罚决定书文号", document, "处罚内容", "警告");
        TestHttp.Response corrected = system().postJson("/api/v1/rights/applications/" + second + "/decision",
                Map.of("outcome", "CORRECTED", "reason", "处罚内容已按复议决定更正为警告"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode entry = publicEntry(code, record);
        assertThat(entry.get("underObjection").booleanValue()).isFalse();
        assertThat(entry.toString()).contains("警告");
    }

    @Test
    void the_repair_notice_served_with_a_penalty_says_when_and_how_repair_becomes_possible() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "餐饮有限公司";
        long before = penalty(code, name, "2026-03-15", "严重");
        long after = penalty(code, name, "2026-04-15", "严重");

        // it names the subject and the decision: read with a declared purpose and audited (issue 25, finding 8)
        assertThat(rule(system().get("/api/v1/rights/records/" + after + "/repair-notice.pdf"))).isEqualTo("purpose-required");
        TestHttp.Response pdf = system().purpose("送达信用修复告知书").get("/api/v1/rights/records/" + after + "/repair-notice.pdf");
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(jdbc.sql("select purpose from audit.entry where object_type = 'repair_notice' and object_id = ?")
                .param("RECORD:" + after).query(String.class).list()).containsExactly("送达信用修复告知书");
        String text = PdfText.of(pdf.bytes());
        assertThat(text).contains("信用修复告知书").contains(name).contains("2027年4月16日起").contains("ORDER-36")
                .contains("不收取任何费用").contains("3个工作日内决定是否受理").contains("7个工作日内作出决定").contains("延长10个工作日")
                .contains("2029年4月15日届满");
        assertThat(PdfText.of(system().purpose("送达信用修复告知书").get("/api/v1/rights/records/" + before + "/repair-notice.pdf").bytes()))
                .as("decided under Order 58: three months").contains("2026年6月16日起").contains("ORDER-58");
        assertThat(apiClient(newApiClient("CITY-EEB", "submit")).purpose("送达").get("/api/v1/rights/records/" + after + "/repair-notice.pdf").status())
                .as("only the deciding department").isEqualTo(403);
    }


    @Test
    void a_repair_of_a_list_entry_takes_the_subject_off_the_list() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "食品有限公司";
        long basis = penalty(code, name, "2025-09-01", "严重");
        long caseId = system().postJson("/api/v1/lists/cases", listingOn(code, basis)).json().get("id").longValue();
        approvedByReviewer(caseId);
        assertThat(system().postJson("/api/v1/lists/cases/" + caseId + "/notice", Map.of("servedOn", "2025-09-15")).status()).isEqualTo(200);
        TestHttp.Response decided = system().postJson("/api/v1/lists/cases/" + caseId + "/decision",
                Map.of("decidedOn", "2025-10-20", "documentNumber", "示市监认〔2025〕9号"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        long entry = decided.json().get("entry").get("id").longValue();
        assertThat(decided.json().get("entry").get("removableFrom").asString()).isEqualTo("2026-10-21");
        JsonNode listed = http().get("/api/v1/public/subjects/" + code).json().get("sections").get("SERIOUS_DISHONESTY").get("entries");
        assertThat(listed).hasSize(1);

        Map<String, Object> body = repair(subject(code, name), 0);
        body.put("target", Map.of("listEntryId", entry));
        TestHttp.Response applied = http().postJson("/api/v1/rights/repairs", body);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String number = applied.json().get("number").asString();
        proofsOf(number);
        system().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
        TestHttp.Response granted = system().postJson("/api/v1/rights/applications/" + number + "/decision",
                Map.of("granted", true, "reason", "已履行处罚决定并完成整改"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);

        assertThat(http().get("/api/v1/public/subjects/" + code).json().get("sections").get("SERIOUS_DISHONESTY").get("entries"))
                .as("off the list at once").isEmpty();
        JsonNode listCase = system().purpose("核对修复结果").get("/api/v1/lists/cases/" + caseId).json();
        assertThat(listCase.get("status").asString()).isEqualTo("REMOVED");
        assertThat(listCase.get("entry").get("removalReason").asString()).isEqualTo("REPAIRED");
        assertThat(rule(http().postJson("/api/v1/rights/repairs", body))).as("nothing left to repair: not public any more, so as unknown (issue 25, finding 4)").isEqualTo("target-unknown");

        // issue 26 (Also): the repair rested on a forged receipt: revoked, the subject is back on the list until its end
        clock.set(java.time.Instant.parse("2026-12-01T02:00:00Z"));
        TestHttp.Response revoked = system().postJson("/api/v1/rights/applications/" + number + "/revocation",
                Map.of("reason", "缴款凭证系伪造（开户银行回函）"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("GRANT_REVOKED");
        assertThat(http().get("/api/v1/public/subjects/" + code).json().get("sections").get("SERIOUS_DISHONESTY").get("entries"))
                .as("back on the list").hasSize(1);
        JsonNode reinstated = system().purpose("核对撤销修复结果").get("/api/v1/lists/cases/" + caseId).json();
        assertThat(reinstated.get("status").asString()).isEqualTo("LISTED");
        assertThat(reinstated.get("entry").get("removedOn").isNull()).isTrue();
        assertThat(reinstated.toString()).as("the removal and the reinstatement stay in the case's steps")
                .contains("REMOVED").contains("REINSTATED");
        TestHttp.Response again = acceptanceOfNew(body);
        assertThat(rule(again)).as("refused for the refusal period from the revocation").isEqualTo("refusal-period");
        assertThat(again.json().get("earliestDate").asString()).isEqualTo("2029-12-02");
    }

    /**
     * Issue 26 (Also): a repair granted on false material is revoked by the department that granted it: the penalty is
     * published and a hit again at once, the repair and its revocation stay in its history, and a new application is
     * refused for the refusal period counted from the revocation. Only a granted repair, only its department.
     */
    @Test
    void a_repair_granted_on_false_material_is_revoked_and_the_penalty_counts_again() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "建材有限公司";
        long record = penalty(code, name, "2026-03-10", "严重");
        String checker = newApiClient("CITY-NDRC", "check");
        String number = http().postJson("/api/v1/rights/repairs", repair(subject(code, name), record)).json().get("number").asString();
        assertThat(rule(system().postJson("/api/v1/rights/applications/" + number + "/revocation", Map.of("reason", "伪造"))))
                .as("nothing granted yet").isEqualTo("not-granted");
        proofsOf(number);
        system().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
        system().postJson("/api/v1/rights/applications/" + number + "/decision", Map.of("granted", true, "reason", "罚款已缴清"));
        assertThat(publicEntry(code, record)).as("repaired: off the website").isNull();
        assertThat(checkHit(checker, code, record)).isNull();

        clock.set(java.time.Instant.parse("2026-11-26T02:00:00Z"));
        assertThat(apiClient(newApiClient("CITY-EEB", "submit")).postJson("/api/v1/rights/applications/" + number + "/revocation",
                Map.of("reason", "伪造")).status()).as("another department").isEqualTo(403);
        assertThat(rule(system().postJson("/api/v1/rights/applications/" + number + "/revocation", Map.of("reason", " "))))
                .isEqualTo("reason-required");
        assertThat(publicEntry(code, record)).as("a refused step changes nothing").isNull();
        TestHttp.Response revoked = system().postJson("/api/v1/rights/applications/" + number + "/revocation",
                Map.of("reason", "缴款凭证系伪造（开户银行回函）"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revokedOn").asString()).isEqualTo("2026-11-26");
        assertThat(revoked.json().get("refusedUntil").asString()).as("36 months in the demo's data").isEqualTo("2029-11-26");

        assertThat(publicEntry(code, record)).as("published again").isNotNull();
        assertThat(checkHit(checker, code, record)).as("a hit again").isNotNull();
        assertThat(jdbc.sql("select status from records.record where id = ?").param(record).query(String.class).single())
                .isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("select string_agg(kind, ',' order by id) from records.transition where record_id = ? and kind like 'REPAIR%'")
                .param(record).query(String.class).single()).isEqualTo("REPAIRED,REPAIR_REVOKED");
        JsonNode followed = http().get("/api/v1/rights/applications/" + number).json();
        assertThat(followed.get("status").asString()).isEqualTo("GRANT_REVOKED");
        assertThat(rule(acceptanceOfNew(repair(subject(code, name), record)))).isEqualTo("refusal-period");
        assertThat(rule(system().postJson("/api/v1/rights/applications/" + number + "/revocation", Map.of("reason", "再次"))))
                .as("revoked once").isEqualTo("not-granted");
    }

    /**
     * Issue 25, finding 3: a competitor's false application neither blocks nor poisons the subject's repair. Waiting
     * applications do not hold the record; the department closes one the subject did not make as {@code notSubject},
     * with no consequence; a refusal period binds the applicant proven at acceptance; idempotency keys are per caller.
     */
    @Test
    void a_false_application_by_someone_else_neither_blocks_nor_poisons_the_subjects_repair() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "印务有限公司";
        long record = penalty(code, name, "2026-03-10", "严重");
        String key = "same-key-" + code;

        // the competitor applies first, with the key the subject's agency will use
        TestHttp.Response competitor = http().header("Idempotency-Key", key).postJson("/api/v1/rights/repairs", repair(subject(code, name), record));
        assertThat(competitor.status()).as(competitor.body()).isEqualTo(201);
        String false1 = competitor.json().get("number").asString();
        // the subject's agent (a system of its own, here an API client) sends the same key: its own application
        TestHttp.Response own = apiClient(newApiClient("CITY-HRSS", "check")).header("Idempotency-Key", key)
                .postJson("/api/v1/rights/repairs", repair(subject(code, name), record));
        assertThat(own.status()).as("not blocked by the waiting false application").isEqualTo(201);
        String real = own.json().get("number").asString();
        assertThat(real).as("a key names an application within its sender's scope only").isNotEqualTo(false1);

        // the department, fooled at first, accepts the false one; then finds the subject did not make it
        proofsOf(false1);
        assertThat(system().postJson("/api/v1/rights/applications/" + false1 + "/acceptance", Map.of("accepted", true)).status()).isEqualTo(200);
        proofsOf(real);
        assertThat(rule(system().postJson("/api/v1/rights/applications/" + real + "/acceptance", Map.of("accepted", true))))
                .as("one accepted repair at a time").isEqualTo("open-application");
        assertThat(rule(system().postJson("/api/v1/rights/applications/" + false1 + "/decision",
                Map.of("granted", false, "notSubject", true, "falseStatement", true, "reason", "冒名申请"))))
                .isEqualTo("not-subject-refused");
        TestHttp.Response closed = system().postJson("/api/v1/rights/applications/" + false1 + "/decision",
                Map.of("granted", false, "notSubject", true, "reason", "经核实系他人冒用主体名义提出"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("REFUSED");
        assertThat(jdbc.sql("select status from commitments.commitment where created_by = 'rights' and idempotency_key = ?")
                .param(false1).query(String.class).single()).as("the commitment made in it is not the subject's").isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("select status from commitments.commitment where created_by = 'rights' and idempotency_key = ?")
                .param(real).query(String.class).single()).isEqualTo("IN_FORCE");

        // a liar proven at acceptance binds only that person
        TestHttp.Response accepted = system().postJson("/api/v1/rights/applications/" + real + "/acceptance",
                Map.of("accepted", true, "applicant", Map.of("name", "王代理", "idNumber", PenaltyFile.idNumber("19800101", 11))));
        assertThat(accepted.status()).as("no consequence of the false application for the subject: " + accepted.body()).isEqualTo(200);
        system().postJson("/api/v1/rights/applications/" + real + "/decision",
                Map.of("granted", false, "falseStatement", true, "reason", "缴款凭证系伪造"));
        String next = http().postJson("/api/v1/rights/repairs", repair(subject(code, name), record)).json().get("number").asString();
        proofsOf(next);
        TestHttp.Response sameLiar = system().postJson("/api/v1/rights/applications/" + next + "/acceptance",
                Map.of("accepted", true, "applicant", Map.of("name", "王代理", "idNumber", PenaltyFile.idNumber("19800101", 11))));
        assertThat(rule(sameLiar)).isEqualTo("refusal-period");
        TestHttp.Response representative = system().postJson("/api/v1/rights/applications/" + next + "/acceptance",
                Map.of("accepted", true, "applicant", Map.of("name", "张三", "idNumber", PenaltyFile.idNumber("19750505", 12))));
        assertThat(representative.status()).as("the legal representative in person: " + representative.body()).isEqualTo(200);
    }

    /**
     * Issue 25: an objection filed first by someone else (with the facts on the public page) no longer makes the
     * subject's own objection wait: both wait for acceptance, the entry stays marked while either does, and the one the
     * department accepts takes the mark over and suspends the measures.
     */
    @Test
    void an_objection_filed_first_by_someone_else_does_not_hold_the_subjects_own() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "机电有限公司";
        long record = penalty(code, name, "2026-10-10", "一般");
        String checker = newApiClient("CITY-NDRC", "check");
        String first = http().postJson("/api/v1/rights/objections", objection(subject(code, name), record)).json().get("number").asString();
        TestHttp.Response own = http().postJson("/api/v1/rights/objections", objection(subject(code, name), record));
        assertThat(own.status()).as("not held by the first filing: " + own.body()).isEqualTo(201);
        String second = own.json().get("number").asString();

        system().postJson("/api/v1/rights/applications/" + first + "/acceptance", Map.of("accepted", false, "reason", "非本人提出"));
        assertThat(publicEntry(code, record).get("underObjection").booleanValue()).as("the other filing keeps the mark").isTrue();
        assertThat(checkHit(checker, code, record).get("suspended").booleanValue()).isFalse();

        system().postJson("/api/v1/rights/applications/" + second + "/acceptance", Map.of("accepted", true));
        assertThat(checkHit(checker, code, record).get("suspended").booleanValue()).as("suspended from its acceptance").isTrue();
        assertThat(jdbc.sql("select objection_application from records.record where id = ?").param(record).query(String.class).single())
                .isEqualTo(second);
        system().postJson("/api/v1/rights/applications/" + second + "/decision", Map.of("outcome", "UPHELD", "reason", "经核查，内容无误"));
        assertThat(publicEntry(code, record).get("underObjection").booleanValue()).isFalse();
        assertThat(checkHit(checker, code, record).get("suspended").booleanValue()).isFalse();
    }

    /** Issue 25, finding 9: what a person types is bounded; a text over its bound changes nothing. */
    @Test
    void names_and_statements_are_bounded() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "五金有限公司";
        long record = penalty(code, name, "2026-03-10", "严重");
        long before = applications();
        Map<String, Object> longStatement = repair(subject(code, name), record);
        longStatement.put("statement", "已".repeat(5001));
        TestHttp.Response refused = http().postJson("/api/v1/rights/repairs", longStatement);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(rule(refused)).isEqualTo("too-long");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("statement");
        Map<String, Object> longName = objection(Map.of("creditCode", code, "name", "公".repeat(201), "legalRepresentative", "张三"), record);
        assertThat(rule(http().postJson("/api/v1/rights/objections", longName))).isEqualTo("too-long");
        assertThat(applications()).isEqualTo(before);
        Map<String, Object> atTheBound = repair(subject(code, name), record);
        atTheBound.put("statement", "已".repeat(5000));
        assertThat(http().postJson("/api/v1/rights/repairs", atTheBound).status()).isEqualTo(201);
    }

    /** Issue 25, finding 9: a proof (often an ID card's scan) is stored encrypted; its department reads the file as sent. */
    @Test
    void proofs_are_stored_encrypted_and_read_back_as_sent() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "装饰有限公司";
        long record = penalty(code, name, "2026-03-10", "严重");
        String number = http().postJson("/api/v1/rights/repairs", repair(subject(code, name), record)).json().get("number").asString();
        proofsOf(number);
        List<Map<String, Object>> stored = jdbc.sql("select id, content, content_key, size from rights.proof where number = ? order by id")
                .param(number).query().listOfRows();
        assertThat(stored).hasSize(2);
        for (Map<String, Object> row : stored) {
            assertThat(row.get("content_key")).as("sealed with the platform's SM4 key").isNotNull();
            assertThat(new String((byte[]) row.get("content"), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
            assertThat(((Number) row.get("size")).intValue()).isEqualTo(PDF.length);
            TestHttp.Response file = system().purpose("审核修复材料").get("/api/v1/rights/applications/" + number + "/proofs/" + row.get("id"));
            assertThat(file.status()).as(file.body()).isEqualTo(200);
            assertThat(file.bytes()).isEqualTo(PDF);
        }
    }

    @Test
    void deadlines_run_on_the_statutory_calendar_across_national_day() {
        // Tuesday 29 September 2026: 1–7 October are holidays, Saturday 10 October is a working day
        clock.set(java.time.Instant.parse("2026-09-29T02:00:00Z"));
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "家具有限公司";
        long record = penalty(code, name, "2026-03-15", "严重");
        TestHttp.Response applied = http().postJson("/api/v1/rights/repairs", repair(subject(code, name), record));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("acceptBy").asString()).as("30 September, 8 and 9 October").isEqualTo("2026-10-09");
        String number = applied.json().get("number").asString();

        clock.set(java.time.Instant.parse("2026-09-30T02:00:00Z"));
        proofsOf(number);
        TestHttp.Response accepted = system().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true));
        assertThat(accepted.json().get("decideBy").asString()).as("8, 9, the make-up Saturday 10, 12–15 October").isEqualTo("2026-10-15");
        TestHttp.Response extended = system().postJson("/api/v1/rights/applications/" + number + "/extension",
                Map.of("reason", "需到现场核查整改情况"));
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("decideBy").asString()).as("+10 working days").isEqualTo("2026-10-29");

        clock.set(java.time.Instant.parse("2026-11-02T02:00:00Z"));
        JsonNode queue = system().get("/api/v1/rights/queue").json();
        JsonNode row = null;
        for (JsonNode r : queue.get("open")) {
            if (r.get("number").asString().equals(number)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("overdue").booleanValue()).as("missed on Monday 2 November").isTrue();
        assertThat(http().get("/api/v1/rights/applications/" + number).json().get("deadlines").get("overdue").booleanValue()).isTrue();
    }

    @Test
    void the_follow_page_takes_a_number_and_nothing_else() {
        TestHttp.Response found = http().get("/rights/follow?number=xf2026-abc");
        assertThat(found.status()).isEqualTo(302);
        assertThat(found.header("Location")).endsWith("/rights/applications/XF2026-ABC");
        TestHttp.Response odd = http().get("/rights/follow?number=%2F%2Fexample.com");
        assertThat(odd.status()).isEqualTo(200);
        assertThat(odd.body()).contains("申请编号格式不对");
        assertThat(http().get("/rights/applications/XF2026-ABC").status()).as("an unknown number").isEqualTo(404);
    }
}

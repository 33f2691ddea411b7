package gongxin.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Credit commitments as a department and a subject walk them through the API (test clock: Tuesday 2026-11-24): a
 * matter registered, a commitment recorded for a subject never seen, its breach on the public page and in a check,
 * exclusions with every reason named, repair through the rights procedure and the breach gone everywhere.
 */
class CommitmentApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static String code() {
        return PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private static String matterCode() {
        return "T-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }

    private TestHttp samr() {
        return apiClient(DEMO_API_KEY);
    }

    private static Map<String, Object> matter(String type, String severity, List<String> excludes) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "测试承诺事项");
        body.put("department", "CITY-SAMR");
        body.put("type", type);
        body.put("text", "本主体承诺所报材料真实，条件符合要求，接受核查。");
        body.put("verifyWithinWorkingDays", 20);
        body.put("breachSeverity", severity);
        body.put("excludes", excludes);
        return body;
    }

    private String putMatter(String type, String severity, List<String> excludes) {
        String code = matterCode();
        TestHttp.Response r = samr().request("PUT", "/api/v1/commitments/matters/" + code, "application/json",
                TestHttp.JSON.writeValueAsBytes(matter(type, severity, excludes)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return code;
    }

    private static Map<String, Object> signing(String matter, String code, String name, String signedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("matter", matter);
        body.put("subject", Map.of("creditCode", code, "name", name));
        body.put("signedOn", signedOn);
        body.put("signatory", Map.of("name", "王五", "role", "LEGAL_REPRESENTATIVE"));
        return body;
    }

    private static List<String> rules(TestHttp.Response r) {
        List<String> rules = new ArrayList<>();
        r.json().get("errors").forEach(e -> rules.add(e.get("rule").asString()));
        return rules;
    }

    private long commitments() {
        return jdbc.sql("select count(*) from commitments.commitment").query(Long.class).single();
    }

    private List<JsonNode> publicEntries(String code, String kind) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode section = http().get("/api/v1/public/subjects/" + code).json().get("sections").get("COMMITMENT");
        if (section != null) {
            section.get("entries").forEach(e -> {
                if (kind.equals(e.get("kind").asString())) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    /** Whether the commitment list page shows this entry among those of its day (read from the producer's tables). */
    private boolean onListPage(String kind, long id, String day) {
        for (int page = 1; page <= 50; page++) {
            JsonNode rows = http().get("/api/v1/public/publicity/COMMITMENT?department=CITY-SAMR&from=" + day + "&to=" + day
                    + "&page=" + page).json();
            if (rows.isEmpty()) {
                return false;
            }
            if (rows.valueStream().anyMatch(r -> kind.equals(r.get("entry").get("kind").asString())
                    && r.get("entry").get("id").longValue() == id)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode check(String checker, String code) {
        TestHttp.Response r = apiClient(checker).postJson("/api/v1/checks", Map.of("matter", "LICENSING", "purpose", "行政许可审查",
                "subject", Map.of("creditCode", code)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void a_breach_shows_on_the_public_page_and_in_checks_bars_the_commitment_route_and_leaves_everything_when_repaired() {
        String approval = putMatter("APPROVAL", "一般", List.of("LISTED", "BREACHED"));
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "餐饮有限公司";

        TestHttp.Response signed = samr().postJsonWithKey("/api/v1/commitments", signing(approval, code, name, "2026-06-01"), "k-" + code);
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        JsonNode c = signed.json();
        assertThat(c.get("status").asString()).isEqualTo("IN_FORCE");
        assertThat(c.get("type").asString()).isEqualTo("APPROVAL");
        assertThat(c.get("public").booleanValue()).isTrue();
        assertThat(c.get("verifyBy").asString()).as("20 working days after Monday 2026-06-01, across 端午 (2026-06-19)")
                .isEqualTo("2026-06-30");
        long id = c.get("id").longValue();
        TestHttp.Response again = samr().postJsonWithKey("/api/v1/commitments", signing(approval, code, name, "2026-06-01"), "k-" + code);
        assertThat(again.json().get("id").longValue()).as("the same key answers the same commitment").isEqualTo(id);

        // the subject was created as the record path creates it, and the look-up shows the commitment
        JsonNode subject = samr().purpose("核对信用承诺").get("/api/v1/subjects?creditCode=" + code).json();
        assertThat(subject.get("name").asString()).isEqualTo(name);
        assertThat(subject.get("commitments").get(0).get("status").asString()).isEqualTo("IN_FORCE");

        // the letter as signed, with its SM3
        TestHttp.Response letter = samr().purpose("核对信用承诺").get(c.get("letter").asString());
        assertThat(letter.status()).isEqualTo(200);
        String text = PdfText.of(letter.bytes());
        assertThat(text).contains("信用承诺书").contains(name).contains("本主体承诺所报材料真实").contains("王五");

        // public while in force, with its status, on its page and on the list page
        assertThat(publicEntries(code, "COMMITMENT")).hasSize(1);
        assertThat(onListPage("COMMITMENT", id, "2026-06-01")).isTrue();
        JsonNode hit = http().get("/api/v1/public/subjects?q=" + code).json().get("items").get(0);
        assertThat(hit.get("counts").get("信用承诺").intValue()).as("counted by its producer for the search result").isEqualTo(1);

        TestHttp.Response breached = samr().postJson("/api/v1/commitments/" + id + "/verification", Map.of("outcome", "BREACHED",
                "decidedOn", "2026-07-01", "documentNumber", "示市监承诺核〔2026〕7号", "finding", "经核查，申请人不具备承诺的经营场所条件"));
        assertThat(breached.status()).as(breached.body()).isEqualTo(200);
        JsonNode breach = breached.json().get("breach");
        assertThat(breached.json().get("status").asString()).isEqualTo("BREACHED");
        assertThat(breach.get("kind").asString()).isEqualTo("COMMITMENT_BREACH");
        assertThat(breach.get("severity").asString()).isEqualTo("ORDINARY");
        assertThat(breach.get("publicUntil").asString()).as("ORDER-36: an ordinary breach is shown for 12 months").isEqualTo("2027-07-01");
        long breachId = breach.get("id").longValue();

        // once only; and no withdrawal after it
        TestHttp.Response twice = samr().postJson("/api/v1/commitments/" + id + "/verification", Map.of("outcome", "KEPT", "decidedOn", "2026-07-02"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(rules(twice)).containsExactly("already-verified");
        TestHttp.Response withdrawn = samr().postJson("/api/v1/commitments/" + id + "/withdrawal", Map.of("reason", "主体申请撤回"));
        assertThat(rules(withdrawn)).containsExactly("not-withdrawable");

        // the breach on the public page, in a FULL report and as a hit that triggers the 告知承诺 measure
        List<JsonNode> shown = publicEntries(code, "COMMITMENT_BREACH");
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("id").longValue()).isEqualTo(breachId);
        assertThat(shown.get(0).get("repairable").booleanValue()).isTrue();
        assertThat(onListPage("COMMITMENT_BREACH", breachId, "2026-07-01")).isTrue();
        TestHttp.Response report = http().postJson("/api/v1/public/reports", Map.of("creditCode", code));
        assertThat(PdfText.of(report.bytes()).replaceAll("\\s", "")).contains("示市监承诺核〔2026〕7号");
        String checker = newApiClient("CITY-NDRC", "check");
        JsonNode answer = check(checker, code);
        assertThat(answer.get("hits").valueStream().map(h -> h.get("kind").asString() + ":" + h.get("id").longValue()))
                .containsExactly("COMMITMENT_BREACH:" + breachId);
        assertThat(answer.get("measures").valueStream().map(m -> m.get("code").asString())).contains("LOC-LICENSING-REVIEW");

        // an unrepaired breach excludes the subject from the commitment route, naming the breach
        long before = commitments();
        TestHttp.Response refused = samr().postJson("/api/v1/commitments", signing(approval, code, name, "2026-11-20"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:gongxin:problem:commitment-not-allowed");
        assertThat(rules(refused)).containsExactly("breached");
        assertThat(refused.json().get("errors").get(0).get("value").asString()).isEqualTo(Long.toString(breachId));
        assertThat(commitments()).as("a refusal writes nothing").isEqualTo(before);

        // repaired through the rights procedure like any record: gone from the page, the report and checks
        Map<String, Object> repair = new HashMap<>();
        repair.put("subject", Map.of("creditCode", code, "name", name, "legalRepresentative", "王五"));
        repair.put("target", Map.of("kind", "COMMITMENT_BREACH", "id", breachId));
        repair.put("contact", Map.of("name", "李会计", "phone", "13800138000"));
        repair.put("commitment", true);
        repair.put("statement", "已补齐经营场所条件，承诺事项已履行");
        TestHttp.Response applied = http().postJson("/api/v1/rights/repairs", repair);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String number = applied.json().get("number").asString();
        assertThat(applied.json().get("department").asString()).isEqualTo("CITY-SAMR");
        // the repair application's own commitment (信用修复型) is kept with the subject's commitments
        JsonNode listed = samr().purpose("核对信用承诺").get("/api/v1/commitments?creditCode=" + code).json();
        JsonNode repairCommitment = listed.get("items").valueStream().filter(i -> "REPAIR".equals(i.get("type").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no repair commitment in " + listed));
        assertThat(repairCommitment.get("status").asString()).isEqualTo("IN_FORCE");
        assertThat(repairCommitment.get("public").booleanValue()).isFalse();
        assertThat(samr().purpose("核对信用承诺").get("/api/v1/commitments/" + repairCommitment.get("id").longValue()).json()
                .get("letterText").asString()).contains(number).contains("王五");
        assertThat(applied.json().get("missingProofs").toString()).as("a breach needs the identity document only")
                .isEqualTo("[\"IDENTITY\"]");
        TestHttp.Response identity = http().multipart("/api/v1/rights/applications/" + number + "/proofs", "files", "营业执照.pdf",
                "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                Map.of("kinds", "IDENTITY"));
        assertThat(identity.json().get("missingProofs")).as(identity.body()).isEmpty();
        assertThat(samr().postJson("/api/v1/rights/applications/" + number + "/acceptance", Map.of("accepted", true)).status()).isEqualTo(200);
        TestHttp.Response granted = samr().postJson("/api/v1/rights/applications/" + number + "/decision",
                Map.of("granted", true, "reason", "已纠正失信行为"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);

        assertThat(publicEntries(code, "COMMITMENT_BREACH")).isEmpty();
        assertThat(publicEntries(code, "COMMITMENT")).as("the breached commitment is no longer shown once repaired").isEmpty();
        assertThat(onListPage("COMMITMENT_BREACH", breachId, "2026-07-01")).as("nor on the list page").isFalse();
        assertThat(http().get("/api/v1/public/subjects?q=" + code).json().get("items").get(0).get("counts").has("信用承诺"))
                .as("nor counted").isFalse();
        assertThat(onListPage("COMMITMENT", id, "2026-06-01")).isFalse();
        assertThat(PdfText.of(http().postJson("/api/v1/public/reports", Map.of("creditCode", code)).bytes()).replaceAll("\\s", ""))
                .doesNotContain("示市监承诺核〔2026〕7号");
        assertThat(check(checker, code).get("hits")).isEmpty();
        assertThat(jdbc.sql("select repaired_on::text from commitments.breach where id = ?").param(breachId).query(String.class).single())
                .as("history stays").isEqualTo("2026-11-24");
        TestHttp.Response afterRepair = samr().postJson("/api/v1/commitments", signing(approval, code, name, "2026-11-20"));
        assertThat(afterRepair.status()).as("repaired, the subject may commit again: " + afterRepair.body()).isEqualTo(201);

        // issue 26 (Also): the repair rested on false material: revoked, the breach is shown again
        TestHttp.Response revoked = samr().postJson("/api/v1/rights/applications/" + number + "/revocation",
                Map.of("reason", "经营场所租赁合同系伪造"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(publicEntries(code, "COMMITMENT_BREACH")).as("published again").hasSize(1);
        assertThat(onListPage("COMMITMENT_BREACH", breachId, "2026-07-01")).isTrue();
        assertThat(check(checker, code).get("hits")).as("and a hit again").isNotEmpty();
        assertThat(jdbc.sql("select repaired_on from commitments.breach where id = ?").param(breachId).query(String.class).optional())
                .as("the repair undone (the audit log keeps it)").isEmpty();
    }

    @Test
    void a_listed_subject_is_refused_with_the_list_entry_named() {
        String approval = putMatter("APPROVAL", "SERIOUS", List.of("LISTED"));
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "建材有限公司";
        String csv = "被执行人名称,统一社会信用代码,身份证号码,执行案号,发布日期\n" + name + "," + code + ",,（2026）示0201执1号,2026-11-05\n";
        TestHttp.Response imported = samr().multipart("/api/v1/lists/imports", "file", "debtors.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("listType", "COURT-DEBTOR", "source", "最高人民法院失信被执行人名单公布系统", "listDate", "2026-11-06"));
        assertThat(imported.json().get("accepted").intValue()).as(imported.body()).isEqualTo(1);
        long entry = jdbc.sql("select id from lists.list_entry where import_id = ?").param(imported.json().get("id").longValue())
                .query(Long.class).single();

        TestHttp.Response refused = samr().postJson("/api/v1/commitments", signing(approval, code, name, "2026-11-23"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:gongxin:problem:commitment-not-allowed");
        assertThat(rules(refused)).containsExactly("listed");
        assertThat(refused.json().get("errors").get(0).get("value").asString()).isEqualTo(Long.toString(entry));
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("失信被执行人");
    }

    @Test
    void bad_input_is_refused_with_the_contract_rules_and_changes_nothing() {
        String matter = putMatter("PUBLIC", "ORDINARY", List.of());
        long before = commitments();
        TestHttp.Response unknown = samr().postJson("/api/v1/commitments", signing("NO-SUCH-MATTER", code(), "某公司", "2026-11-20"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(rules(unknown)).containsExactly("unknown-matter");
        TestHttp.Response future = samr().postJson("/api/v1/commitments", signing(matter, code(), "某公司", "2026-11-25"));
        assertThat(rules(future)).containsExactly("not-future");
        Map<String, Object> nobody = signing(matter, code(), "某公司", "2026-11-20");
        nobody.put("subject", Map.of("name", "某公司"));
        assertThat(rules(samr().postJson("/api/v1/commitments", nobody))).containsExactly("subject-required");
        TestHttp.Response foreign = apiClient(newApiClient("CITY-TAX", "submit"))
                .postJson("/api/v1/commitments", signing(matter, code(), "某公司", "2026-11-20"));
        assertThat(foreign.status()).as("a matter of another department").isEqualTo(403);
        assertThat(commitments()).isEqualTo(before);

        TestHttp.Response badMatter = samr().request("PUT", "/api/v1/commitments/matters/" + matterCode(), "application/json",
                TestHttp.JSON.writeValueAsBytes(matter("NONE", "轻微", List.of("EVERYONE"))));
        assertThat(badMatter.status()).isEqualTo(422);
        assertThat(rules(badMatter)).containsExactlyInAnyOrder("type", "severity", "exclusion");
        TestHttp.Response otherDepartment = apiClient(newApiClient("CITY-TAX", "submit")).request("PUT",
                "/api/v1/commitments/matters/" + matterCode(), "application/json",
                TestHttp.JSON.writeValueAsBytes(matter("PUBLIC", "ORDINARY", List.of())));
        assertThat(otherDepartment.status()).isEqualTo(403);
    }

    @Test
    void a_kept_commitment_stays_public_with_its_status_and_overdue_ones_are_listed_for_the_department() {
        String matter = putMatter("PUBLIC", "ORDINARY", List.of());
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "超市有限公司";
        long kept = samr().postJson("/api/v1/commitments", signing(matter, code, name, "2026-09-01")).json().get("id").longValue();
        long late = samr().postJson("/api/v1/commitments", signing(matter, code, name, "2026-09-02")).json().get("id").longValue();
        assertThat(samr().postJson("/api/v1/commitments/" + kept + "/verification", Map.of("outcome", "KEPT", "decidedOn", "2026-10-09"))
                .json().get("status").asString()).isEqualTo("KEPT");
        List<JsonNode> shown = publicEntries(code, "COMMITMENT");
        assertThat(shown).hasSize(2);
        assertThat(shown.stream().flatMap(e -> e.get("fields").valueStream()).map(f -> f.get("value").asString())).contains("已履约", "履约中");

        JsonNode overdue = samr().purpose("核查逾期承诺").get("/api/v1/commitments?status=OVERDUE&creditCode=" + code).json();
        assertThat(overdue.get("items").valueStream().map(i -> i.get("id").longValue())).containsExactly(late);
        assertThat(overdue.get("items").get(0).get("overdue").booleanValue()).isTrue();
        TestHttp.Response withoutPurpose = samr().get("/api/v1/commitments?creditCode=" + code);
        assertThat(withoutPurpose.status()).as("a list with personal data needs a purpose").isEqualTo(422);
        assertThat(rules(withoutPurpose)).containsExactly("purpose-required");
    }
}

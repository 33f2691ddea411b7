package gongxin.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A company graded by the demo city's model CITY-2026 as its entries change (test clock: 2026-11-24): a clean company
 * is A; two serious penalties move it down; a listing makes it D by override; the listing's removal and a revocation
 * move it back. The queue of subjects to grade is drained by the test itself (the workers do it once a second).
 */
class EvaluationApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationRepository repository;

    private TestHttp system() {
        return apiClient(DEMO_API_KEY);
    }

    private JsonNode evaluation(String code, String asOf) {
        TestHttp.Response r = system().purpose("信用评价核对").get("/api/v1/evaluation/subjects?creditCode=" + code
                + (asOf == null ? "" : "&asOf=" + asOf));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private String storedGrade(long subjectId) {
        evaluations.drain();
        return repository.grade(subjectId).map(EvaluationRepository.Stored::grade).orElse(null);
    }

    private long subjectId(String code) {
        return jdbc.sql("select id from subjects.subject where credit_code = ?").param(code).query(Long.class).single();
    }

    @Test
    void a_company_is_graded_as_its_entries_change_and_every_point_is_explained() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String name = "示例市" + PenaltyFile.uniqueWord() + "物流有限公司";
        // a clean company: its only record is a licence
        Map<String, Object> commitment = new HashMap<>();
        commitment.put("matter", "SAMR-HONEST-OPERATION");
        commitment.put("subject", Map.of("creditCode", code, "name", name));
        commitment.put("signedOn", "2026-11-02");
        commitment.put("signatory", Map.of("name", "钱九", "role", "LEGAL_REPRESENTATIVE"));
        assertThat(system().postJson("/api/v1/commitments", commitment).status()).isEqualTo(201);
        long subject = subjectId(code);
        JsonNode clean = evaluation(code, null);
        assertThat(clean.get("model").asString()).isEqualTo("CITY-2026");
        assertThat(clean.get("score").intValue()).isEqualTo(1000);
        assertThat(clean.get("grade").asString()).isEqualTo("A");
        assertThat(clean.get("explanation")).isEmpty();
        assertThat(storedGrade(subject)).isEqualTo("A");
        // issue 23: the grade goes to the province as a GRADE item of the subject
        assertThat(jdbc.sql("select item from exchange.outbound where kind = 'GRADE' and entry_id = ? order by version desc limit 1")
                .param(subject).query(String.class).single()).contains("\"grade\":\"A\"").contains(code);
        // checks answer the grade, and a grade triggers the measures that name it (the demo: 绿色通道 for A)
        String checker = newApiClient("CITY-NDRC", "check");
        JsonNode checked = apiClient(checker).postJson("/api/v1/checks", Map.of("matter", "GOV-SERVICE", "purpose", "政务服务办理",
                "subject", Map.of("creditCode", code))).json();
        assertThat(checked.get("grade").get("grade").asString()).isEqualTo("A");
        assertThat(checked.get("grade").get("model").asString()).isEqualTo("CITY-2026");
        assertThat(checked.get("measures").valueStream().filter(m -> "INC-GREEN-CHANNEL".equals(m.get("code").asString()))
                .findFirst().orElseThrow().get("triggeredByGrade").asString()).isEqualTo("A");

        // two serious penalties: 300 points, grade C, both named
        long first = acceptedPenalty(code, name, "2026-10-01", "失信程度", "严重");
        long second = acceptedPenalty(code, name, "2026-10-15", "失信程度", "严重");
        assertThat(storedGrade(subject)).as("the grade follows the new penalties").isEqualTo("C");
        JsonNode down = evaluation(code, null);
        assertThat(down.get("score").intValue()).isEqualTo(700);
        JsonNode line = down.get("explanation").get(0);
        assertThat(line.get("indicator").asString()).isEqualTo("PENALTY-SERIOUS");
        assertThat(line.get("points").intValue()).isEqualTo(-300);
        List<String> sources = new ArrayList<>();
        line.get("entries").forEach(e -> sources.add(e.get("kind").asString() + ":" + e.get("id").longValue()));
        assertThat(sources).containsExactly("RECORD:" + first, "RECORD:" + second);

        // the SPECIAL report's section 评价 gives the grade and its reasons; the public page shows no grade by default
        TestHttp.Response special = system().purpose("办理行政许可").postJson("/api/v1/public/reports",
                Map.of("creditCode", code, "kind", "SPECIAL", "matter", "FISCAL-SUPPORT"));
        assertThat(special.status()).as(special.body()).isEqualTo(200);
        String report = gongxin.support.PdfText.of(special.bytes()).replaceAll("\\s", "");
        assertThat(report).contains("信用评价").contains("评价等级C").contains("近36个月严重失信行政处罚");
        assertThat(http().get("/subjects/" + code).body()).doesNotContain("公共信用综合评价");

        // as it stood before the second one
        JsonNode then = evaluation(code, "2026-10-10");
        assertThat(then.get("score").intValue()).isEqualTo(850);
        assertThat(then.get("grade").asString()).isEqualTo("B");

        // a court's listing makes it D whatever the points, naming the entry
        String csv = "被执行人名称,统一社会信用代码,身份证号码,执行案号,发布日期\n" + name + "," + code + ",,（2026）示0201执9号,2026-11-05\n";
        TestHttp.Response imported = system().multipart("/api/v1/lists/imports", "file", "debtors.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("listType", "COURT-DEBTOR", "source", "最高人民法院失信被执行人名单公布系统", "listDate", "2026-11-06"));
        assertThat(imported.json().get("accepted").intValue()).as(imported.body()).isEqualTo(1);
        long entry = jdbc.sql("select id from lists.list_entry where import_id = ?").param(imported.json().get("id").longValue())
                .query(Long.class).single();
        assertThat(storedGrade(subject)).isEqualTo("D");
        JsonNode listed = evaluation(code, null);
        assertThat(listed.get("override").get("grade").asString()).isEqualTo("D");
        assertThat(listed.get("override").get("entry").get("id").longValue()).isEqualTo(entry);

        // removed by the court, and one penalty revoked: back up
        assertThat(system().postJson("/api/v1/lists/entries/" + entry + "/removal", Map.of("on", "2026-11-20", "reason", "COURT_DECISION",
                        "courtDecision", Map.of("number", "（2026）示0201执恢1号之一", "date", "2026-11-19")))
                .status()).isEqualTo(200);
        assertThat(storedGrade(subject)).isEqualTo("C");
        assertThat(system().postJson("/api/v1/records/" + first + "/revocation", Map.of("documentType", "撤销行政处罚决定书",
                "documentNumber", "示例市监撤〔2026〕31号", "documentDate", "2026-11-20")).status()).isEqualTo(200);
        assertThat(storedGrade(subject)).isEqualTo("B");
        assertThat(jdbc.sql("select string_agg(coalesce(from_grade, '-') || '>' || to_grade, ' ' order by id) from evaluation.grade_change"
                + " where subject_id = ?").param(subject).query(String.class).single()).isEqualTo("->A A>C C>D D>C C>B");
    }

    @Test
    void a_full_run_grades_every_subject_of_the_registry() {
        UUID id = UUID.randomUUID();
        repository.startRun(id, java.time.Instant.now(), "test");
        evaluations.run(id);
        JsonNode run = staff("admin").get("/api/v1/evaluation/runs/" + id).json();
        assertThat(run.get("status").asString()).isEqualTo("FINISHED");
        long registry = jdbc.sql("select count(*) from subjects.subject").query(Long.class).single();
        assertThat(run.get("subjects").longValue()).isGreaterThanOrEqualTo(registry);
        long graded = 0;
        for (JsonNode n : run.get("grades")) {
            graded += n.longValue();
        }
        assertThat(graded).isGreaterThanOrEqualTo(registry);
    }

    @Test
    void models_are_refused_with_the_contract_rules_and_never_rewrite_what_applies() {
        TestHttp admin = staff("admin");
        admin.header("X-CSRF-TOKEN", admin.csrfOf("/console"));
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "坏模型");
        bad.put("effectiveFrom", "2027-01-01");
        bad.put("base", 1000);
        bad.put("grades", List.of(Map.of("grade", "A", "min", 600), Map.of("grade", "B", "min", 900), Map.of("grade", "C")));
        bad.put("indicators", List.of(Map.of("code", "X", "name", "未知", "select", Map.of("kind", "PENALTY"), "points", -10)));
        TestHttp.Response refused = admin.request("PUT", "/api/v1/evaluation/models/BAD-1", "application/json",
                TestHttp.JSON.writeValueAsBytes(bad));
        assertThat(refused.status()).isEqualTo(422);
        List<String> rules = new ArrayList<>();
        refused.json().get("errors").forEach(e -> rules.add(e.get("rule").asString()));
        assertThat(rules).containsExactlyInAnyOrder("grades-order", "unknown-kind");

        Map<String, Object> past = new HashMap<>(TestHttp.JSON.convertValue(DemoModel.cityModel(), Map.class));
        past.put("effectiveFrom", "2026-06-01");
        TestHttp.Response rewrite = admin.request("PUT", "/api/v1/evaluation/models/CITY-2026", "application/json",
                TestHttp.JSON.writeValueAsBytes(past));
        assertThat(rewrite.status()).isEqualTo(422);
        assertThat(rewrite.json().get("errors").get(0).get("rule").asString()).isEqualTo("effective-in-past");
        assertThat(system().request("PUT", "/api/v1/evaluation/models/CITY-2026", "application/json",
                TestHttp.JSON.writeValueAsBytes(past)).status()).as("models are the credit office's").isEqualTo(403);
    }

    private String newCompany() {
        String code = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        Map<String, Object> commitment = new HashMap<>();
        commitment.put("matter", "SAMR-HONEST-OPERATION");
        commitment.put("subject", Map.of("creditCode", code, "name", "示例市" + PenaltyFile.uniqueWord() + "商店"));
        commitment.put("signedOn", "2026-11-02");
        commitment.put("signatory", Map.of("name", "钱九", "role", "LEGAL_REPRESENTATIVE"));
        assertThat(system().postJson("/api/v1/commitments", commitment).status()).isEqualTo(201);
        return code;
    }

    private static List<String> rules(TestHttp.Response r) {
        List<String> rules = new ArrayList<>();
        r.json().get("errors").forEach(e -> rules.add(e.get("rule").asString()));
        return rules;
    }

    @Test
    void an_inspection_sample_drawn_by_grade_is_drawn_again_from_its_seed() {
        List<String> population = List.of(newCompany(), newCompany(), newCompany(), newCompany());
        String checker = newApiClient("CITY-SAMR", "check");
        Map<String, Object> body = new HashMap<>();
        body.put("department", "CITY-SAMR");
        body.put("matter", "SUPERVISION");
        body.put("population", Map.of("creditCodes", population));
        body.put("ratios", Map.of("A", 0.5));
        body.put("seed", "20261124");
        TestHttp.Response first = apiClient(checker).postJson("/api/v1/evaluation/samples", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("byGrade").get("A").get("population").intValue()).isEqualTo(4);
        assertThat(first.json().get("byGrade").get("A").get("drawn").intValue()).isEqualTo(2);
        List<String> drawn = new ArrayList<>();
        first.json().get("drawn").forEach(d -> drawn.add(d.get("creditCode").asString()));
        assertThat(population).containsAll(drawn);
        JsonNode again = apiClient(checker).postJson("/api/v1/evaluation/samples", body).json();
        List<String> redrawn = new ArrayList<>();
        again.get("drawn").forEach(d -> redrawn.add(d.get("creditCode").asString()));
        assertThat(redrawn).as("the same population, ratios and seed").isEqualTo(drawn);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'EVALUATION_SAMPLE_DRAWN' and object_id = ?")
                .param(first.json().get("id").asString()).query(Long.class).single()).isEqualTo(1);

        Map<String, Object> withoutSeed = new HashMap<>(body);
        withoutSeed.remove("seed");
        assertThat(apiClient(checker).postJson("/api/v1/evaluation/samples", withoutSeed).json().get("seed").asString())
                .as("a seed is drawn and answered").matches("\\d{12}");

        Map<String, Object> bad = new HashMap<>(body);
        bad.put("ratios", Map.of("A", 1.5));
        assertThat(rules(apiClient(checker).postJson("/api/v1/evaluation/samples", bad))).containsExactly("ratio-range");
        bad = new HashMap<>(body);
        bad.put("population", Map.of("creditCodes", List.of()));
        assertThat(rules(apiClient(checker).postJson("/api/v1/evaluation/samples", bad))).containsExactly("population-required");
        String never = PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        bad = new HashMap<>(body);
        bad.put("population", Map.of("creditCodes", List.of(population.get(0), never)));
        TestHttp.Response unknown = apiClient(checker).postJson("/api/v1/evaluation/samples", bad);
        assertThat(rules(unknown)).containsExactly("unknown-subject");
        assertThat(unknown.json().get("errors").get(0).get("value").asString()).isEqualTo(never);
        bad = new HashMap<>(body);
        bad.put("department", "CITY-TAX");
        assertThat(apiClient(checker).postJson("/api/v1/evaluation/samples", bad).status()).isEqualTo(403);
    }
}

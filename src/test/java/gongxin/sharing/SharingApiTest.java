package gongxin.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Sharing by duty and consent as the users try it (issue 24): a department with a duty reads a company's
 * non-public penalty, one without gets 403; a person's data needs a consent, which then works, then is withdrawn and
 * stops working; the subject's query history lists exactly those reads, the refused ones too.
 */
class SharingApiTest extends IntegrationTest {

    private static final String SM3 = "0123456789abcdef".repeat(4);

    @Autowired
    JdbcClient jdbc;

    private static String code() {
        return PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private static String rule(TestHttp.Response r) {
        return r.json().get("errors").get(0).get("rule").asString();
    }

    private TestHttp client(String department) {
        return apiClient(newApiClient(department, "share")).purpose("办理行政许可的信用审查");
    }

    private static Map<String, Object> query(Map<String, Object> subject, String matter) {
        return Map.of("subject", subject, "matter", matter);
    }

    @Test
    void a_department_reads_what_its_duty_covers_and_one_without_a_duty_is_refused_and_both_show_in_the_history() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "共享有限公司";
        long penalty = acceptedPenalty(code, name, "2026-10-10", "失信程度", "一般");
        long revoked = acceptedPenalty(code, name, "2026-10-11", "失信程度", "一般");
        apiClient(DEMO_API_KEY).postJson("/api/v1/records/" + revoked + "/revocation",
                Map.of("documentType", "撤销行政处罚决定书", "documentNumber", "示例市监撤〔2026〕91号", "documentDate", "2026-11-20"));

        TestHttp samr = client("CITY-SAMR");
        assertThat(apiClient(newApiClient("CITY-SAMR", "share")).postJson("/api/v1/sharing/queries",
                query(Map.of("creditCode", code), "LICENSING")).status()).as("a purpose is declared").isEqualTo(422);
        TestHttp.Response answered = samr.postJson("/api/v1/sharing/queries", query(Map.of("creditCode", code), "LICENSING"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        JsonNode answer = answered.json();
        assertThat(answer.get("entries").valueStream().map(e -> e.get("kind").asString() + ":" + e.get("id").longValue()).toList())
                .contains("RECORD:" + penalty).doesNotContain("RECORD:" + revoked);
        assertThat(answer.get("withheld").toString()).contains("已撤销，不再共享");
        assertThat(answer.get("legalBasis").asString()).contains("行政许可法");

        TestHttp.Response refused = client("CITY-EEB").postJson("/api/v1/sharing/queries", query(Map.of("creditCode", code), "LICENSING"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(rule(refused)).isEqualTo("not-in-duty");
        assertThat(rule(samr.postJson("/api/v1/sharing/queries", query(Map.of("creditCode", code), "NOPE")))).isEqualTo("unknown-matter");

        // an investigation's query, listed only after its date
        TestHttp.Response restricted = samr.postJson("/api/v1/sharing/queries",
                Map.of("subject", Map.of("creditCode", code), "matter", "SUPERVISION", "restrictedUntil", "2026-12-31"));
        assertThat(restricted.status()).as(restricted.body()).isEqualTo(200);

        TestHttp window = staff("operator");
        JsonNode history = window.get("/api/v1/sharing/history?creditCode=" + code).json().get("items");
        assertThat(history.valueStream().map(h -> h.get("department").asString() + ":" + h.get("matter").asString() + ":"
                + h.get("outcome").asString()).toList())
                .as("newest first, the refused one too, not the restricted one, not the unknown matter (nothing was read)")
                .containsExactly("CITY-EEB:LICENSING:REFUSED", "CITY-SAMR:LICENSING:ANSWERED");
        assertThat(history.get(0).get("rule").asString()).isEqualTo("not-in-duty");
        assertThat(history.get(1).get("purpose").asString()).isEqualTo("办理行政许可的信用审查");
        long lines = jdbc.sql("select count(*) from sharing.read where subject_id = (select subject_id from records.record where id = ?)")
                .param(penalty).query(Long.class).single();
        window.get("/api/v1/sharing/history?creditCode=" + code);
        assertThat(jdbc.sql("select count(*) from sharing.read where subject_id = (select subject_id from records.record where id = ?)")
                .param(penalty).query(Long.class).single()).as("reading the history is not a line of it").isEqualTo(lines);

        clock.set(java.time.Instant.parse("2027-01-01T02:00:00Z"));
        assertThat(window.get("/api/v1/sharing/history?creditCode=" + code).json().get("items")).as("listed after its date").hasSize(3);
    }

    @Test
    void a_persons_information_needs_a_consent_which_works_until_it_is_withdrawn() {
        String name = "钱" + PenaltyFile.uniqueWord();
        String idNumber = PenaltyFile.idNumber("19850505", ThreadLocalRandom.current().nextInt(1000));
        long penalty = acceptedPenalty("", name, "2026-10-10", "行政相对人类别", "自然人", "法定代表人", "", "证件类型", "身份证",
                "证件号码", idNumber, "失信程度", "一般");
        Map<String, Object> person = Map.of("name", name, "idNumber", idNumber);
        TestHttp ndrc = client("CITY-NDRC");

        TestHttp.Response noConsent = ndrc.postJson("/api/v1/sharing/queries", query(person, "FISCAL-SUPPORT"));
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(rule(noConsent)).isEqualTo("consent-required");
        TestHttp.Response statutory = client("CITY-SAMR").postJson("/api/v1/sharing/queries", query(person, "LICENSING"));
        assertThat(statutory.status()).as("a statutory duty needs no consent: " + statutory.body()).isEqualTo(200);

        // consents refused for what the law forbids
        Map<String, Object> consent = new java.util.HashMap<>(Map.of("subject", person, "grantee", "CITY-NDRC",
                "matters", List.of("FISCAL-SUPPORT"), "validFrom", "2026-11-24", "validTo", "2027-11-23",
                "evidence", Map.of("fileName", "个人信用信息查询授权书.pdf", "sm3", SM3)));
        Map<String, Object> tooLong = new java.util.HashMap<>(consent);
        tooLong.put("validTo", "2027-11-24");
        assertThat(rule(ndrc.postJson("/api/v1/sharing/consents", tooLong))).isEqualTo("consent-too-long");
        Map<String, Object> noEvidence = new java.util.HashMap<>(consent);
        noEvidence.remove("evidence");
        assertThat(rule(ndrc.postJson("/api/v1/sharing/consents", noEvidence))).isEqualTo("consent-required-fields");
        Map<String, Object> company = new java.util.HashMap<>(consent);
        company.put("subject", Map.of("creditCode", code(), "name", "示例市某有限公司"));
        assertThat(rule(ndrc.postJson("/api/v1/sharing/consents", company))).isEqualTo("consent-persons-only");
        assertThat(client("CITY-EEB").postJson("/api/v1/sharing/consents", consent).status()).as("another department").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from sharing.consent where evidence_sm3 = ?").param(SM3).query(Long.class).single())
                .as("nothing recorded").isZero();

        TestHttp.Response granted = ndrc.postJson("/api/v1/sharing/consents", consent);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        long id = granted.json().get("id").longValue();
        TestHttp.Response withConsent = ndrc.postJson("/api/v1/sharing/queries",
                Map.of("subject", person, "matter", "FISCAL-SUPPORT", "consent", id));
        assertThat(withConsent.status()).as(withConsent.body()).isEqualTo(200);
        assertThat(withConsent.json().get("entries").valueStream().map(e -> e.get("id").longValue()).toList()).contains(penalty);
        assertThat(withConsent.json().get("consent").longValue()).isEqualTo(id);
        assertThat(rule(ndrc.postJson("/api/v1/sharing/queries", Map.of("subject", person, "matter", "HONOURS", "consent", id))))
                .as("another matter").isEqualTo("consent-invalid");

        assertThat(ndrc.postJson("/api/v1/sharing/consents/" + id + "/revocation", Map.of("reason", "本人书面撤回")).status()).isEqualTo(200);
        TestHttp.Response afterRevocation = ndrc.postJson("/api/v1/sharing/queries",
                Map.of("subject", person, "matter", "FISCAL-SUPPORT", "consent", id));
        assertThat(rule(afterRevocation)).isEqualTo("consent-invalid");

        JsonNode history = staff("operator").get("/api/v1/sharing/history?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                + "&idNumber=" + idNumber).json().get("items");
        assertThat(history.valueStream().map(h -> h.get("matter").asString() + ":" + h.get("outcome").asString()
                + (h.get("consent").isNull() ? "" : ":consent")).toList()).containsExactly(
                "FISCAL-SUPPORT:REFUSED:consent", "HONOURS:REFUSED:consent", "FISCAL-SUPPORT:ANSWERED:consent",
                "LICENSING:ANSWERED", "FISCAL-SUPPORT:REFUSED");
    }

    /**
     * Issue 24 (4): reads of a subject's list case and of its rights applications by anyone but the determining
     * department (the credit office) are lines of its query history; the department's own handling is not.
     */
    @Test
    void the_credit_offices_reads_of_cases_and_applications_are_in_the_history() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "纸业有限公司";
        long record = acceptedPenalty(code, name, "2026-03-10", "失信程度", "严重", "法定代表人", "张三");
        long subjectId = jdbc.sql("select id from subjects.subject where credit_code = ?").param(code).query(Long.class).single();
        TestHttp system = apiClient(DEMO_API_KEY);
        long caseId = system.postJson("/api/v1/lists/cases", Map.of("listType", "SAMR-SERIOUS", "subject", Map.of("creditCode", code),
                "basis", List.of(Map.of("recordId", record)), "facts", "拒不履行行政处罚决定")).json().get("id").longValue();
        Map<String, Object> repair = new java.util.HashMap<>();
        repair.put("subject", Map.of("creditCode", code, "name", name, "legalRepresentative", "张三"));
        repair.put("target", Map.of("recordId", record));
        repair.put("contact", Map.of("name", "李会计", "phone", "13800138000"));
        repair.put("commitment", true);
        repair.put("statement", "罚款已缴清");
        String number = http().postJson("/api/v1/rights/repairs", repair).json().get("number").asString();
        java.util.function.Supplier<List<String>> channels = () -> jdbc.sql("select channel from sharing.read where subject_id = ? order by id")
                .param(subjectId).query(String.class).list();
        List<String> before = channels.get();

        assertThat(system.purpose("案件办理").get("/api/v1/lists/cases/" + caseId).status()).isEqualTo(200);
        assertThat(system.purpose("受理审查").get("/api/v1/rights/applications/" + number + "/details").status()).isEqualTo(200);
        assertThat(channels.get()).as("the determining department's own handling").isEqualTo(before);

        TestHttp admin = staff("admin");
        assertThat(admin.purpose("案件督办").get("/api/v1/lists/cases/" + caseId).status()).isEqualTo(200);
        assertThat(admin.purpose("案件督办").get("/api/v1/rights/applications/" + number + "/details").status()).isEqualTo(200);
        List<String> after = channels.get();
        assertThat(after.subList(before.size(), after.size())).containsExactly("CASE", "APPLICATION");
    }

    static final byte[] SIGNED = "%PDF-1.4\n% 个人信用信息查询授权书（签字页扫描）\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * Issue 24 (3): the signed authorisation itself is uploaded with the consent, kept encrypted, its SM3 computed from
     * it; its department reads it back with a purpose; a file that does not match the SM3 given, or is not a document,
     * records nothing.
     */
    @Test
    void the_signed_authorisation_is_kept_encrypted_and_read_back_by_its_department() {
        String name = "孙" + PenaltyFile.uniqueWord();
        String idNumber = PenaltyFile.idNumber("19900909", ThreadLocalRandom.current().nextInt(1000));
        String consent = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(Map.of(
                "subject", Map.of("name", name, "idNumber", idNumber), "grantee", "CITY-NDRC", "matters", List.of("FISCAL-SUPPORT"),
                "validFrom", "2026-11-24", "validTo", "2027-05-23"));
        TestHttp ndrc = client("CITY-NDRC");
        long before = jdbc.sql("select count(*) from sharing.consent").query(Long.class).single();
        TestHttp.Response notADocument = ndrc.multipart("/api/v1/sharing/consents", "evidence", "授权书.pdf",
                "<html>".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("consent", consent));
        assertThat(rule(notADocument)).isEqualTo("evidence-type");
        TestHttp.Response wrongDigest = ndrc.multipart("/api/v1/sharing/consents", "evidence", "授权书.pdf", SIGNED, Map.of("consent",
                consent.substring(0, consent.length() - 1) + ",\"evidence\":{\"sm3\":\"" + SM3 + "\"}}"));
        assertThat(rule(wrongDigest)).isEqualTo("evidence-mismatch");
        assertThat(jdbc.sql("select count(*) from sharing.consent").query(Long.class).single()).as("nothing recorded").isEqualTo(before);

        TestHttp.Response granted = ndrc.multipart("/api/v1/sharing/consents", "evidence", "授权书.pdf", SIGNED, Map.of("consent", consent));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        long id = granted.json().get("id").longValue();
        Map<String, Object> stored = jdbc.sql("select evidence, evidence_key, evidence_sm3, evidence_file from sharing.consent where id = ?")
                .param(id).query().singleRow();
        assertThat(stored.get("evidence_key")).isNotNull();
        assertThat(new String((byte[]) stored.get("evidence"), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(stored.get("evidence_sm3")).isEqualTo(gongxin.shared.Sm3.hex(SIGNED));
        assertThat(stored.get("evidence_file")).isEqualTo("授权书.pdf");

        TestHttp.Response file = ndrc.get("/api/v1/sharing/consents/" + id + "/evidence");
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertThat(file.bytes()).isEqualTo(SIGNED);
        assertThat(client("CITY-EEB").get("/api/v1/sharing/consents/" + id + "/evidence").status()).as("another department").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit.entry where object_type = 'sharing_consent_evidence' and object_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from sharing.read r join sharing.consent c on c.subject_id = r.subject_id where c.id = ? and r.channel = 'CONSENT'")
                .param(id).query(Long.class).single()).as("in the person's query history").isEqualTo(1);
        assertThat(apiClient(newApiClient("CITY-NDRC", "share")).get("/api/v1/sharing/consents").status()).as("purpose required").isEqualTo(422);
        JsonNode listed = ndrc.get("/api/v1/sharing/consents").json();
        JsonNode line = listed.valueStream().filter(c -> c.get("id").longValue() == id).findFirst().orElseThrow();
        assertThat(line.get("person").get("idNumberMasked").asString()).isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
        assertThat(line.toString()).doesNotContain(idNumber);
        assertThat(line.get("evidence").get("kept").booleanValue()).isTrue();
    }

    /**
     * Who queried me covers every non-public read, not only shared queries: a check, a subject look-up and a SPECIAL
     * report land in the history, and the next SPECIAL report lists them in its section 查询记录.
     */
    @Test
    void checks_look_ups_and_special_reports_land_in_the_history_and_the_report_lists_them() {
        String code = code();
        acceptedPenalty(code, "示例市" + PenaltyFile.uniqueWord() + "查询记录有限公司", "2026-10-10", "失信程度", "一般");
        TestHttp.Response checked = apiClient(newApiClient("CITY-HOUS", "check")).postJson("/api/v1/checks",
                Map.of("matter", "BIDDING", "purpose", "招标投标资格审查", "subject", Map.of("creditCode", code)));
        assertThat(checked.status()).as(checked.body()).isEqualTo(201);
        TestHttp tran = apiClient(newApiClient("CITY-TRAN", "share")).purpose("核对主体");
        assertThat(rule(tran.get("/api/v1/subjects?creditCode=" + code))).as("a sharing system names its matter")
                .isEqualTo("matter-required");
        TestHttp.Response outside = tran.get("/api/v1/subjects?creditCode=" + code + "&matter=APPOINTMENT");
        assertThat(outside.status()).as("and needs a duty for it").isEqualTo(403);
        assertThat(rule(outside)).isEqualTo("not-in-duty");
        assertThat(apiClient(newApiClient("CITY-HRSS", "share")).purpose("核对任职资格")
                .get("/api/v1/subjects?creditCode=" + code + "&matter=APPOINTMENT").status()).isEqualTo(200);
        TestHttp.Response first = apiClient(DEMO_API_KEY).purpose("政府采购资格审查").postJson("/api/v1/public/reports",
                Map.of("creditCode", code, "kind", "SPECIAL", "from", "2026-01-01", "to", "2026-11-24", "matter", "FISCAL-SUPPORT"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        JsonNode history = staff("operator").get("/api/v1/sharing/history?creditCode=" + code).json().get("items");
        assertThat(history.valueStream().map(h -> h.get("channel").asString() + ":" + h.get("department").asString()).toList())
                .containsExactlyInAnyOrder("CHECK:CITY-HOUS", "LOOKUP:CITY-HRSS", "REPORT:CITY-NDRC");
        assertThat(history.valueStream().filter(h -> "CHECK".equals(h.get("channel").asString())).findFirst().orElseThrow()
                .get("matter").asString()).isEqualTo("BIDDING");

        TestHttp.Response second = apiClient(DEMO_API_KEY).purpose("政府采购资格审查").postJson("/api/v1/public/reports",
                Map.of("creditCode", code, "kind", "SPECIAL", "from", "2026-01-01", "to", "2026-11-24", "matter", "FISCAL-SUPPORT"));
        String text = gongxin.support.PdfText.of(second.bytes()).replaceAll("\\s", "");
        assertThat(text).contains("查询记录").contains("联合奖惩核查（BIDDING）").contains("主体查询").contains("专项信用报告");
    }

    /** Issue 24, 5: the credit office sees the volume per department and caller, and flags with their reads. */
    @Test
    void the_review_counts_reads_and_flags_many_subjects_off_hours_and_rare_matters() {
        // thresholds as data: low, so that a handful of reads shows each flag
        jdbc.sql("""
                insert into sharing.review_setting values ('2026-11-20', 2, '08:00', '18:00', 0.3, 4, '测试口径')
                on conflict (effective_from) do nothing""").update();
        String key = newApiClient("CITY-SAMR", "share");
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = code();
            acceptedPenalty(code, "示例市" + PenaltyFile.uniqueWord() + "复核有限公司", "2026-10-10", "失信程度", "一般");
            codes.add(code);
        }
        TestHttp samr = apiClient(key).purpose("日常监管");
        // Tuesday 24 November, 10:00 in the city: three subjects within the hour, for licensing
        codes.forEach(c -> assertThat(samr.postJson("/api/v1/sharing/queries", query(Map.of("creditCode", c), "LICENSING")).status()).isEqualTo(200));
        // 22:00 the same day, for supervision: after working hours, and a matter this caller rarely reads for
        clock.set(java.time.Instant.parse("2026-11-24T14:00:00Z"));
        assertThat(samr.postJson("/api/v1/sharing/queries", query(Map.of("creditCode", codes.get(0)), "SUPERVISION")).status()).isEqualTo(200);
        // Saturday 28 November, 10:00: a day off
        clock.set(java.time.Instant.parse("2026-11-28T02:00:00Z"));
        assertThat(samr.postJson("/api/v1/sharing/queries", query(Map.of("creditCode", codes.get(1)), "LICENSING")).status()).isEqualTo(200);

        String caller = staff("operator").get("/api/v1/sharing/history?creditCode=" + codes.get(2)).json().get("items").get(0)
                .get("caller").asString();
        JsonNode review = staff("auditor").get("/api/v1/sharing/review?from=2026-11-24&to=2026-11-28").json();
        JsonNode volume = review.get("volume").valueStream().filter(v -> caller.equals(v.get("caller").asString())).findFirst().orElse(null);
        List<String> flags = review.get("flags").valueStream()
                .filter(f -> volume != null && f.get("caller").asString().equals(volume.get("caller").asString()))
                .map(f -> f.get("rule").asString() + ":" + (f.get("when").isNull() ? f.get("matter").asString() : f.get("when").asString())
                        + ":" + f.get("count").longValue()).toList();
        assertThat(volume).as(review.get("volume").toString()).isNotNull();
        assertThat(volume.get("reads").longValue()).isEqualTo(5);
        assertThat(volume.get("subjects").longValue()).isEqualTo(3);
        assertThat(flags).containsExactlyInAnyOrder("MANY_SUBJECTS:2026-11-24 10:00:3", "OFF_HOURS:2026-11-24:1",
                "OFF_HOURS:2026-11-28:1", "RARE_MATTER:SUPERVISION:1");
        assertThat(review.get("flags").valueStream().filter(f -> "RARE_MATTER".equals(f.get("rule").asString())
                && f.get("caller").asString().equals(volume.get("caller").asString())).findFirst().orElseThrow().get("reads")).hasSize(1);
        assertThat(staff("operator").get("/api/v1/sharing/review").status()).isEqualTo(403);
        // the same on the credit office's page
        String page = staff("auditor").get("/admin/sharing?from=2026-11-24&to=2026-11-28").body();
        assertThat(page).contains("短时大量查询").contains("非工作时间").contains("罕见事项").contains(caller);
        assertThat(rule(staff("auditor").get("/api/v1/sharing/review?from=2025-01-01&to=2026-11-24"))).isEqualTo("period-too-long");
    }

    @Test
    void the_credit_office_sets_the_duties_and_bad_lines_change_nothing() {
        TestHttp admin = staff("admin");
        List<Map<String, Object>> duties = List.of(Map.of("matter", "LAND", "kinds", List.of("RECORD", "LIST_ENTRY"),
                "legalBasis", "国有土地使用权出让信用审查（测试）", "statutory", true));
        TestHttp.Response put = admin.putJsonWithCsrf("/api/v1/sharing/duties/CITY-NRES", Map.of("duties", duties), "/console");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(apiClient(newApiClient("CITY-NRES", "share")).get("/api/v1/sharing/duties/CITY-NRES").json().get("duties").get(0)
                .get("matter").asString()).isEqualTo("LAND");

        List<Map<String, Object>> bad = List.of(Map.of("matter", "NOPE", "kinds", List.of("GRADE"), "statutory", true));
        TestHttp.Response refused = admin.putJsonWithCsrf("/api/v1/sharing/duties/CITY-NRES", Map.of("duties", bad), "/console");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("rule").asString()).toList())
                .contains("unknown-matter", "unknown-kind", "required");
        assertThat(jdbc.sql("select count(*) from sharing.duty where department_code = 'CITY-NRES'").query(Long.class).single())
                .as("the earlier list stands").isEqualTo(1);
        assertThat(staff("operator").putJsonWithCsrf("/api/v1/sharing/duties/CITY-NRES", Map.of("duties", duties), "/console")
                .status()).isEqualTo(403);

        // the console: one line added, then removed, the rest kept
        TestHttp page = staff("admin");
        TestHttp.Response added = page.form("/admin/sharing/duties", Map.of("_csrf", page.csrfOf("/admin/sharing"),
                "department", "CITY-NRES", "matter", "HONOURS", "kinds", "RECORD", "legalBasis", "评优评先信用审查（测试）"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(jdbc.sql("select string_agg(matter || ':' || statutory, ',' order by matter) from sharing.duty where department_code = 'CITY-NRES'")
                .query(String.class).single()).isEqualTo("HONOURS:false,LAND:true");
        assertThat(page.get("/admin/sharing").body()).contains("评优评先信用审查（测试）");
        page.form("/admin/sharing/duties/removal", Map.of("_csrf", page.csrfOf("/admin/sharing"), "department", "CITY-NRES", "matter", "HONOURS"));
        assertThat(jdbc.sql("select string_agg(matter, ',') from sharing.duty where department_code = 'CITY-NRES'")
                .query(String.class).single()).isEqualTo("LAND");
    }
}

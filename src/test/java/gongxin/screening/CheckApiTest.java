package gongxin.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Checks as a business system calls them: the hits of a subject and of its legal representative, the measures for the
 * matter with their basis, a signed receipt that any change breaks, replay, feedback, batches, the change feed, and
 * every bad input refused with the contract's rule.
 */
class CheckApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static String code() {
        return PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    /** A serious penalty of a company whose legal representative is named with an ID number; the record id. */
    private long seriousPenalty(String code, String name, String representative, String representativeId) {
        return acceptedPenalty(code, name, "2026-09-01", "法定代表人", representative, "法定代表人证件号码", representativeId,
                "失信程度", "严重");
    }

    /** The courts' judgment debtors list with these rows (name, credit code or ID number); the entry ids. */
    private List<Long> debtors(String... rows) {
        StringBuilder csv = new StringBuilder("被执行人名称,统一社会信用代码,身份证号码,执行案号,发布日期\n");
        for (String row : rows) {
            csv.append(row).append(",（2026）示0201执").append(ThreadLocalRandom.current().nextInt(100_000)).append("号,2026-11-05\n");
        }
        TestHttp.Response imported = apiClient(DEMO_API_KEY).multipart("/api/v1/lists/imports", "file", "debtors.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("listType", "COURT-DEBTOR", "source", "最高人民法院失信被执行人名单公布系统", "listDate", "2026-11-06"));
        assertThat(imported.json().get("accepted").intValue()).as(imported.body()).isEqualTo(rows.length);
        return jdbc.sql("select id from lists.list_entry where import_id = ? order by id").param(imported.json().get("id").longValue())
                .query(Long.class).list();
    }

    private String checker() {
        return newApiClient("CITY-NDRC", "check");
    }

    private static Map<String, Object> check(String matter, Object subject) {
        Map<String, Object> body = new HashMap<>();
        body.put("matter", matter);
        body.put("purpose", "招标投标资格审查");
        body.put("subject", subject);
        return body;
    }

    private static String rule(TestHttp.Response r) {
        return r.json().get("errors").get(0).get("rule").asString();
    }

    /**
     * Issue 26, finding 3: 落实到人 both ways, on the representative of the day asked. 钱 represented the company until a
     * penalty of 2026-06-01 named 赵; the company and 钱 are both on the courts' list from 2026-01-10. Procurement (whose
     * ban reaches legal representatives, as data) checks 钱 and 赵 on two days; a check of the company finds 钱's listing
     * while 钱 represented it, and not after.
     */
    /**
     * Issue 26, finding 3: a registration names its representative since the day the change was approved (任职日期), not
     * since the company was founded (its decision date, 2022-03-01): a later version of the registration naming 赵 from 2026-06-01
     * does not make 赵 the representative of May.
     */
    @Test
    void a_registration_dates_a_new_representative_by_its_appointment_not_by_the_founding() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "物流有限公司";
        String qian = "钱" + PenaltyFile.uniqueWord();
        String qianId = PenaltyFile.idNumber("19710303", ThreadLocalRandom.current().nextInt(1000));
        String zhao = "赵" + PenaltyFile.uniqueWord();
        String zhaoId = PenaltyFile.idNumber("19810404", ThreadLocalRandom.current().nextInt(1000));
        java.util.function.BiFunction<String[], String, Map<String, Object>> registration = (rep, since) -> {
            Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("主体名称", name);
            r.put("统一社会信用代码", code);
            r.put("主体类型", "有限责任公司");
            r.put("法定代表人（负责人）", rep[0]);
            r.put("法定代表人证件号码", rep[1]);
            if (since != null) {
                r.put("法定代表人任职日期", since);
            }
            r.put("成立日期", "2022-03-01");
            r.put("登记机关", "示例市市场监督管理局");
            r.put("登记状态", "存续");
            return r;
        };
        for (Map<String, Object> r : List.of(registration.apply(new String[]{qian, qianId}, null),
                registration.apply(new String[]{zhao, zhaoId}, "2026-06-01"))) {
            TestHttp.Response answer = staff("operator").postJsonWithCsrf("/api/v1/submissions", Map.of("item", "DJZC", "records", List.of(r)),
                    "/collection");
            assertThat(answer.json().get("accepted").intValue()).as(answer.body()).isEqualTo(1);
        }
        TestHttp.Response future = staff("operator").postJsonWithCsrf("/api/v1/submissions", Map.of("item", "DJZC",
                "records", List.of(registration.apply(new String[]{zhao, zhaoId}, "2026-12-01"))), "/collection");
        assertThat(future.body()).as("an appointment after today is refused").contains("not-future");
        String csv = "被执行人名称,统一社会信用代码,身份证号码,执行案号,发布日期\n"
                + name + "," + code + ",,（2026）示0201执" + ThreadLocalRandom.current().nextInt(100_000) + "号,2026-01-10\n";
        TestHttp.Response imported = apiClient(DEMO_API_KEY).multipart("/api/v1/lists/imports", "file", "debtors.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                Map.of("listType", "COURT-DEBTOR", "source", "最高人民法院失信被执行人名单公布系统", "listDate", "2026-01-11"));
        assertThat(imported.json().get("accepted").intValue()).as(imported.body()).isEqualTo(1);
        String key = checker();
        java.util.function.BiFunction<Map<String, Object>, String, List<String>> vias = (subject, asOf) -> {
            Map<String, Object> body = check("GOV-PROCUREMENT", subject);
            body.put("asOf", asOf);
            TestHttp.Response r = apiClient(key).postJson("/api/v1/checks", body);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().get("hits").valueStream().map(h -> h.get("kind").asString() + ":" + h.get("via").asString()).toList();
        };
        assertThat(vias.apply(Map.of("name", zhao, "idNumber", zhaoId), "2026-05-01")).doesNotContain("LIST_ENTRY:REPRESENTED_ORGANISATION");
        assertThat(vias.apply(Map.of("name", qian, "idNumber", qianId), "2026-05-01")).contains("LIST_ENTRY:REPRESENTED_ORGANISATION");
        assertThat(vias.apply(Map.of("name", zhao, "idNumber", zhaoId), "2026-11-24")).contains("LIST_ENTRY:REPRESENTED_ORGANISATION");
        assertThat(vias.apply(Map.of("name", qian, "idNumber", qianId), "2026-11-24")).doesNotContain("LIST_ENTRY:REPRESENTED_ORGANISATION");
    }

    @Test
    void a_listing_binds_the_legal_representative_of_the_day_asked_in_both_directions() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "工程有限公司";
        String qian = "钱" + PenaltyFile.uniqueWord();
        String qianId = PenaltyFile.idNumber("19700101", ThreadLocalRandom.current().nextInt(1000));
        String zhao = "赵" + PenaltyFile.uniqueWord();
        String zhaoId = PenaltyFile.idNumber("19800202", ThreadLocalRandom.current().nextInt(1000));
        acceptedPenalty(code, name, "2025-03-01", "法定代表人", qian, "法定代表人证件号码", qianId, "失信程度", "一般");
        acceptedPenalty(code, name, "2026-06-01", "法定代表人", zhao, "法定代表人证件号码", zhaoId, "失信程度", "一般");
        String csv = "被执行人名称,统一社会信用代码,身份证号码,执行案号,发布日期\n"
                + name + "," + code + ",,（2026）示0201执" + ThreadLocalRandom.current().nextInt(100_000) + "号,2026-01-10\n"
                + qian + ",," + qianId + ",（2026）示0201执" + ThreadLocalRandom.current().nextInt(100_000) + "号,2026-01-10\n";
        TestHttp.Response imported = apiClient(DEMO_API_KEY).multipart("/api/v1/lists/imports", "file", "debtors.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                Map.of("listType", "COURT-DEBTOR", "source", "最高人民法院失信被执行人名单公布系统", "listDate", "2026-01-11"));
        assertThat(imported.json().get("accepted").intValue()).as(imported.body()).isEqualTo(2);
        String key = checker();
        java.util.function.BiFunction<Object, String, JsonNode> procurement = (subject, asOf) -> {
            Map<String, Object> body = check("GOV-PROCUREMENT", subject);
            body.put("asOf", asOf);
            TestHttp.Response r = apiClient(key).postJson("/api/v1/checks", body);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json();
        };
        java.util.function.Function<JsonNode, List<String>> vias = answer -> answer.get("hits").valueStream()
                .map(h -> h.get("kind").asString() + ":" + h.get("via").asString()).toList();
        java.util.function.Function<JsonNode, List<String>> bans = answer -> answer.get("measures").valueStream()
                .map(m -> m.get("code").asString()).toList();
        Map<String, Object> asQian = Map.of("name", qian, "idNumber", qianId);
        Map<String, Object> asZhao = Map.of("name", zhao, "idNumber", zhaoId);

        // from the organisation to the person: 钱 represented the company on 2026-05-01, 赵 does on 2026-11-24
        JsonNode qianInMay = procurement.apply(asQian, "2026-05-01");
        assertThat(vias.apply(qianInMay)).contains("LIST_ENTRY:SUBJECT", "LIST_ENTRY:REPRESENTED_ORGANISATION");
        assertThat(bans.apply(qianInMay)).contains("NAT-1-PROCUREMENT-BAN");
        JsonNode zhaoInMay = procurement.apply(asZhao, "2026-05-01");
        assertThat(vias.apply(zhaoInMay)).doesNotContain("LIST_ENTRY:REPRESENTED_ORGANISATION");
        JsonNode zhaoNow = procurement.apply(asZhao, "2026-11-24");
        assertThat(vias.apply(zhaoNow)).containsExactly("LIST_ENTRY:REPRESENTED_ORGANISATION");
        assertThat(bans.apply(zhaoNow)).containsExactly("NAT-1-PROCUREMENT-BAN");
        JsonNode qianNow = procurement.apply(asQian, "2026-11-24");
        assertThat(vias.apply(qianNow)).containsExactly("LIST_ENTRY:SUBJECT");

        // from the person to the organisation: the representative of the day asked
        JsonNode companyInMay = procurement.apply(Map.of("creditCode", code), "2026-05-01");
        assertThat(vias.apply(companyInMay)).contains("LIST_ENTRY:LEGAL_REPRESENTATIVE");
        JsonNode companyNow = procurement.apply(Map.of("creditCode", code), "2026-11-24");
        assertThat(vias.apply(companyNow)).doesNotContain("LIST_ENTRY:LEGAL_REPRESENTATIVE");

        // a measure that does not reach representatives is not applied through the organisation: bidding
        Map<String, Object> bidding = check("BIDDING", asZhao);
        JsonNode zhaoBidding = apiClient(key).postJson("/api/v1/checks", bidding).json();
        assertThat(vias.apply(zhaoBidding)).isEmpty();
    }

    @Test
    void a_check_answers_the_measures_with_their_basis_for_the_subject_and_its_legal_representative() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "建工有限公司";
        String repId = PenaltyFile.idNumber("19750505", ThreadLocalRandom.current().nextInt(1000));
        long record = seriousPenalty(code, name, "孙" + PenaltyFile.uniqueWord(), repId);
        List<Long> entries = debtors(name + "," + code + ",", "孙某," + "," + repId);
        String key = checker();

        TestHttp.Response response = apiClient(key).postJson("/api/v1/checks", check("BIDDING", Map.of("creditCode", code)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode answer = response.json();
        assertThat(answer.get("matter").asString()).isEqualTo("BIDDING");
        assertThat(answer.get("asOf").asString()).isEqualTo("2026-11-24");
        assertThat(answer.get("subject").get("known").booleanValue()).isTrue();
        assertThat(answer.get("subject").get("creditCode").asString()).isEqualTo(code);
        assertThat(answer.get("hits").valueStream().map(h -> h.get("kind").asString() + ":" + h.get("id").longValue() + ":" + h.get("via").asString()))
                .containsExactlyInAnyOrder("RECORD:" + record + ":SUBJECT", "LIST_ENTRY:" + entries.get(0) + ":SUBJECT",
                        "LIST_ENTRY:" + entries.get(1) + ":LEGAL_REPRESENTATIVE");
        JsonNode ban = answer.get("measures").valueStream().filter(m -> m.get("code").asString().equals("NAT-1-BIDDING-BAN"))
                .findFirst().orElseThrow();
        assertThat(ban.get("basis").asString()).contains("招标投标法实施条例");
        assertThat(ban.get("mandatory").booleanValue()).isTrue();
        assertThat(ban.get("triggeredBy").valueStream().map(JsonNode::longValue)).containsExactlyInAnyOrder(entries.get(0), entries.get(1));
        assertThat(answer.get("receipt").get("signature").asString()).isNotBlank();

        // for fiscal support the serious penalty triggers the restriction too
        JsonNode fiscal = apiClient(key).postJson("/api/v1/checks", check("FISCAL-SUPPORT", Map.of("creditCode", code))).json();
        assertThat(fiscal.get("measures").valueStream().filter(m -> m.get("code").asString().equals("NAT-2-FISCAL-RESTRICT"))
                .findFirst().orElseThrow().get("triggeredBy").valueStream().map(JsonNode::longValue)).contains(record);

        // as of a day before the listing, only the penalty counts
        Map<String, Object> before = check("BIDDING", Map.of("creditCode", code));
        before.put("asOf", "2026-11-01");
        JsonNode earlier = apiClient(key).postJson("/api/v1/checks", before).json();
        assertThat(earlier.get("hits").valueStream().map(h -> h.get("kind").asString())).containsExactly("RECORD");
        assertThat(earlier.get("measures")).isEmpty();

        // audited as a read with its purpose
        assertThat(jdbc.sql("select purpose from audit.entry where object_type = 'check' and object_id = ?")
                .param(answer.get("id").asString()).query(String.class).single()).isEqualTo("招标投标资格审查");
    }

    @Test
    void the_receipt_proves_the_answer_and_any_change_breaks_it() {
        String code = code();
        debtors("示例市" + PenaltyFile.uniqueWord() + "路桥有限公司," + code + ",");
        String key = checker();
        TestHttp.Response response = apiClient(key).postJson("/api/v1/checks", check("BIDDING", Map.of("creditCode", code)));
        String id = response.json().get("id").asString();

        TestHttp.Response replay = apiClient(key).get("/api/v1/checks/" + id);
        assertThat(replay.bytes()).isEqualTo(response.bytes());
        // the credit office replays another's answer with a purpose, audited (issue 25, finding 8)
        assertThat(staffWithoutPurpose("admin").get("/api/v1/checks/" + id).status()).isEqualTo(422);
        assertThat(staff("admin").purpose("核查结果复核").get("/api/v1/checks/" + id).bytes()).isEqualTo(response.bytes());
        assertThat(jdbc.sql("select purpose from audit.entry where object_type = 'check' and object_id = ? and action = 'READ_NON_PUBLIC'")
                .param(id).query(String.class).list()).contains("核查结果复核");

        TestHttp.Response valid = http().postBytes("/api/v1/checks/verify", "application/json", response.bytes());
        assertThat(valid.json().get("valid").booleanValue()).as(valid.body()).isTrue();

        String body = response.body();
        String changedMeasure = body.replace("限制参与依法必须招标项目的投标", "限制参与依法必须招标项目的投票");
        assertThat(changedMeasure).isNotEqualTo(body);
        assertThat(http().postBytes("/api/v1/checks/verify", "application/json", changedMeasure.getBytes(StandardCharsets.UTF_8))
                .json().get("valid").booleanValue()).isFalse();
        String sm3 = response.json().get("receipt").get("sm3").asString();
        String changedReceipt = body.replace(sm3, sm3.substring(0, 63) + (sm3.endsWith("0") ? "1" : "0"));
        assertThat(http().postBytes("/api/v1/checks/verify", "application/json", changedReceipt.getBytes(StandardCharsets.UTF_8))
                .json().get("valid").booleanValue()).isFalse();
        String withoutHits = body.replaceFirst("\"hits\":\\[.*?\\],\"measures\"", "\"hits\":[],\"measures\"");
        assertThat(withoutHits).isNotEqualTo(body);
        assertThat(http().postBytes("/api/v1/checks/verify", "application/json", withoutHits.getBytes(StandardCharsets.UTF_8))
                .json().get("valid").booleanValue()).isFalse();

        // another client does not replay it
        assertThat(apiClient(checker()).get("/api/v1/checks/" + id).status()).isEqualTo(403);
    }

    /**
     * Issue 25, finding 5: the signed answer binds the question. A "no hits" receipt for an unknown subject names the
     * identifier asked, the caller, the purpose and the time; changing any of them breaks it; a second value for a key
     * is refused rather than read one way by us and another by someone else.
     */
    @Test
    void the_receipt_binds_the_identifier_asked_the_caller_the_purpose_and_the_time() {
        String code = code();
        String key = checker();
        TestHttp.Response response = apiClient(key).postJson("/api/v1/checks", check("BIDDING", Map.of("creditCode", code.toLowerCase())));
        JsonNode answer = response.json();
        assertThat(answer.get("subject").get("known").booleanValue()).isFalse();
        assertThat(answer.get("hits")).isEmpty();
        assertThat(answer.get("asked").get("creditCode").asString()).isEqualTo(code);
        assertThat(answer.get("purpose").asString()).isEqualTo("招标投标资格审查");
        assertThat(answer.get("caller").get("name").asString()).isNotBlank();
        assertThat(answer.get("issuedAt").asString()).isEqualTo(answer.get("receipt").get("issuedAt").asString());

        String body = response.body();
        String other = code();
        for (String changed : List.of(body.replace(code, other),
                body.replace("招标投标资格审查", "政府采购资格审查"),
                body.replace(answer.get("caller").get("name").asString(), "另一个系统"),
                body.replaceFirst("\"issuedAt\":\"([^\"]+)\"", "\"issuedAt\":\"2020-01-01T00:00:00Z\""))) {
            assertThat(changed).isNotEqualTo(body);
            JsonNode verdict = http().postBytes("/api/v1/checks/verify", "application/json", changed.getBytes(StandardCharsets.UTF_8)).json();
            assertThat(verdict.get("valid").booleanValue()).as(changed).isFalse();
        }
        // the same answer with a second "hits" key: refused, whichever value a reader would take
        String duplicated = body.replaceFirst("\"hits\":\\[\\]", "\"hits\":[],\"hits\":[{\"kind\":\"RECORD\"}]");
        assertThat(duplicated).isNotEqualTo(body);
        JsonNode verdict = http().postBytes("/api/v1/checks/verify", "application/json", duplicated.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(verdict.get("valid").booleanValue()).isFalse();
        assertThat(verdict.get("reason").asString()).contains("重复的键");
        // JSON that is no answer at all (found by the API fuzz test: "null" was a 500)
        for (String notAnAnswer : List.of("null", "[]", "\"x\"", "{")) {
            TestHttp.Response v = http().postBytes("/api/v1/checks/verify", "application/json", notAnAnswer.getBytes(StandardCharsets.UTF_8));
            assertThat(v.status()).as(notAnAnswer).isEqualTo(200);
            assertThat(v.json().get("valid").booleanValue()).isFalse();
        }
        assertThat(http().postBytes("/api/v1/checks/verify", "application/json", response.bytes()).json().get("valid").booleanValue())
                .isTrue();
    }

    @Test
    void feedback_names_measures_of_the_answer_and_reasons_for_what_was_not_applied() {
        String code = code();
        debtors("示例市" + PenaltyFile.uniqueWord() + "园林有限公司," + code + ",");
        String key = checker();
        JsonNode answer = apiClient(key).postJson("/api/v1/checks", check("BIDDING", Map.of("creditCode", code))).json();
        String id = answer.get("id").asString();
        List<String> offered = answer.get("measures").valueStream().map(m -> m.get("code").asString()).toList();
        assertThat(offered).contains("NAT-1-BIDDING-BAN");

        // issue 26, finding 11: feedback that leaves a measure of the answer out is not complete
        TestHttp.Response partial = apiClient(key).postJson("/api/v1/checks/" + id + "/feedback", Map.of("applied", List.of()));
        assertThat(partial.status()).isEqualTo(422);
        assertThat(rule(partial)).isEqualTo("feedback-incomplete");
        TestHttp.Response unknown = apiClient(key).postJson("/api/v1/checks/" + id + "/feedback", Map.of("applied", List.of("NO-SUCH")));
        assertThat(rule(unknown)).isEqualTo("unknown-measure");
        TestHttp.Response noReason = apiClient(key).postJson("/api/v1/checks/" + id + "/feedback",
                Map.of("notApplied", List.of(Map.of("code", "NAT-1-BIDDING-BAN", "reason", " "))));
        assertThat(rule(noReason)).isEqualTo("reason-required");
        TestHttp.Response foreign = apiClient(checker()).postJson("/api/v1/checks/" + id + "/feedback",
                Map.of("applied", List.of("NAT-1-BIDDING-BAN")));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from screening.feedback where check_id = ?::uuid").param(id).query(Integer.class).single()).isZero();

        TestHttp.Response given = apiClient(key).postJson("/api/v1/checks/" + id + "/feedback", Map.of("applied", offered));
        assertThat(given.status()).as(given.body()).isEqualTo(200);

        String page = staff("admin").get("/admin/checks?from=2026-11-24&to=2026-11-24").body();
        assertThat(page).contains("招标投标").contains("示例市发展和改革委员会");
        assertThat(staff("operator").get("/admin/checks").status()).isEqualTo(403);
        JsonNode stats = staff("admin").get("/api/v1/checks/statistics?from=2026-11-24&to=2026-11-24").json();
        JsonNode bidding = stats.valueStream().filter(s -> s.get("department").asString().equals("CITY-NDRC")
                && s.get("matter").asString().equals("BIDDING")).findFirst().orElseThrow();
        assertThat(bidding.get("checks").intValue()).isGreaterThanOrEqualTo(1);
        assertThat(bidding.get("feedbackGiven").intValue()).isGreaterThanOrEqualTo(1);
        assertThat(bidding.get("measuresApplied").intValue()).isGreaterThanOrEqualTo(1);
    }

    /** Issue 25, finding 8: a check makes its client follow the subject for 180 days (a later check extends it), not for ever. */
    @Test
    void a_watch_ends_after_its_period_unless_a_new_check_extends_it() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "电器有限公司";
        acceptedPenalty(code, name, "2026-10-01", "失信程度", "严重");
        String key = checker();
        apiClient(key).postJson("/api/v1/checks", check("BIDDING", Map.of("creditCode", code)));
        java.util.function.LongFunction<List<String>> feed = after -> apiClient(key).purpose("跟踪核查对象信用变动")
                .get("/api/v1/checks/changes?after=" + after).json().get("changes").valueStream()
                .map(c -> c.get("kind").asString() + ":" + c.get("subject").get("creditCode").asString()).toList();
        long cursor = apiClient(key).purpose("跟踪").get("/api/v1/checks/changes?after=0&limit=1000000").json().get("next").longValue();
        while (!feed.apply(cursor).isEmpty()) {
            cursor = apiClient(key).purpose("跟踪").get("/api/v1/checks/changes?after=" + cursor).json().get("next").longValue();
        }

        clock.set(java.time.Instant.parse("2027-06-01T02:00:00Z"));
        acceptedPenalty(code, name, "2027-05-20", "失信程度", "严重");
        assertThat(feed.apply(cursor)).as("past its 180 days the watch is over").doesNotContain("RECORD_ADDED:" + code);

        apiClient(key).postJson("/api/v1/checks", check("BIDDING", Map.of("creditCode", code)));
        acceptedPenalty(code, name, "2027-05-21", "失信程度", "严重");
        assertThat(feed.apply(cursor)).as("a new check follows it again").contains("RECORD_ADDED:" + code);
    }

    @Test
    void a_checked_subject_that_changes_shows_in_the_change_feed() {
        String code = code();
        List<Long> entries = debtors("示例市" + PenaltyFile.uniqueWord() + "钢构有限公司," + code + ",");
        String key = checker();
        apiClient(key).postJson("/api/v1/checks", check("BIDDING", Map.of("creditCode", code)));
        assertThat(apiClient(key).get("/api/v1/checks/changes").status()).as("a read of others' data: purpose required").isEqualTo(422);
        long cursor = apiClient(key).purpose("跟踪核查对象信用变动").get("/api/v1/checks/changes").json().get("next").longValue();

        TestHttp.Response removed = apiClient(DEMO_API_KEY).postJson("/api/v1/lists/entries/" + entries.get(0) + "/removal",
                Map.of("on", "2026-11-20", "reason", "COURT_DECISION", "courtDecision", Map.of("number", "（2026）示0201执恢1号之一", "date", "2026-11-19")));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);

        JsonNode feed = apiClient(key).purpose("跟踪核查对象信用变动").get("/api/v1/checks/changes?after=" + cursor).json();
        assertThat(feed.get("changes").valueStream().map(c -> c.get("kind").asString() + ":" + c.get("subject").get("creditCode").asString()))
                .containsExactly("REMOVED:" + code);
        // a system that did not check the subject is told nothing
        assertThat(apiClient(checker()).purpose("跟踪").get("/api/v1/checks/changes").json().get("changes")).isEmpty();
        long subjectId = feed.get("changes").get(0).get("subjectId").longValue();
        assertThat(jdbc.sql("select count(*) from sharing.read where subject_id = ? and channel = 'CHANGES'").param(subjectId)
                .query(Long.class).single()).as("in the subject's query history").isEqualTo(1);

        // and a check now says why the measure no longer applies
        JsonNode now = apiClient(key).postJson("/api/v1/checks", check("BIDDING", Map.of("creditCode", code))).json();
        assertThat(now.get("measures")).isEmpty();
        assertThat(now.get("notApplied").get(0).get("reason").asString()).contains("人民法院");
    }

    @Nested
    class Batches {

        @Test
        void answer_each_subject_in_order_under_one_receipt() {
            String listed = code();
            debtors("示例市" + PenaltyFile.uniqueWord() + "矿业有限公司," + listed + ",");
            String stranger = code();
            List<Map<String, String>> subjects = List.of(Map.of("creditCode", listed), Map.of("creditCode", stranger),
                    Map.of("name", "无名氏", "idNumber", PenaltyFile.idNumber("19900101", 7)));
            Map<String, Object> body = new HashMap<>();
            body.put("matter", "BIDDING");
            body.put("purpose", "招标投标资格审查");
            body.put("subjects", subjects);
            TestHttp.Response response = apiClient(checker()).postJson("/api/v1/checks/batch", body);
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            JsonNode results = response.json().get("results");
            assertThat(results).hasSize(3);
            assertThat(results.get(0).get("subject").get("creditCode").asString()).isEqualTo(listed);
            assertThat(results.get(0).get("measures")).isNotEmpty();
            assertThat(results.get(1).get("subject").get("known").booleanValue()).isFalse();
            assertThat(results.get(1).get("hits")).isEmpty();
            assertThat(results.get(2).get("subject").get("known").booleanValue()).isFalse();
            assertThat(results.get(0).has("receipt")).isFalse();
            assertThat(http().postBytes("/api/v1/checks/verify", "application/json", response.bytes()).json().get("valid").booleanValue()).isTrue();
        }

        @Test
        void of_more_than_a_thousand_are_refused() {
            List<Map<String, String>> subjects = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                subjects.add(Map.of("creditCode", PenaltyFile.creditCode(i)));
            }
            Map<String, Object> body = new HashMap<>();
            body.put("matter", "BIDDING");
            body.put("purpose", "招标投标资格审查");
            body.put("subjects", subjects);
            assertThat(rule(apiClient(checker()).postJson("/api/v1/checks/batch", body))).isEqualTo("batch-too-large");
        }
    }

    @Test
    void an_exempt_penalty_is_named_with_its_exemption_and_triggers_nothing() {
        String code = code();
        acceptedPenalty(code, "示例市" + PenaltyFile.uniqueWord() + "小吃店", "2026-09-01", "失信程度", "严重", "适用程序", "简易程序");
        JsonNode answer = apiClient(checker()).postJson("/api/v1/checks", check("FISCAL-SUPPORT", Map.of("creditCode", code))).json();
        assertThat(answer.get("hits")).isEmpty();
        assertThat(answer.get("measures")).isEmpty();
        assertThat(answer.get("notApplied").valueStream().map(n -> n.get("reason").asString())).anyMatch(r -> r.contains("简易程序"));
    }

    @Nested
    class CaseworkerPage {

        @Test
        void checks_at_the_window_and_takes_the_feedback() {
            String code = code();
            debtors("示例市" + PenaltyFile.uniqueWord() + "水务有限公司," + code + ",");
            TestHttp operator = staff("operator");
            String csrf = operator.csrfOf("/checks");
            TestHttp.Response checked = operator.formPairs("/checks", "_csrf", csrf, "matter", "BIDDING", "creditCode", code,
                    "purpose", "招标投标资格审查");
            assertThat(checked.status()).as(checked.body()).isEqualTo(302);
            String page = checked.header("Location");
            String id = page.substring(page.lastIndexOf('/') + 1);
            String result = operator.get("/checks/" + id).body();
            assertThat(result).contains("限制参与依法必须招标项目的投标").contains("失信被执行人名单");

            TestHttp.Response missingReason = operator.formPairs("/checks/" + id + "/feedback", "_csrf", operator.csrfOf("/checks/" + id));
            assertThat(missingReason.status()).isEqualTo(200);
            assertThat(missingReason.body()).contains("reason-required");
            operator.formPairs("/checks/" + id + "/feedback", "_csrf", operator.csrfOf("/checks/" + id), "applied", "NAT-1-BIDDING-BAN");
            assertThat(jdbc.sql("select applied from screening.feedback where check_id = ?::uuid and measure = 'NAT-1-BIDDING-BAN'")
                    .param(id).query(Boolean.class).single()).isTrue();
        }
    }

    @Nested
    class BadInput {

        @Test
        void is_refused_with_the_contracts_rule_and_nothing_is_stored() {
            String key = checker();
            int before = jdbc.sql("select count(*) from screening.check").query(Integer.class).single();
            Map<String, Object> noPurpose = check("BIDDING", Map.of("creditCode", code()));
            noPurpose.remove("purpose");
            assertThat(rule(apiClient(key).postJson("/api/v1/checks", noPurpose))).isEqualTo("purpose-required");
            assertThat(rule(apiClient(key).postJson("/api/v1/checks", check("LOTTERY", Map.of("creditCode", code()))))).isEqualTo("unknown-matter");
            TestHttp.Response badCode = apiClient(key).postJson("/api/v1/checks", check("BIDDING", Map.of("creditCode", "91320200MA1XXXXXX1")));
            assertThat(badCode.status()).isEqualTo(422);
            TestHttp.Response badId = apiClient(key).postJson("/api/v1/checks", check("BIDDING", Map.of("name", "张三", "idNumber", "320200199001011234")));
            assertThat(rule(badId)).isEqualTo("id-number");
            Map<String, Object> future = check("BIDDING", Map.of("creditCode", code()));
            future.put("asOf", "2027-01-01");
            assertThat(rule(apiClient(key).postJson("/api/v1/checks", future))).isEqualTo("not-future");
            assertThat(jdbc.sql("select count(*) from screening.check").query(Integer.class).single()).isEqualTo(before);
            // a system without the check scope may not check
            assertThat(apiClient(newApiClient("CITY-NDRC", "submit")).postJson("/api/v1/checks",
                    check("BIDDING", Map.of("creditCode", code()))).status()).isEqualTo(403);
        }
    }
}

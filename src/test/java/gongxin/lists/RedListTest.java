package gongxin.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
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
 * Red lists imported from the keeping department's file: only subjects without dishonesty in the three years before
 * the list date get on, and one that later gets a dishonesty record is flagged and leaves the website at once.
 */
class RedListTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static String code() {
        return PenaltyFile.creditCode(ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private void penalty(String code, String name, String date) {
        acceptedPenalty(code, name, date);
    }

    private TestHttp.Response importFile(String key, String listType, String csv, String listDate) {
        return apiClient(key).multipart("/api/v1/lists/red/imports", "file", "a级纳税人.csv", csv.getBytes(GB18030),
                Map.of("listType", listType, "source", "示例市税务局公告2026年第3号", "listDate", listDate));
    }

    private JsonNode redSection(String code) {
        return http().get("/api/v1/public/subjects/" + code).json().get("sections").get("RED_LIST").get("entries");
    }

    @Test
    void only_the_trustworthy_get_on_and_new_dishonesty_takes_them_off_at_once() {
        String clean = code();
        String cleanName = "示例市" + PenaltyFile.uniqueWord() + "电子有限公司";
        String dishonest = code();
        penalty(dishonest, "示例市" + PenaltyFile.uniqueWord() + "化工有限公司", "2025-03-01");
        String csv = "纳税人识别号,纳税人名称\n" + clean + "," + cleanName + "\n" + dishonest + ",示例市某化工有限公司\n"
                + "91320200ABCDEFGHIJ,示例市无效代码有限公司\n,示例市无代码有限公司\n";

        TestHttp.Response imported = importFile(DEMO_API_KEY, "TAX-A", csv, "2026-11-01");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode answer = imported.json();
        assertThat(answer.get("rows").intValue()).isEqualTo(4);
        assertThat(answer.get("accepted").intValue()).isEqualTo(1);
        assertThat(answer.get("rejected").intValue()).isEqualTo(3);
        assertThat(answer.get("errors").valueStream().map(e -> e.get("line").intValue() + ":" + e.get("rule").asString()))
                .contains("3:dishonesty-in-3-years", "5:subject-required");
        assertThat(answer.get("errors").valueStream().filter(e -> e.get("line").intValue() == 4).findFirst().orElseThrow()
                .get("field").asString()).isEqualTo("creditCode");

        JsonNode shown = redSection(clean);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("itemName").asString()).isEqualTo("纳税信用A级纳税人名单");
        assertThat(http().get("/api/v1/public/subjects/" + dishonest).json().get("sections").get("RED_LIST").get("entries")).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'LIST_IMPORTED' and object_id = ?")
                .param(answer.get("id").asString()).query(Integer.class).single()).isEqualTo(1);

        // the same subject twice on one list is refused
        TestHttp.Response again = importFile(DEMO_API_KEY, "TAX-A", "纳税人识别号,纳税人名称\n" + clean + "," + cleanName + "\n", "2026-11-02");
        assertThat(again.json().get("errors").get(0).get("rule").asString()).isEqualTo("already-listed");

        // 动态管理: a dishonesty record later flags the entry and takes it off the website at once
        penalty(clean, cleanName, "2026-11-10");
        assertThat(redSection(clean)).isEmpty();
        JsonNode entries = staff("admin").purpose("名单核对").get("/api/v1/subjects?creditCode=" + clean).json().get("listEntries");
        assertThat(entries.get(0).get("flaggedReason").asString()).contains("新增失信记录");
        assertThat(entries.get(0).get("inForce").booleanValue()).isFalse();
        long entryId = entries.get(0).get("id").longValue();

        // the keeping department then removes it, history kept
        TestHttp.Response removed = apiClient(DEMO_API_KEY).postJson("/api/v1/lists/entries/" + entryId + "/removal",
                Map.of("on", "2026-11-20", "reason", "DISHONESTY"));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(jdbc.sql("select removal_reason from lists.list_entry where id = ?").param(entryId).query(String.class).single())
                .isEqualTo("DISHONESTY");
    }

    /**
     * Issue 25, finding 8: an import is no free probe for dishonesty. A refused row changes no subject (its name is not
     * taken as a new name), and every known subject whose information was read lands in its query history.
     */
    @Test
    void a_refused_row_changes_no_subject_and_each_read_is_in_the_subjects_history() {
        String dishonest = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "化工有限公司";
        penalty(dishonest, name, "2025-03-01");
        long subjectId = jdbc.sql("select id from subjects.subject where credit_code = ?").param(dishonest).query(Long.class).single();
        String csv = "纳税人识别号,纳税人名称\n" + dishonest + ",示例市探查用名称有限公司\n";
        TestHttp.Response imported = importFile(DEMO_API_KEY, "TAX-A", csv, "2026-11-01");
        assertThat(imported.json().get("errors").get(0).get("rule").asString()).isEqualTo("dishonesty-in-3-years");
        JsonNode looked = staff("admin").purpose("核对").get("/api/v1/subjects?creditCode=" + dishonest).json();
        assertThat(looked.get("name").asString()).isEqualTo(name);
        assertThat(looked.toString()).doesNotContain("探查用名称");
        assertThat(jdbc.sql("select channel from sharing.read where subject_id = ?").param(subjectId).query(String.class).list())
                .contains("RED_IMPORT");
    }

    private void formerlyListed(String code, String name, String listedOn, String endsOn, String removedOn) {
        long subject = jdbc.sql("""
                insert into subjects.subject (category, name, name_as_of, credit_code, first_seen, updated_at)
                values ('ORGANIZATION', ?, date '2019-01-01', ?, date '2019-01-01', now()) returning id""")
                .params(name, code).query(Long.class).single();
        jdbc.sql("""
                insert into lists.list_entry (list_type, subject_id, listed_on, removable_from, ends_on, document_number,
                                              removed_on, removal_reason, created_at)
                values ('COURT-DEBTOR', ?, ?::date, ?::date, ?::date, ?, ?::date, 'EXPIRED', now())""")
                .params(subject, listedOn, listedOn, endsOn, "（2020）示执" + subject + "号", removedOn).update();
    }

    /**
     * Issue 26, finding 4: "three years clean" asks whether the subject was on a dishonesty list in the three years
     * before the list date; an entry whose last day came earlier does not count, however late its removal was recorded.
     */
    @Test
    void a_listing_that_ended_before_the_three_years_does_not_keep_a_subject_off_a_red_list() {
        String longAgo = code();
        String longAgoName = "示例市" + PenaltyFile.uniqueWord() + "纺织有限公司";
        // on the list until 2023-01-10, its removal recorded only on 2024-05-01; the red list is dated 2026-11-01
        formerlyListed(longAgo, longAgoName, "2020-01-10", "2023-01-10", "2024-05-01");
        String recent = code();
        String recentName = "示例市" + PenaltyFile.uniqueWord() + "印染有限公司";
        // on the list until 2024-02-01: inside the three years
        formerlyListed(recent, recentName, "2021-02-01", "2024-02-01", "2024-03-01");

        TestHttp.Response imported = importFile(DEMO_API_KEY, "TAX-A", "纳税人识别号,纳税人名称\n" + longAgo + "," + longAgoName
                + "\n" + recent + "," + recentName + "\n", "2026-11-01");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("accepted").intValue()).as(imported.body()).isEqualTo(1);
        assertThat(imported.json().get("errors").valueStream().map(e -> e.get("line").intValue() + ":" + e.get("rule").asString()))
                .containsExactly("3:dishonesty-in-3-years");
        assertThat(redSection(longAgo)).hasSize(1);
    }

    /** Issue 26, finding 11: a dishonesty record older than three years, loaded from history, flags no red-list entry. */
    @Test
    void a_penalty_from_history_older_than_three_years_does_not_take_a_subject_off_a_red_list() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "服饰有限公司";
        TestHttp.Response red = importFile(DEMO_API_KEY, "TAX-A", "纳税人识别号,纳税人名称\n" + code + "," + name + "\n", "2026-11-01");
        assertThat(red.json().get("accepted").intValue()).as(red.body()).isEqualTo(1);
        // decided 2022-06-01: more than three years before 2026-11-24
        penalty(code, name, "2022-06-01");
        assertThat(redSection(code)).hasSize(1);
        // one of 2025 does
        penalty(code, name, "2025-06-01");
        assertThat(redSection(code)).isEmpty();
    }

    @Test
    void an_upstream_list_is_taken_as_published_and_takes_its_subjects_off_red_lists() {
        String code = code();
        String name = "示例市" + PenaltyFile.uniqueWord() + "建设有限公司";
        TestHttp.Response red = importFile(DEMO_API_KEY, "TAX-A", "纳税人识别号,纳税人名称\n" + code + "," + name + "\n", "2026-11-01");
        assertThat(red.json().get("accepted").intValue()).as(red.body()).isEqualTo(1);

        String csv = "被执行人名称,统一社会信用代码,执行案号,发布日期\n" + name + "," + code + ",（2026）示0201执123号,2026-11-05\n"
                + "示例市无案号有限公司," + code() + ",,2026-11-05\n";
        TestHttp.Response imported = apiClient(DEMO_API_KEY).multipart("/api/v1/lists/imports", "file", "失信被执行人.csv",
                csv.getBytes(GB18030), Map.of("listType", "COURT-DEBTOR", "source", "最高人民法院失信被执行人名单公布系统", "listDate", "2026-11-06"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("accepted").intValue()).isEqualTo(1);
        assertThat(imported.json().get("errors").get(0).get("rule").asString()).isEqualTo("required");

        JsonNode sections = http().get("/api/v1/public/subjects/" + code).json().get("sections");
        JsonNode listed = sections.get("SERIOUS_DISHONESTY").get("entries");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("itemName").asString()).isEqualTo("失信被执行人名单");
        assertThat(listed.get(0).get("decisionNumber").asString()).isEqualTo("（2026）示0201执123号");
        assertThat(listed.get(0).get("decisionDate").asString()).isEqualTo("2026-11-05");
        assertThat(sections.get("RED_LIST").get("entries")).as("no longer trustworthy").isEmpty();
    }

    /**
     * Issue 26, finding 5: an upstream list carries the source's own dates and is reconciled by a complete file: a
     * repeated row changes nothing, a debtor the court deleted leaves the list. (A list type of its own, so that the
     * reconciliation does not touch the court entries other tests import.)
     */
    @Test
    void an_upstream_list_keeps_the_sources_dates_and_a_complete_file_removes_what_the_source_deleted() {
        String type = "TEST-UP-" + ThreadLocalRandom.current().nextInt(1_000_000);
        TestHttp admin = staff("admin");
        TestHttp.Response created = admin.postJsonWithCsrf("/api/v1/lists/types", Map.of("code", type, "name", "测试上游失信名单", "kind",
                "DISHONESTY", "domain", "DEFYING_DUTIES", "department", "CITY-SAMR", "basis", "法释〔2017〕7号", "measures", List.of("限制高消费"),
                "minimumMonths", 0, "maximumMonths", 36, "upstream", true), "/purpose");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String paid = code();
        String paidName = "示例市" + PenaltyFile.uniqueWord() + "建工有限公司";
        String owing = code();
        String owingName = "示例市" + PenaltyFile.uniqueWord() + "路桥有限公司";
        String header = "被执行人名称,统一社会信用代码,执行案号,发布日期,截止日期\n";
        String both = header + paidName + "," + paid + ",（2026）示执1号,2026-11-05,\n" + owingName + "," + owing + ",（2026）示执2号,2026-11-05,2027-05-05\n";
        java.util.function.BiFunction<String, String, TestHttp.Response> upload = (csv, date) -> apiClient(DEMO_API_KEY).multipart(
                "/api/v1/lists/imports", "file", "失信被执行人.csv", csv.getBytes(GB18030),
                Map.of("listType", type, "source", "最高人民法院失信被执行人名单公布系统", "listDate", date, "complete", "true"));

        TestHttp.Response first = upload.apply(both, "2026-11-06");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("accepted").intValue()).isEqualTo(2);
        // the source's dates: no end for the first (until the court deletes it), 2027-05-05 for the second
        assertThat(jdbc.sql("select coalesce(ends_on::text, '-') from lists.list_entry where list_type = ? order by document_number")
                .param(type).query(String.class).list()).containsExactly("-", "2027-05-05");

        TestHttp.Response again = upload.apply(both, "2026-11-10");
        assertThat(again.json().get("accepted").intValue()).as(again.body()).isZero();
        assertThat(again.json().get("unchanged").intValue()).isEqualTo(2);
        assertThat(again.json().get("removed").intValue()).isZero();
        assertThat(jdbc.sql("select count(*) from lists.list_entry where list_type = ?").param(type).query(Integer.class).single()).isEqualTo(2);

        // the first debtor paid and the court deleted it: the next complete file no longer has it
        TestHttp.Response later = upload.apply(header + owingName + "," + owing + ",（2026）示执2号,2026-11-05,2027-05-05\n", "2026-11-20");
        assertThat(later.json().get("removed").intValue()).as(later.body()).isEqualTo(1);
        assertThat(jdbc.sql("select removed_on::text || ' ' || removal_reason from lists.list_entry where list_type = ? and document_number = ?")
                .params(type, "（2026）示执1号").query(String.class).single()).isEqualTo("2026-11-20 UPSTREAM_REMOVED");
        assertThat(http().get("/api/v1/public/subjects/" + paid).json().get("sections").get("SERIOUS_DISHONESTY").get("entries")).isEmpty();
        assertThat(http().get("/api/v1/public/subjects/" + owing).json().get("sections").get("SERIOUS_DISHONESTY").get("entries")).hasSize(1);
    }

    @Test
    void a_dishonesty_list_cannot_be_imported_and_only_the_keeping_department_imports() {
        String csv = "统一社会信用代码,主体名称\n" + code() + ",示例市某有限公司\n";
        TestHttp.Response dishonesty = importFile(DEMO_API_KEY, "SAMR-SERIOUS", csv, "2026-11-01");
        assertThat(dishonesty.status()).isEqualTo(422);
        assertThat(dishonesty.json().get("errors").get(0).get("rule").asString()).isEqualTo("not-red-list");
        TestHttp.Response foreign = importFile(newApiClient("CITY-EEB", "submit"), "TAX-A", csv, "2026-11-01");
        assertThat(foreign.status()).isEqualTo(403);
        TestHttp.Response future = importFile(DEMO_API_KEY, "TAX-A", csv, "2026-12-31");
        assertThat(future.json().get("errors").get(0).get("rule").asString()).isEqualTo("not-future");
    }
}

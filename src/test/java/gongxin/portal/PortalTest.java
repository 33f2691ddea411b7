package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public website over HTTP, fed by records submitted through the collection API. */
class PortalTest extends IntegrationTest {

    /** Submits rows (header, value pairs over a valid penalty) as the demo exchange client; answers the codes. */
    JsonNode submit(PenaltyFile file, String[]... rows) {
        for (String[] row : rows) {
            file.add(row);
        }
        TestHttp.Response answer = apiClient(DEMO_API_KEY).multipart("/api/v1/submissions/files", "file", "penalties.csv",
                file.csv(StandardCharsets.UTF_8), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("rejected").intValue()).as(answer.body()).isZero();
        return answer.json();
    }

    JsonNode search(String q) {
        TestHttp.Response r = http().get("/api/v1/public/subjects?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The public pages (API) of every subject a search for {@code word} finds, concatenated. */
    String publicPagesOf(String word) {
        StringBuilder pages = new StringBuilder();
        for (JsonNode item : search(word).get("items")) {
            pages.append(http().get("/api/v1/public/subjects/" + item.get("code").asString()).body());
        }
        return pages.toString();
    }

    static String fullWidth(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }

    /** List pages read the newest public entries from their producers (ADR 0033). */
    @Nested
    class ListPages {

        @Test
        void the_penalty_page_lists_the_days_published_penalties_newest_first_and_never_a_minors() {
            String u = PenaltyFile.uniqueWord();
            PenaltyFile file = new PenaltyFile();
            String minorId = PenaltyFile.idNumber("20120301", ThreadLocalRandom.current().nextInt(1000));
            submit(file, new String[]{"行政相对人名称", "示例市" + u + "甲有限公司", "处罚决定日期", "2026-10-13"},
                    new String[]{"行政相对人名称", "示例市" + u + "乙有限公司", "处罚决定日期", "2026-10-13"},
                    new String[]{"行政相对人名称", "李" + u, "行政相对人类别", "自然人", "统一社会信用代码", "",
                            "法定代表人", "", "证件类型", "身份证", "证件号码", minorId, "处罚决定日期", "2026-10-13"});
            String first = file.decisionNumber(2);
            String second = file.decisionNumber(3);
            String minors = file.decisionNumber(4);

            List<String> numbers = new ArrayList<>();
            for (int page = 1; page <= 50; page++) {
                JsonNode rows = http().get("/api/v1/public/publicity/PENALTY?from=2026-10-13&to=2026-10-13&page=" + page).json();
                if (rows.isEmpty()) {
                    break;
                }
                rows.forEach(row -> {
                    assertThat(row.get("entry").get("decisionDate").asString()).isEqualTo("2026-10-13");
                    numbers.add(row.get("entry").get("decisionNumber").asString());
                });
            }
            assertThat(numbers).as("the later record of the day first").containsSubsequence(second, first);
            assertThat(numbers).as("a minor's penalty is never published").doesNotContain(minors);
            assertThat(numbers).doesNotHaveDuplicates();
        }
    }

    @Nested
    class Search {

        @Test
        void two_characters_find_a_company_and_rank_exact_prefix_fragment() {
            String u = PenaltyFile.uniqueWord();
            PenaltyFile file = new PenaltyFile();
            submit(file, new String[]{"行政相对人名称", "示例市" + u + "商贸有限公司"}, new String[]{"行政相对人名称", u + "科技有限公司"},
                    new String[]{"行政相对人名称", u});
            JsonNode result = search(u);
            assertThat(result.get("total").intValue()).isEqualTo(3);
            assertThat(result.get("items").get(0).get("name").asString()).isEqualTo(u);
            assertThat(result.get("items").get(1).get("name").asString()).isEqualTo(u + "科技有限公司");
            assertThat(result.get("items").get(2).get("name").asString()).isEqualTo("示例市" + u + "商贸有限公司");
            assertThat(result.get("items").get(2).get("counts").get("行政处罚").intValue()).isEqualTo(1);
            assertThat(result.get("items").get(2).get("categoryLabel").asString()).isEqualTo("法人和非法人组织");
        }

        @Test
        void a_cached_result_page_is_not_served_after_the_read_model_changes() {
            String u = PenaltyFile.uniqueWord();
            assertThat(search(u).get("total").intValue()).isZero();
            assertThat(search(u).get("total").intValue()).as("the same page again, from the cache").isZero();

            String code = PenaltyFile.creditCode(88_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextInt(999_999));
            submit(new PenaltyFile(), new String[]{"行政相对人名称", "示例市" + u + "建材有限公司", "统一社会信用代码", code});
            JsonNode after = search(u);
            assertThat(after.get("total").intValue()).isEqualTo(1);
            assertThat(after.get("items").get(0).get("counts").get("行政处罚").intValue()).isEqualTo(1);

            submit(new PenaltyFile(), new String[]{"行政相对人名称", "示例市" + u + "建材有限公司", "统一社会信用代码", code});
            assertThat(search(u).get("items").get(0).get("counts").get("行政处罚").intValue())
                    .as("a second penalty of the same company changes its counts").isEqualTo(2);
        }

        @Test
        void a_renamed_company_is_found_by_its_new_name_and_by_its_old_one_as_a_former_name() {
            String before = PenaltyFile.uniqueWord();
            String after = PenaltyFile.uniqueWord();
            String code = PenaltyFile.creditCode(88_000_000L + ThreadLocalRandom.current().nextInt(999_999));
            submit(new PenaltyFile(), new String[]{"行政相对人名称", "示例市" + before + "贸易有限公司", "统一社会信用代码", code,
                    "处罚决定日期", "2026-10-09"});
            submit(new PenaltyFile(), new String[]{"行政相对人名称", "示例市" + after + "贸易有限公司", "统一社会信用代码", code,
                    "处罚决定日期", "2026-11-02"});

            JsonNode byNew = search(after);
            assertThat(byNew.get("total").intValue()).isEqualTo(1);
            assertThat(byNew.get("items").get(0).get("rank").intValue()).isEqualTo(5);
            JsonNode byOld = search(before);
            assertThat(byOld.get("total").intValue()).isEqualTo(1);
            assertThat(byOld.get("items").get(0).get("name").asString()).isEqualTo("示例市" + after + "贸易有限公司");
            assertThat(byOld.get("items").get(0).get("rank").intValue()).as("only a former name has it").isEqualTo(4);
            assertThat(jdbc().sql("""
                    select t.former from portal.subject_token t join portal.subject s on s.id = t.subject_id
                     where s.credit_code = ? and t.token = ?""").param(code).param(before).query(Boolean.class).list())
                    .as("the old name's row was replaced, not kept beside the new one").containsExactly(true);
        }

        @Test
        void a_batch_of_several_chunks_is_all_on_the_site_when_accepted_and_a_renamed_company_keeps_its_later_name() {
            String word = PenaltyFile.uniqueWord();
            String before = PenaltyFile.uniqueWord();
            String after = PenaltyFile.uniqueWord();
            String code = PenaltyFile.creditCode(87_000_000L + ThreadLocalRandom.current().nextInt(999_999));
            PenaltyFile file = new PenaltyFile();
            // the later name first, the earlier one two chunks further: a batch's chunks are written at once
            file.add("行政相对人名称", "示例市" + after + "贸易有限公司", "统一社会信用代码", code, "处罚决定日期", "2026-11-02");
            for (int i = 0; i < 2_400; i++) {
                file.add("行政相对人名称", "示例市" + word + "第" + i + "商行有限公司");
            }
            file.add("行政相对人名称", "示例市" + before + "贸易有限公司", "统一社会信用代码", code, "处罚决定日期", "2026-10-09");
            JsonNode answer = submit(file);
            assertThat(answer.get("accepted").intValue()).isEqualTo(2_402);

            assertThat(http().get("/api/v1/public/subjects/" + code).json().get("sections").get("PENALTY").get("entries").size())
                    .as("both records of the renamed company are on its page when the answer comes").isEqualTo(2);
            assertThat(jdbc().sql("select count(*) from portal.subject where name like ?").param("%" + word + "%")
                    .query(Long.class).single()).isEqualTo(2_400);
            assertThat(search(word + "第2399").get("items").get(0).get("name").asString())
                    .isEqualTo("示例市" + word + "第2399商行有限公司");
            JsonNode byOld = search(before);
            assertThat(byOld.get("total").intValue()).isEqualTo(1);
            assertThat(byOld.get("items").get(0).get("name").asString()).isEqualTo("示例市" + after + "贸易有限公司");
            assertThat(byOld.get("items").get(0).get("rank").intValue()).as("only a former name has it").isEqualTo(4);
        }

        @Test
        void a_credit_code_is_found_exactly_in_any_width_or_case() {
            String u = PenaltyFile.uniqueWord();
            PenaltyFile file = new PenaltyFile();
            submit(file, new String[]{"行政相对人名称", "示例市" + u + "建材有限公司"});
            String code = file.valid().get("统一社会信用代码");
            // valid() makes the next row's code; the submitted row had the previous sequence number
            String submitted = PenaltyFile.creditCode(code.substring(0, 8), Long.parseLong(code.substring(8, 16)) - 1);
            JsonNode byCode = search(fullWidth(submitted.toLowerCase()));
            assertThat(byCode.get("items").size()).isEqualTo(1);
            assertThat(byCode.get("items").get(0).get("name").asString()).isEqualTo("示例市" + u + "建材有限公司");
            assertThat(byCode.get("items").get(0).get("rank").intValue()).isEqualTo(1);
        }

        @Test
        void a_former_name_from_the_registration_finds_the_company_and_shows_on_its_page() {
            String u = PenaltyFile.uniqueWord();
            String old = PenaltyFile.uniqueWord();
            String code = PenaltyFile.creditCode(88_000_000L + ThreadLocalRandom.current().nextInt(999_999));
            Map<String, Object> registration = new java.util.LinkedHashMap<>();
            registration.put("主体名称", "示例市" + u + "新材料有限公司");
            registration.put("统一社会信用代码", code);
            registration.put("主体类型", "有限责任公司");
            registration.put("成立日期", "2022-03-01");
            registration.put("登记机关", "示例市市场监督管理局");
            registration.put("登记状态", "存续");
            registration.put("曾用名", "示例市" + old + "化工有限公司");
            TestHttp.Response answer = staff("operator").postJsonWithCsrf("/api/v1/submissions",
                    Map.of("item", "DJZC", "records", List.of(registration)), "/collection");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("accepted").intValue()).as(answer.body()).isEqualTo(1);
            JsonNode byOldName = search(old);
            assertThat(byOldName.get("items").size()).isEqualTo(1);
            assertThat(byOldName.get("items").get(0).get("rank").intValue()).isEqualTo(4);
            JsonNode page = http().get("/api/v1/public/subjects/" + code).json();
            assertThat(page.get("formerNames").get(0).asString()).isEqualTo("示例市" + old + "化工有限公司");
            assertThat(page.get("basic").toString()).contains("存续");
        }

        @Test
        void java_and_sql_cut_the_same_bigrams() {
            String name = "示例市𠀀嘉禾A1科技";
            List<String> sql = jdbc().sql("select unnest(portal.bigrams(array[?])) order by 1").param(name).query(String.class).list();
            assertThat(TokenStatistics.bigrams(name)).containsExactlyInAnyOrderElementsOf(sql);
        }

        @Test
        void like_wildcards_in_a_query_are_plain_characters() {
            assertThat(search("%%").get("total").intValue()).isZero();
            assertThat(search("__").get("total").intValue()).isZero();
        }

        @Test
        void one_character_is_refused_with_a_reason() {
            TestHttp.Response r = http().get("/api/v1/public/subjects?q=" + java.net.URLEncoder.encode("嘉", StandardCharsets.UTF_8));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo("min-length");
        }
    }

    @Nested
    class NaturalPersons {

        @Test
        void are_found_only_by_full_name_and_id_number_and_shown_masked() {
            String u = PenaltyFile.uniqueWord();
            String id = PenaltyFile.idNumber("19800101", ThreadLocalRandom.current().nextInt(1000));
            String name = "王" + u;
            submit(new PenaltyFile(), new String[]{"行政相对人名称", name, "行政相对人类别", "自然人", "统一社会信用代码", "",
                    "法定代表人", "", "证件类型", "身份证", "证件号码", id});
            assertThat(search(u).get("total").intValue()).isZero();
            TestHttp.Response wrongName = http().postJson("/api/v1/public/subjects/person", Map.of("name", "李" + u, "idNumber", id));
            assertThat(wrongName.json().get("total").intValue()).isZero();
            TestHttp.Response found = http().postJson("/api/v1/public/subjects/person", Map.of("name", name, "idNumber", id));
            JsonNode person = found.json().get("items").get(0);
            assertThat(person.get("name").asString()).isEqualTo("王**");
            assertThat(person.get("idNumber").asString()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
            assertThat(found.body()).doesNotContain(id).doesNotContain(name);
            assertThat(person.get("sections").get("PENALTY").get("entries").size()).isEqualTo(1);
            assertThat(jdbc().sql("select count(*) from audit.entry where action = 'PUBLIC_PERSON_LOOKUP' and object_id = ?")
                    .param(person.get("code").asString()).query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc().sql("select count(*) from audit.entry where details like ?").param("%" + id.substring(6, 14) + "%")
                    .query(Integer.class).single()).as("the ID number is not in the audit log").isZero();
        }

        @Test
        void an_id_number_in_the_address_is_refused() {
            String id = PenaltyFile.idNumber("19800101", 7);
            TestHttp.Response response = http().get("/api/v1/public/subjects?name=" + java.net.URLEncoder.encode("王五", StandardCharsets.UTF_8) + "&idNumber=" + id);
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("id-number-in-url");
            assertThat(response.body()).doesNotContain(id);
        }

        @Test
        void a_person_with_nothing_public_is_answered_like_a_stranger() {
            String u = PenaltyFile.uniqueWord();
            String id = PenaltyFile.idNumber("20120301", ThreadLocalRandom.current().nextInt(1000));
            String minor = "李" + u;
            submit(new PenaltyFile(), new String[]{"行政相对人名称", minor, "行政相对人类别", "自然人", "统一社会信用代码", "",
                    "法定代表人", "", "证件类型", "身份证", "证件号码", id});
            String stranger = PenaltyFile.idNumber("19750505", ThreadLocalRandom.current().nextInt(1000));
            TestHttp.Response hidden = http().postJson("/api/v1/public/subjects/person", Map.of("name", minor, "idNumber", id));
            TestHttp.Response unknown = http().postJson("/api/v1/public/subjects/person", Map.of("name", "赵" + u, "idNumber", stranger));
            assertThat(hidden.status()).isEqualTo(200);
            assertThat(hidden.body()).isEqualTo(unknown.body());
            // nor does the page of the subject exist for the public
            String publicId = jdbc().sql("select public_id from portal.subject where name = ?").param(minor).query(String.class).single();
            assertThat(http().get("/subjects/" + publicId).status()).isEqualTo(404);
            assertThat(http().get("/api/v1/public/subjects/" + publicId).status()).isEqualTo(404);
            TestHttp browser = http();
            String csrf = browser.csrfOf("/search");
            TestHttp.Response page = browser.form("/search/person", Map.of("_csrf", csrf, "name", minor, "idNumber", id));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("未找到该自然人的公示信息");
        }
    }

    @Nested
    class WhatIsNotPublic {

        @Test
        void minors_expired_minor_grade_and_revoked_penalties_are_absent() {
            String u = PenaltyFile.uniqueWord();
            PenaltyFile file = new PenaltyFile();
            String company = "示例市" + u + "食品有限公司";
            JsonNode answer = submit(file,
                    new String[]{"行政相对人名称", company},
                    new String[]{"行政相对人名称", company, "处罚决定日期", "2025-06-01"},
                    new String[]{"行政相对人名称", company, "失信程度", "轻微"},
                    new String[]{"行政相对人名称", company, "适用程序", "简易程序"},
                    new String[]{"行政相对人名称", company});
            assertThat(answer.get("accepted").intValue()).isEqualTo(5);
            String code = search(u).get("items").get(0).get("code").asString();
            // rows of one file have different codes: find each row's subject by its decision number instead
            List<String> numbers = List.of(file.decisionNumber(2), file.decisionNumber(3), file.decisionNumber(4),
                    file.decisionNumber(5), file.decisionNumber(6));
            assertThat(code).isNotBlank();
            assertThat(publicPagesOf(u)).contains(numbers.get(0)).contains(numbers.get(4))
                    .doesNotContain(numbers.get(1)).doesNotContain(numbers.get(2)).doesNotContain(numbers.get(3));

            long id = jdbc().sql("select id from records.record where decision_number = ?").param(numbers.get(4)).query(Long.class).single();
            TestHttp.Response revoked = staff("operator").postJsonWithCsrf("/api/v1/records/" + id + "/revocation",
                    Map.of("documentType", "撤销行政处罚决定书", "documentNumber", "示例市监撤〔2026〕" + u + "号", "documentDate", "2026-11-20"), "/records");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            assertThat(publicPagesOf(u)).contains(numbers.get(0)).doesNotContain(numbers.get(4));
        }

        @Test
        void a_minors_penalty_is_never_published() {
            String u = PenaltyFile.uniqueWord();
            String id = PenaltyFile.idNumber("20120301", ThreadLocalRandom.current().nextInt(1000));
            String name = "李" + u;
            submit(new PenaltyFile(), new String[]{"行政相对人名称", name, "行政相对人类别", "自然人", "统一社会信用代码", "",
                    "法定代表人", "", "证件类型", "身份证", "证件号码", id});
            JsonNode found = http().postJson("/api/v1/public/subjects/person", Map.of("name", name, "idNumber", id)).json();
            assertThat(found.get("total").intValue()).isZero();
        }
    }

    @Nested
    class Reports {

        @Test
        void a_report_has_a_number_and_anyone_can_verify_the_file() {
            String u = PenaltyFile.uniqueWord();
            PenaltyFile file = new PenaltyFile();
            submit(file, new String[]{"行政相对人名称", "示例市" + u + "物流有限公司"});
            String code = search(u).get("items").get(0).get("code").asString();
            TestHttp.Response pdf = http().postJson("/api/v1/public/reports", Map.of("creditCode", code));
            assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
            assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
            assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            String number = pdf.header("X-Report-Number");
            assertThat(number).matches("XY\\d{8}[2-9A-HJKMNP-Z]{12}");

            JsonNode byNumber = http().get("/api/v1/public/reports/" + number + "/verify").json();
            assertThat(byNumber.get("valid").booleanValue()).isTrue();
            assertThat(byNumber.get("subjectName").asString()).isEqualTo("示例市" + u + "物流有限公司");
            assertThat(byNumber.get("sm3").asString()).isEqualTo(pdf.header("X-Report-SM3"));

            TestHttp.Response genuine = http().multipart("/api/v1/public/reports/" + number + "/verify", "file", number + ".pdf", pdf.bytes(), Map.of());
            assertThat(genuine.json().get("valid").booleanValue()).as(genuine.body()).isTrue();
            byte[] tampered = pdf.bytes().clone();
            tampered[tampered.length / 2] ^= 1;
            TestHttp.Response forged = http().multipart("/api/v1/public/reports/" + number + "/verify", "file", number + ".pdf", tampered, Map.of());
            assertThat(forged.json().get("valid").booleanValue()).isFalse();
            assertThat(http().get("/api/v1/public/reports/XY2026112499999999/verify").json().get("valid").booleanValue()).isFalse();
        }

        @Test
        void a_special_report_covers_a_period_including_simplified_procedure_penalties() {
            String u = PenaltyFile.uniqueWord();
            PenaltyFile file = new PenaltyFile();
            String company = "示例市" + u + "餐饮有限公司";
            submit(file, new String[]{"行政相对人名称", company, "适用程序", "简易程序"});
            String code = search(u).get("items").get(0).get("code").asString();
            TestHttp system = apiClient(DEMO_API_KEY).purpose("政府采购资格审查");
            TestHttp.Response pdf = system.postJson("/api/v1/public/reports", Map.of("creditCode", code, "kind", "SPECIAL",
                    "from", "2026-01-01", "to", "2026-11-24", "matter", "FISCAL-SUPPORT"));
            assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
            assertThat(jdbc().sql("select kind from portal.report where number = ?").param(pdf.header("X-Report-Number"))
                    .query(String.class).single()).isEqualTo("SPECIAL");
            TestHttp.Response future = system.postJson("/api/v1/public/reports", Map.of("creditCode", code, "kind", "SPECIAL",
                    "from", "2026-01-01", "to", "2027-01-01", "matter", "FISCAL-SUPPORT"));
            assertThat(future.status()).isEqualTo(422);
        }

        private String companyWithASimplifiedProcedurePenalty() {
            String u = PenaltyFile.uniqueWord();
            submit(new PenaltyFile(), new String[]{"行政相对人名称", "示例市" + u + "商贸有限公司", "适用程序", "简易程序"});
            return search(u).get("items").get(0).get("code").asString();
        }

        private int specialReportsOf(String code) {
            return jdbc().sql("""
                    select count(*) from portal.report r join portal.subject s on s.id = r.subject_id
                     where s.public_id = ? and r.kind = 'SPECIAL'""").param(code).query(Integer.class).single();
        }

        @Test
        void the_public_cannot_obtain_a_special_report() {
            String code = companyWithASimplifiedProcedurePenalty();
            TestHttp.Response api = http().postJson("/api/v1/public/reports", Map.of("creditCode", code, "kind", "SPECIAL"));
            assertThat(api.status()).isEqualTo(401);
            TestHttp browser = http();
            String csrf = browser.csrfOf("/reports");
            assertThat(browser.get("/reports").body()).doesNotContain("value=\"SPECIAL\"");
            TestHttp.Response page = browser.form("/reports", Map.of("_csrf", csrf, "code", code, "kind", "SPECIAL"));
            assertThat(page.status()).isEqualTo(303);
            assertThat(page.header("Location")).contains("error=special-at-window");
            assertThat(specialReportsOf(code)).isZero();
            // the full report of public information stays open to everyone
            assertThat(http().postJson("/api/v1/public/reports", Map.of("creditCode", code)).status()).isEqualTo(200);
        }

        @Test
        void a_system_needs_the_share_scope_and_a_purpose() {
            String code = companyWithASimplifiedProcedurePenalty();
            TestHttp.Response noPurpose = apiClient(DEMO_API_KEY).postJson("/api/v1/public/reports",
                    Map.of("creditCode", code, "kind", "SPECIAL"));
            assertThat(noPurpose.status()).isEqualTo(422);
            assertThat(noPurpose.json().get("errors").get(0).get("rule").asString()).isEqualTo("purpose-required");
            String submitOnly = newApiClient("CITY-SAMR", "submit");
            TestHttp.Response noShare = apiClient(submitOnly).purpose("招标投标").postJson("/api/v1/public/reports",
                    Map.of("creditCode", code, "kind", "SPECIAL"));
            assertThat(noShare.status()).isEqualTo(403);
            // issue 24: a system names the matter, and its department's sharing duties must cover it
            TestHttp.Response noMatter = apiClient(DEMO_API_KEY).purpose("招标投标").postJson("/api/v1/public/reports",
                    Map.of("creditCode", code, "kind", "SPECIAL"));
            assertThat(noMatter.json().get("errors").get(0).get("rule").asString()).isEqualTo("matter-required");
            TestHttp.Response notInDuty = apiClient(DEMO_API_KEY).purpose("招标投标").postJson("/api/v1/public/reports",
                    Map.of("creditCode", code, "kind", "SPECIAL", "matter", "LICENSING"));
            assertThat(notInDuty.status()).as("the demo system's department has no duty for licensing").isEqualTo(403);
            assertThat(notInDuty.json().get("errors").get(0).get("rule").asString()).isEqualTo("not-in-duty");
            assertThat(specialReportsOf(code)).isZero();
        }

        @Test
        void staff_at_a_service_window_issue_it_and_every_one_is_audited() {
            String code = companyWithASimplifiedProcedurePenalty();
            TestHttp window = staff("operator");
            assertThat(window.get("/reports").body()).contains("value=\"SPECIAL\"", "查询目的");
            String csrf = window.csrfOf("/reports");
            TestHttp.Response noPurpose = window.form("/reports", Map.of("_csrf", csrf, "code", code, "kind", "SPECIAL"));
            assertThat(noPurpose.header("Location")).contains("error=purpose-required");
            TestHttp.Response pdf = window.form("/reports", Map.of("_csrf", csrf, "code", code, "kind", "SPECIAL",
                    "purpose", "窗口代办：申请人出示营业执照"));
            assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
            String number = pdf.header("X-Report-Number");
            assertThat(jdbc().sql("""
                    select actor || '|' || action || '|' || purpose from audit.entry
                     where object_type = 'credit_report' and object_id = ?""").param(number).query(String.class).list())
                    .containsExactly("operator|READ_NON_PUBLIC|窗口代办：申请人出示营业执照");
        }

        @Test
        void a_body_larger_than_a_report_is_refused_before_it_is_read() {
            byte[] eleven = new byte[11 * 1024 * 1024];
            TestHttp.Response raw = http().postBytes("/api/v1/public/reports/XY20261124ABCDEFGHJKMN/verify", "application/pdf", eleven);
            assertThat(raw.status()).isEqualTo(413);
            assertThat(raw.json().get("type").asString()).isEqualTo("urn:gongxin:problem:payload-too-large");
            TestHttp.Response upload = http().multipart("/api/v1/public/reports/XY20261124ABCDEFGHJKMN/verify", "file", "x.pdf", eleven, Map.of());
            assertThat(upload.status()).isEqualTo(413);
            TestHttp.Response json = http().postBytes("/api/v1/public/reports", "application/json", eleven);
            assertThat(json.status()).isEqualTo(413);
            TestHttp.Response chunked = http().postChunked("/api/v1/public/reports/XY20261124ABCDEFGHJKMN/verify", "application/pdf", new byte[1000]);
            assertThat(chunked.status()).isEqualTo(411);
            // a report-sized body is fine
            TestHttp.Response small = http().postBytes("/api/v1/public/reports/XY20261124ABCDEFGHJKMN/verify", "application/pdf", new byte[1000]);
            assertThat(small.status()).isEqualTo(200);
            assertThat(small.json().get("valid").booleanValue()).isFalse();
        }

        @Test
        void report_numbers_cannot_be_guessed_from_one_another() {
            String code = companyWithASimplifiedProcedurePenalty();
            String first = http().postJson("/api/v1/public/reports", Map.of("creditCode", code)).header("X-Report-Number");
            String second = http().postJson("/api/v1/public/reports", Map.of("creditCode", code)).header("X-Report-Number");
            assertThat(first).matches("XY\\d{8}[2-9A-HJKMNP-Z]{12}");
            assertThat(second).matches("XY\\d{8}[2-9A-HJKMNP-Z]{12}");
            int sameTail = 0;
            while (sameTail < 12 && first.charAt(10 + sameTail) == second.charAt(10 + sameTail)) {
                sameTail++;
            }
            assertThat(sameTail).as("two numbers issued one after the other share no long prefix").isLessThan(6);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

    @org.springframework.beans.factory.annotation.Autowired
    PlatformKeys platformKeys;

    @org.springframework.beans.factory.annotation.Autowired
    gongxin.platform.KeyRing keyRing;

    @Nested
    class Keys {

        @Test
        void the_report_key_and_the_look_up_secret_are_not_in_the_database() {
            submit(new PenaltyFile(), new String[]{"行政相对人名称", "示例市" + PenaltyFile.uniqueWord() + "钢材有限公司"});
            assertThat(jdbc().sql("select count(*) from portal.platform_key").query(Integer.class).single()).isZero();
            assertThat(http().get("/api/v1/public/reports/public-key").body())
                    .contains(java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keyRing.reportKeys().getPublic().getEncoded()).substring(0, 60));
        }

        @Test
        void keys_an_earlier_release_kept_in_the_database_move_into_the_key_file() throws Exception {
            java.security.KeyPair before = keyRing.reportKeys();
            String digestBefore = keyRing.lookupDigest("x");
            java.util.Properties file = new java.util.Properties();
            try (java.io.Reader in = java.nio.file.Files.newBufferedReader(keyRing.file())) {
                file.load(in);
            }
            byte[] secretBefore = java.util.HexFormat.of().parseHex(file.getProperty("hmac-sm3"));
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC",
                    new org.bouncycastle.jce.provider.BouncyCastleProvider());
            generator.initialize(new java.security.spec.ECGenParameterSpec("sm2p256v1"));
            java.security.KeyPair old = generator.generateKeyPair();
            byte[] secret = new byte[32];
            java.util.Arrays.fill(secret, (byte) 3);
            jdbc().sql("""
                    insert into portal.platform_key (id, private_key, public_key, digest_secret, created_at)
                    values (1, :priv, :pub, :secret, now())""").param("priv", old.getPrivate().getEncoded())
                    .param("pub", old.getPublic().getEncoded()).param("secret", secret).update();
            try {
                platformKeys.afterPropertiesSet();
                assertThat(jdbc().sql("select count(*) from portal.platform_key").query(Integer.class).single()).isZero();
                assertThat(keyRing.reportKeys().getPublic()).isEqualTo(old.getPublic());
                assertThat(keyRing.lookupDigest("x")).isNotEqualTo(digestBefore);
            } finally {
                // the rest of the test JVM goes on with its own keys
                keyRing.adopt(before.getPrivate().getEncoded(), before.getPublic().getEncoded(), secretBefore);
                assertThat(keyRing.lookupDigest("x")).isEqualTo(digestBefore);
            }
        }
    }

    @Nested
    class ReadModel {

        @Test
        void a_read_model_built_with_another_configuration_is_rebuilt_at_start_up() {
            submit(new PenaltyFile(), new String[]{"行政相对人名称", "示例市" + PenaltyFile.uniqueWord() + "五金有限公司"});
            String current = readModel.fingerprint();
            assertThat(readModel.needsRebuild()).as("built with the configuration in force").isFalse();

            jdbc().sql("update portal.projection_state set fingerprint = 'built-with-other-sections'").update();
            assertThat(readModel.needsRebuild()).isTrue();

            readModel.rebuild("configuration-changed", true);
            assertThat(readModel.stored()).contains(current);
            assertThat(readModel.needsRebuild()).isFalse();
        }

        @Test
        void a_rebuild_restores_what_the_records_say_and_drops_what_they_do_not() {
            String u = PenaltyFile.uniqueWord();
            PenaltyFile file = new PenaltyFile();
            submit(file, new String[]{"行政相对人名称", "示例市" + u + "印刷有限公司"}, new String[]{"行政相对人名称", "示例市" + u + "纸业有限公司"});
            String first = file.decisionNumber(2);
            String second = file.decisionNumber(3);
            // the read model drifts from the records: a subject's name and page code lost, a subject lost, a stray one
            jdbc().sql("update portal.subject set registry_id = null, name = '旧名称' where name = ?").param("示例市" + u + "印刷有限公司").update();
            jdbc().sql("delete from portal.subject where name = ?").param("示例市" + u + "纸业有限公司").update();
            jdbc().sql("""
                    insert into portal.subject (subject_key, public_id, category, name, name_date, former_names, tokens, updated_at)
                    values (?, ?, 'ORGANIZATION', ?, current_date, '{}', portal.bigrams(array[?]), now())""")
                    .param("N:stray-" + u).param("NSTRAY" + u).param("示例市" + u + "幽灵公司").param("示例市" + u + "幽灵公司").update();
            assertThat(http().get("/api/v1/admin/portal/read-model").status()).isEqualTo(401);
            assertThat(staff("operator").postJsonWithCsrf("/api/v1/admin/portal/read-model/rebuild", Map.of(), "/console").status())
                    .isEqualTo(403);

            TestHttp.Response rebuilt = staff("admin").postJsonWithCsrf("/api/v1/admin/portal/read-model/rebuild", Map.of(), "/console");
            assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
            assertThat(rebuilt.json().get("records").longValue()).isGreaterThanOrEqualTo(2);
            assertThat(rebuilt.json().get("subjectsRemoved").longValue()).isGreaterThanOrEqualTo(1);

            JsonNode found = search(u);
            assertThat(found.get("total").intValue()).as("the stray subject is gone, both companies are back").isEqualTo(2);
            for (JsonNode hit : found.get("items")) {
                JsonNode page = http().get("/api/v1/public/subjects/" + hit.get("code").asString()).json();
                assertThat(page.toString()).as("its entry is on its page again").contains("示例市市场监督管理局")
                        .containsAnyOf(first, second);
            }
            assertThat(staff("admin").get("/api/v1/admin/portal/read-model").json().get("current").booleanValue()).isTrue();
            assertThat(jdbc().sql("select count(*) from portal.subject_token t where not exists (select 1 from portal.subject s where s.id = t.subject_id)")
                    .query(Long.class).single()).as("the removed subject's bigram rows went with it").isZero();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    ReadModelConfiguration readModel;

    org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return jdbcClient;
    }
}

package gongxin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import gongxin.support.IntegrationTest;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The catalog answers for any date; every change is a new version; XLSX goes out and comes back. */
class CatalogTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private JsonNode items(TestHttp http, String on) {
        TestHttp.Response response = http.get("/api/v1/catalog/items?size=200&on=" + on);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode find(JsonNode page, String code) {
        for (JsonNode item : page.get("items")) {
            if (item.get("code").asString().equals(code)) {
                return item;
            }
        }
        return null;
    }

    @Nested
    class ByDate {

        @Test
        void editions_have_11_12_and_13_categories() {
            JsonNode editions = staff("operator").get("/api/v1/catalog/editions").json();
            List<Integer> sizes = new ArrayList<>();
            editions.forEach(e -> sizes.add(e.get("categories").size()));
            assertThat(sizes).containsExactly(11, 12, 13);
        }

        @Test
        void an_item_belongs_to_the_categories_of_the_edition_in_force() {
            TestHttp operator = staff("operator");
            JsonNode in2023 = find(items(operator, "2023-06-01"), "CXRY");
            assertThat(in2023.get("edition").asString()).isEqualTo("2021");
            assertThat(in2023.get("categoryNo").intValue()).isEqualTo(10);
            JsonNode in2025 = find(items(operator, "2025-06-01"), "CXRY");
            assertThat(in2025.get("edition").asString()).isEqualTo("2024");
            assertThat(in2025.get("categoryNo").intValue()).isEqualTo(11);
            assertThat(in2025.get("categoryName").asString()).isEqualTo("诚实守信相关荣誉信息");
        }

        @Test
        void before_the_first_edition_nothing_may_be_collected() {
            assertThat(items(staff("operator"), "2021-06-01").get("total").intValue()).isZero();
        }

        @Test
        void the_penalty_item_carries_every_attribute() {
            JsonNode penalty = staff("operator").get("/api/v1/catalog/items/XZCF?on=2026-11-24").json();
            assertThat(penalty.get("nature").asString()).isEqualTo("DISHONEST");
            assertThat(penalty.get("shareAttribute").asString()).isEqualTo("UNCONDITIONAL");
            assertThat(penalty.get("disclosure").asString()).isEqualTo("PUBLIC");
            assertThat(penalty.get("publicity").asString()).isEqualTo("RULE_SET");
            assertThat(penalty.get("infoType").asString()).isEqualTo("ADMINISTRATIVE_PENALTY");
            assertThat(penalty.get("retentionYears").intValue()).isEqualTo(5);
            assertThat(penalty.get("example").booleanValue()).isTrue();
            assertThat(penalty.get("legalBasis").asString()).contains("行政处罚法");
            assertThat(penalty.get("fields").size()).isGreaterThan(20);
            assertThat(penalty.get("departments").toString()).contains("CITY-SAMR");
        }

        @Test
        void an_unknown_item_is_a_404_problem() {
            TestHttp.Response response = staff("operator").get("/api/v1/catalog/items/NOPE");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("detail").asString()).contains("NOPE");
        }
    }

    @Nested
    class Versions {

        private Map<String, Object> draft(String effectiveFrom, String name) {
            return Map.ofEntries(Map.entry("effectiveFrom", effectiveFrom), Map.entry("name", name),
                    Map.entry("categoryNo", 3), Map.entry("behaviour", "测试行为"), Map.entry("provider", "示例市市场监督管理局"),
                    Map.entry("legalBasis", "测试依据"), Map.entry("nature", "失信信息"), Map.entry("shareAttribute", "UNCONDITIONAL"),
                    Map.entry("disclosure", "PUBLIC"), Map.entry("publicity", "FIXED"), Map.entry("publicityMonths", 12),
                    Map.entry("scope", "CITY"), Map.entry("departments", List.of("CITY-SAMR")),
                    Map.entry("basisDocumentType", "行政处罚决定书"),
                    Map.entry("fields", List.of(Map.of("code", "WSH", "name", "决定文书号", "type", "TEXT", "required", true,
                            "role", "DECISION_NUMBER", "key", true))));
        }

        @Test
        void a_change_is_a_new_version_and_the_old_one_still_answers_for_its_dates() {
            TestHttp admin = staff("admin");
            TestHttp.Response v1 = admin.postJsonWithCsrf("/api/v1/catalog/items/TEST-V/versions", draft("2025-01-01", "测试信息项"), "/catalog");
            assertThat(v1.status()).as(v1.body()).isEqualTo(200);
            TestHttp.Response v2 = admin.postJsonWithCsrf("/api/v1/catalog/items/TEST-V/versions", draft("2026-07-01", "测试信息项（修订）"), "/catalog");
            assertThat(v2.json().get("version").intValue()).isEqualTo(2);

            assertThat(admin.get("/api/v1/catalog/items/TEST-V?on=2026-06-30").json().get("name").asString()).isEqualTo("测试信息项");
            assertThat(admin.get("/api/v1/catalog/items/TEST-V?on=2026-07-01").json().get("name").asString()).isEqualTo("测试信息项（修订）");
            assertThat(admin.get("/api/v1/catalog/items/TEST-V?on=2024-12-31").status()).isEqualTo(404);
            assertThat(admin.get("/api/v1/catalog/items/TEST-V/versions").json().size()).isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from audit.entry where action = 'CATALOG_ITEM_VERSION_RECORDED' and object_id = 'TEST-V'")
                    .query(Integer.class).single()).isEqualTo(2);
        }

        @Test
        void a_withdrawal_takes_the_item_out_from_its_date() {
            TestHttp admin = staff("admin");
            admin.postJsonWithCsrf("/api/v1/catalog/items/TEST-W/versions", draft("2025-01-01", "待停用信息项"), "/catalog");
            Map<String, Object> withdrawal = new java.util.HashMap<>(draft("2026-01-01", "待停用信息项"));
            withdrawal.put("withdrawn", true);
            assertThat(admin.postJsonWithCsrf("/api/v1/catalog/items/TEST-W/versions", withdrawal, "/catalog").status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/catalog/items/TEST-W?on=2025-12-31").status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/catalog/items/TEST-W?on=2026-01-01").status()).isEqualTo(404);
        }

        @Test
        void a_draft_that_breaks_rules_is_refused_with_every_reason() {
            TestHttp admin = staff("admin");
            Map<String, Object> bad = new java.util.HashMap<>(draft("2026-01-01", ""));
            bad.put("publicityMonths", null);
            bad.put("categoryNo", 14);
            bad.put("departments", List.of("NO-SUCH"));
            bad.put("disclosure", "不存在的值");
            TestHttp.Response response = admin.postJsonWithCsrf("/api/v1/catalog/items/TEST-BAD/versions", bad, "/catalog");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("disclosure");
            bad.put("disclosure", "PUBLIC");
            response = admin.postJsonWithCsrf("/api/v1/catalog/items/TEST-BAD/versions", bad, "/catalog");
            List<String> rules = new ArrayList<>();
            response.json().get("errors").forEach(e -> rules.add(e.get("field").asString() + ":" + e.get("rule").asString()));
            assertThat(rules).contains("name:required", "categoryNo:category-in-edition", "publicityMonths:required", "departments:exists");
            assertThat(jdbc.sql("select count(*) from catalog.item where code = 'TEST-BAD'").query(Integer.class).single()).isZero();
        }
    }

    @Nested
    class Workbook {

        private byte[] export(TestHttp http) {
            TestHttp.Response response = http.get("/api/v1/catalog/export?on=2026-11-24");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith(CatalogApi.XLSX);
            return response.bytes();
        }

        private List<Map<Integer, String>> rows(byte[] xlsx, String sheet) {
            List<Map<Integer, String>> rows = new ArrayList<>();
            FastExcel.read(new ByteArrayInputStream(xlsx), new cn.idev.excel.event.AnalysisEventListener<Map<Integer, String>>() {
                @Override
                public void invoke(Map<Integer, String> data, cn.idev.excel.context.AnalysisContext context) {
                    rows.add(data);
                }

                @Override
                public void invokeHeadMap(Map<Integer, String> head, cn.idev.excel.context.AnalysisContext context) {
                    rows.add(head);
                }

                @Override
                public void doAfterAllAnalysed(cn.idev.excel.context.AnalysisContext context) {
                }
            }).sheet(sheet).doRead();
            return rows;
        }

        private byte[] write(List<Map<Integer, String>> items, List<Map<Integer, String>> fields) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var writer = FastExcel.write(out).build();
            writer.write(toLists(items), FastExcel.writerSheet(0, "信息项").build());
            writer.write(toLists(fields), FastExcel.writerSheet(1, "字段").build());
            writer.finish();
            return out.toByteArray();
        }

        private List<List<String>> toLists(List<Map<Integer, String>> rows) {
            List<List<String>> lists = new ArrayList<>();
            int width = rows.get(0).size();
            for (Map<Integer, String> row : rows) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    cells.add(row.get(i));
                }
                lists.add(cells);
            }
            return lists;
        }

        private TestHttp.Response upload(TestHttp admin, byte[] xlsx) {
            return admin.header("X-CSRF-TOKEN", admin.csrfOf("/catalog/import")).multipart("/api/v1/catalog/import", "file", "目录.xlsx", xlsx, Map.of());
        }

        @Test
        void an_exported_catalog_imports_back_unchanged() {
            TestHttp admin = staff("admin");
            byte[] xlsx = export(admin);
            List<Map<Integer, String>> items = rows(xlsx, "信息项");
            assertThat(items.get(0).values()).contains("信息项编码", "公示期限（月）", "报送部门");
            TestHttp.Response result = upload(admin, xlsx);
            assertThat(result.status()).as(result.body()).isEqualTo(200);
            assertThat(result.json().get("unchanged").intValue()).isEqualTo(items.size() - 1);
            assertThat(result.json().get("versioned").intValue()).isZero();
        }

        @Test
        void a_changed_row_becomes_a_new_version_from_its_date() {
            TestHttp admin = staff("admin");
            byte[] xlsx = export(admin);
            List<Map<Integer, String>> items = rows(xlsx, "信息项");
            List<Map<Integer, String>> fields = rows(xlsx, "字段");
            List<Map<Integer, String>> changed = new ArrayList<>();
            changed.add(items.get(0));
            for (Map<Integer, String> row : items.subList(1, items.size())) {
                if ("ZTBBL".equals(row.get(0))) {
                    Map<Integer, String> copy = new java.util.HashMap<>(row);
                    copy.put(2, "2026-12-01");
                    copy.put(15, "24");
                    copy.put(22, "公示期延长为24个月（测试）");
                    changed.add(copy);
                }
            }
            TestHttp.Response result = upload(admin, write(changed, fields));
            assertThat(result.status()).as(result.body()).isEqualTo(200);
            assertThat(result.json().get("versioned").intValue()).isEqualTo(1);
            assertThat(admin.get("/api/v1/catalog/items/ZTBBL?on=2026-11-30").json().get("publicityMonths").intValue()).isEqualTo(12);
            JsonNode after = admin.get("/api/v1/catalog/items/ZTBBL?on=2026-12-01").json();
            assertThat(after.get("publicityMonths").intValue()).isEqualTo(24);
            assertThat(after.get("fields").size()).isGreaterThan(5);
        }

        @Test
        void a_workbook_with_errors_imports_nothing_and_lists_every_error() {
            TestHttp admin = staff("admin");
            byte[] xlsx = export(admin);
            List<Map<Integer, String>> items = rows(xlsx, "信息项");
            List<Map<Integer, String>> broken = new ArrayList<>();
            broken.add(items.get(0));
            Map<Integer, String> good = new java.util.HashMap<>(items.get(1));
            good.put(0, "TEST-IMPORT-OK");
            List<Map<Integer, String>> fieldRows = new ArrayList<>(rows(xlsx, "字段"));
            for (Map<Integer, String> field : List.copyOf(fieldRows)) {
                if (items.get(1).get(0).equals(field.get(0))) {
                    Map<Integer, String> copy = new java.util.HashMap<>(field);
                    copy.put(0, "TEST-IMPORT-OK");
                    fieldRows.add(copy);
                }
            }
            good.put(2, "2026-12-01");
            Map<Integer, String> badDate = new java.util.HashMap<>(items.get(2));
            badDate.put(2, "2026-02-30");
            Map<Integer, String> badNature = new java.util.HashMap<>(items.get(3));
            badNature.put(10, "很失信");
            broken.add(good);
            broken.add(badDate);
            broken.add(badNature);
            TestHttp.Response result = upload(admin, write(broken, fieldRows));
            assertThat(result.status()).isEqualTo(422);
            List<String> fields = new ArrayList<>();
            result.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
            assertThat(fields).containsExactly("信息项!第3行 生效日期", "信息项!第4行 信息性质");
            assertThat(jdbc.sql("select count(*) from catalog.item where code = 'TEST-IMPORT-OK'").query(Integer.class).single()).isZero();
        }

        @Test
        void a_file_that_is_not_a_workbook_is_refused() {
            TestHttp admin = staff("admin");
            TestHttp.Response result = upload(admin, "not a workbook".getBytes());
            assertThat(result.status()).isEqualTo(422);
            assertThat(result.json().get("errors").get(0).get("rule").asString()).isEqualTo("xlsx");
        }
    }

    @Nested
    class RuleSetsByDate {

        @Test
        void the_2019_rule_governs_until_order_58_and_order_58_until_order_36() {
            TestHttp operator = staff("operator");
            assertThat(operator.get("/api/v1/catalog/rule-sets/in-force?on=2023-04-30").json().get("code").asString())
                    .isEqualTo("PENALTY-2019");
            JsonNode before = operator.get("/api/v1/catalog/rule-sets/in-force?on=2026-03-31").json();
            assertThat(before.get("code").asString()).isEqualTo("ORDER-58");
            // Order 58's sector dimension: a one-year minimum for work safety
            assertThat(before.get("periods").valueStream().filter(p -> p.has("sector") && !p.get("sector").isNull() && "WORK_SAFETY".equals(p.get("sector").asString()))
                    .map(p -> p.get("minMonths").intValue())).containsOnly(12);
            JsonNode after = operator.get("/api/v1/catalog/rule-sets/in-force?on=2026-04-01").json();
            assertThat(after.get("code").asString()).isEqualTo("ORDER-36");
            JsonNode serious = null;
            for (JsonNode p : after.get("periods")) {
                if (p.get("severity").asString().equals("SERIOUS")) {
                    serious = p;
                }
            }
            assertThat(serious.get("minMonths").intValue()).isEqualTo(12);
            assertThat(serious.get("maxMonths").intValue()).isEqualTo(36);
            assertThat(after.get("exclusions").toString()).contains("SIMPLIFIED_PROCEDURE", "FIRST_OFFENCE_NOT_PENALISED");
        }

        @Test
        void an_incomplete_rule_set_is_refused_and_nothing_is_written() {
            TestHttp admin = staff("admin");
            TestHttp.Response page = admin.formPairs("/catalog/rule-sets", "_csrf", admin.csrfOf("/catalog/rule-sets"),
                    "code", "TEST-BROKEN", "name", "测试规则集", "basis", "测试文件", "effectiveFrom", "2031-01-01",
                    "minMonths", "", "maxMonths", "3", "minMonths", "3", "maxMonths", "12", "minMonths", "12", "maxMonths", "");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("严重：最长公示期应大于0个月");
            assertThat(jdbc.sql("select count(*) from catalog.rule_set where code = 'TEST-BROKEN'").query(Integer.class).single()).isZero();
        }

        @Test
        void a_period_without_severity_or_an_exclusion_without_name_is_refused_not_a_500() {
            // ApiFuzzTest, seed 2626202265747833624
            TestHttp.Response refused = staff("admin").postJsonWithCsrf("/api/v1/catalog/rule-sets", Map.of(
                    "code", "TEST-FUZZ", "name", "测试", "basis", "测试文件", "effectiveFrom", "2032-01-01",
                    "periods", List.of(Map.of("infoType", "ADMINISTRATIVE_PENALTY", "maxMonths", 3)),
                    "exclusions", List.of(Map.of("code", "XZCF"))), "/catalog/rule-sets");
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.body()).contains("periods[0]", "exclusions[0]");
            assertThat(jdbc.sql("select count(*) from catalog.rule_set where code = 'TEST-FUZZ'").query(Integer.class).single()).isZero();
        }

        @Test
        void a_new_rule_set_governs_from_its_date_and_leaves_older_dates_alone() {
            TestHttp admin = staff("admin");
            TestHttp.Response page = admin.formPairs("/catalog/rule-sets", "_csrf", admin.csrfOf("/catalog/rule-sets"),
                    "code", "TEST-2030", "name", "测试规则集（2030）", "basis", "测试文件", "effectiveFrom", "2030-01-01",
                    "minMonths", "", "maxMonths", "3", "minMonths", "3", "maxMonths", "12", "minMonths", "6", "maxMonths", "24",
                    "published", "ORDINARY", "published", "SERIOUS", "exclusions", "SIMPLIFIED_PROCEDURE");
            assertThat(page.status()).as(page.body()).isEqualTo(302);
            JsonNode in2030 = admin.get("/api/v1/catalog/rule-sets/in-force?on=2030-06-01").json();
            assertThat(in2030.get("code").asString()).isEqualTo("TEST-2030");
            assertThat(in2030.get("periods").get(2).get("maxMonths").intValue()).isEqualTo(24);
            assertThat(in2030.get("exclusions").size()).isEqualTo(1);
            assertThat(admin.get("/api/v1/catalog/rule-sets/in-force?on=2029-12-31").json().get("code").asString()).isEqualTo("ORDER-36");
        }

        @Test
        void deadlines_answer_by_date() {
            JsonNode before = staff("operator").get("/api/v1/catalog/deadlines?on=2026-03-31").json();
            JsonNode after = staff("operator").get("/api/v1/catalog/deadlines?on=2026-04-01").json();
            assertThat(before.toString()).contains("DOUBLE_PUBLICITY").doesNotContain("REPAIR_ACCEPTANCE");
            assertThat(after.toString()).contains("REPAIR_ACCEPTANCE");
        }
    }

    @Test
    void the_catalog_page_is_chinese() {
        String page = staff("reviewer").get("/catalog?on=2026-11-24").body();
        assertThat(page).contains("公共信用信息目录", "全国公共信用信息基础目录（2024年版）", "行政处罚信息", "知识产权信息", "示例");
    }
}

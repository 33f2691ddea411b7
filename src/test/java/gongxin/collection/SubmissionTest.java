package gongxin.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.idev.excel.FastExcel;
import cn.idev.excel.metadata.data.FormulaData;
import cn.idev.excel.metadata.data.WriteCellData;
import gongxin.support.BatchCompletions;
import gongxin.support.IngestSwitch;
import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Provider systems send files and JSON; the answer says row by row what was taken and what was refused. */
class SubmissionTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IngestSwitch ingest;

    @Autowired
    BatchCompletions completions;

    @AfterEach
    void heal() {
        ingest.reset();
    }

    TestHttp.Response send(byte[] file, String name) {
        return apiClient(DEMO_API_KEY).multipart("/api/v1/submissions/files", "file", name, file, Map.of());
    }

    static List<String> errors(JsonNode answer) {
        List<String> errors = new ArrayList<>();
        answer.get("errors").forEach(e -> errors.add(e.get("line").intValue() + ":"
                + (e.get("field").isNull() ? "null" : e.get("field").asString()) + ":" + e.get("rule").asString()));
        return errors;
    }

    static void counts(JsonNode answer, int rows, int accepted, int rejected, int duplicates, int unchanged) {
        assertThat(answer.get("rows").intValue()).as("rows").isEqualTo(rows);
        assertThat(answer.get("accepted").intValue()).as("accepted").isEqualTo(accepted);
        assertThat(answer.get("rejected").intValue()).as("rejected").isEqualTo(rejected);
        assertThat(answer.get("duplicates").intValue()).as("duplicates").isEqualTo(duplicates);
        assertThat(answer.get("unchanged").intValue()).as("unchanged").isEqualTo(unchanged);
    }

    int records(String decisionNumber) {
        return jdbc.sql("select count(*) from records.record where decision_number = ?").param(decisionNumber).query(Integer.class).single();
    }

    @Nested
    class AGb18030FileFullOfMistakes {

        @Test
        void every_refused_field_is_named_and_the_good_rows_are_kept() {
            PenaltyFile file = new PenaltyFile();
            int good = file.add();
            int duplicate = file.repeat(good);
            int badCode = file.add("统一社会信用代码", "91310110666007217A");
            int noCode = file.add("统一社会信用代码", "");
            int person = file.add("行政相对人名称", "王五", "行政相对人类别", "自然人", "统一社会信用代码", "", "法定代表人", "",
                    "证件类型", "身份证", "证件号码", PenaltyFile.idNumber("19800101", 123));
            int badId = file.add("行政相对人名称", "赵六", "行政相对人类别", "自然人", "统一社会信用代码", "", "法定代表人", "",
                    "证件类型", "身份证", "证件号码", "110105194912310021");
            int words = file.add("罚款金额（万元）", "五千元");
            int negative = file.add("罚款金额（万元）", "-1");
            int impossible = file.add("处罚决定日期", "2026-02-30");
            int future = file.add("处罚决定日期", "2027-01-01");
            int noFine = file.add("罚款金额（万元）", "");
            int stranger = file.add("处罚机关统一社会信用代码", "91310110666007217T");
            int fullWidth = file.add("统一社会信用代码", "９１３１０１１５５９１６９３８５６ａ", "处罚决定日期", "2026/9/5");
            int minor = file.add("行政相对人名称", "少年甲", "行政相对人类别", "自然人", "统一社会信用代码", "", "法定代表人", "",
                    "证件类型", "身份证", "证件号码", PenaltyFile.idNumber("20100601", 1), "处罚决定日期", "2026年3月5日");
            int simplified = file.add("处罚类别", "警告", "罚款金额（万元）", "", "适用程序", "简易程序");
            int noRepresentative = file.add("法定代表人", "");
            int category = file.add("行政相对人类别", "很多类");
            int spaces = file.add("行政相对人名称", "  示例市前后有空格有限公司　", "法定代表人", " 李四 ");

            TestHttp.Response response = send(file.csv(PenaltyFile.GB18030), "处罚.csv");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode answer = response.json();
            assertThat(answer.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(answer.get("item").asString()).isEqualTo("XZCF");
            counts(answer, file.size(), 6, 11, 1, 0);
            assertThat(errors(answer)).containsExactly(
                    badCode + ":统一社会信用代码:check-character",
                    noCode + ":统一社会信用代码:required",
                    badId + ":证件号码:check-character",
                    words + ":罚款金额（万元）:decimal",
                    negative + ":罚款金额（万元）:non-negative",
                    impossible + ":处罚决定日期:date",
                    future + ":处罚决定日期:not-future",
                    noFine + ":罚款金额（万元）:required-when",
                    stranger + ":处罚机关统一社会信用代码:registered-department",
                    noRepresentative + ":法定代表人:required",
                    category + ":行政相对人类别:one-of");
            assertThat(records(file.decisionNumber(good))).isEqualTo(1);
            assertThat(records(file.decisionNumber(badCode))).isZero();
            assertThat(jdbc.sql("select minor from records.record where decision_number = ?").param(file.decisionNumber(minor))
                    .query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("select status || '/' || not_published_reason from records.record where decision_number = ?")
                    .param(file.decisionNumber(simplified)).query(String.class).single()).isEqualTo("NOT_PUBLISHED/EXCLUDED");
            assertThat(jdbc.sql("select subject_name from records.record where decision_number = ?").param(file.decisionNumber(spaces))
                    .query(String.class).single()).isEqualTo("示例市前后有空格有限公司");
            assertThat(jdbc.sql("select subject_credit_code from records.record where decision_number = ?")
                    .param(file.decisionNumber(fullWidth)).query(String.class).single()).isEqualTo("91310115591693856A");
            assertThat(duplicate).isEqualTo(good + 1);
            assertThat(person).isPositive();
        }

        @Test
        void sending_it_again_changes_nothing() {
            PenaltyFile file = new PenaltyFile();
            file.add();
            file.add();
            file.add("统一社会信用代码", "bad");
            byte[] csv = file.csv(PenaltyFile.GB18030);
            counts(send(csv, "a.csv").json(), 3, 2, 1, 0, 0);
            long versions = jdbc.sql("select count(*) from records.record_version").query(Long.class).single();
            counts(send(csv, "a.csv").json(), 3, 0, 1, 0, 2);
            assertThat(jdbc.sql("select count(*) from records.record_version").query(Long.class).single()).isEqualTo(versions);
            // the same rows in UTF-8 with other date formats are the same records
            counts(send(new String(csv, PenaltyFile.GB18030).replace("2026-10-10", "2026/10/10").getBytes(StandardCharsets.UTF_8), "b.csv").json(),
                    3, 0, 1, 0, 2);
        }

        @Test
        void a_changed_row_for_the_same_decision_is_a_correction_with_history() {
            PenaltyFile file = new PenaltyFile();
            int line = file.add();
            send(file.csv(StandardCharsets.UTF_8), "a.csv");
            PenaltyFile changed = new PenaltyFile();
            Map<String, String> row = file.valid();
            row.put("行政处罚决定书文号", file.decisionNumber(line));
            row.put("处罚内容", "罚款五千元（更正）");
            changed.addRow(row);
            counts(send(changed.csv(StandardCharsets.UTF_8), "b.csv").json(), 1, 1, 0, 0, 0);
            long id = jdbc.sql("select id from records.record where decision_number = ?").param(file.decisionNumber(line))
                    .query(Long.class).single();
            assertThat(jdbc.sql("select version from records.record where id = ?").param(id).query(Integer.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("select snapshot->'data'->>'CF_NR' from records.record_version where record_id = ?").param(id)
                    .query(String.class).single()).isEqualTo("罚款五千元");
        }

        @Test
        void the_same_decision_twice_with_different_data_refuses_the_second() {
            PenaltyFile file = new PenaltyFile();
            int first = file.add();
            Map<String, String> other = file.valid();
            other.put("行政处罚决定书文号", file.decisionNumber(first));
            other.put("处罚内容", "另一个内容");
            int second = file.addRow(other);
            JsonNode answer = send(file.csv(StandardCharsets.UTF_8), "a.csv").json();
            counts(answer, 2, 1, 1, 0, 0);
            assertThat(errors(answer)).containsExactly(second + ":行政处罚决定书文号:conflict");
        }
    }

    @Nested
    class MalformedFiles {

        @Test
        void ragged_rows_quotes_and_mixed_encodings_are_row_errors() {
            PenaltyFile file = new PenaltyFile();
            file.add();
            byte[] good = file.csv(PenaltyFile.GB18030);
            String extra = "\r\n示例市多一列公司,法人及非法人组织,x,y\r\n";
            PenaltyFile utf8 = new PenaltyFile();
            utf8.add("行政相对人名称", "示例市编码不同有限公司");
            String utf8Line = new String(utf8.csv(StandardCharsets.UTF_8), StandardCharsets.UTF_8).split("\r\n")[1] + "\r\n";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(good);
            out.writeBytes(extra.substring(2).getBytes(PenaltyFile.GB18030));
            out.writeBytes(utf8Line.getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\"示例市引号公司,法人及非法人组织\r\n".getBytes(PenaltyFile.GB18030));
            JsonNode answer = send(out.toByteArray(), "a.csv").json();
            counts(answer, 4, 1, 3, 0, 0);
            assertThat(errors(answer)).containsExactly("3:null:column-count", "4:null:encoding", "5:null:unterminated-quote");
        }

        @Test
        void an_empty_file_is_refused_as_a_whole() {
            TestHttp.Response response = send(new byte[0], "empty.csv");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("status").asString()).isEqualTo("FAILED");
            assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("empty");
            assertThat(response.json().get("errors").get(0).get("message").asString()).contains("文件为空");
        }

        @Test
        void a_file_whose_headers_match_nothing_is_refused() {
            TestHttp.Response response = send("甲,乙,丙\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "x.csv");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("rule").asString()).isEqualTo("layout");
        }

        @Test
        void a_missing_required_column_is_named() {
            List<String> headers = new ArrayList<>(PenaltyFile.HEADERS);
            headers.remove("违法事实");
            PenaltyFile file = new PenaltyFile(headers);
            file.add();
            TestHttp.Response response = send(file.csv(StandardCharsets.UTF_8), "x.csv");
            assertThat(response.status()).isEqualTo(422);
            assertThat(errors(response.json())).containsExactly("1:违法事实:missing-column");
        }

        @Test
        void unknown_columns_are_ignored_and_reported_once() {
            List<String> headers = new ArrayList<>(PenaltyFile.HEADERS);
            headers.add("内部编号");
            PenaltyFile file = new PenaltyFile(headers);
            file.add("内部编号", "A1");
            file.add("内部编号", "A2");
            JsonNode answer = send(file.csv(StandardCharsets.UTF_8), "x.csv").json();
            counts(answer, 2, 2, 0, 0, 0);
            assertThat(errors(answer)).containsExactly("1:内部编号:unknown-column");
        }

        @Test
        void a_crash_in_the_middle_leaves_nothing_and_the_batch_can_be_resent() {
            PenaltyFile file = new PenaltyFile();
            for (int i = 0; i < 4500; i++) {
                file.add();
            }
            byte[] csv = file.csv(StandardCharsets.UTF_8);
            ingest.failAfter(1);
            TestHttp.Response crashed = send(csv, "big.csv");
            assertThat(crashed.json().get("status").asString()).isEqualTo("FAILED");
            assertThat(records(file.decisionNumber(2))).isZero();
            assertThat(records(file.decisionNumber(4500))).isZero();
            ingest.reset();
            TestHttp.Response resent = send(csv, "big.csv");
            counts(resent.json(), 4500, 4500, 0, 0, 0);
        }
    }

    @Nested
    class Formats {

        @Test
        void xlsx_with_field_codes_date_cells_and_a_formula() {
            List<List<Object>> rows = new ArrayList<>();
            PenaltyFile file = new PenaltyFile();
            List<String> codes = List.of("CF_XDR_MC", "CF_XDR_LB", "CF_XDR_SHXYM", "CF_FRDB", "CF_WSH", "CF_WFXW", "CF_SY", "CF_YJ",
                    "CF_CFLB", "CF_NR", "CF_NR_FK", "CF_JDRQ", "CF_CFJG", "CF_CFJGDM", "CF_SJLY", "CF_SJLYDM");
            String number = "XLSX罚〔" + UUID.randomUUID().toString().substring(0, 6) + "〕";
            for (int i = 1; i <= 2; i++) {
                Map<String, String> v = file.valid();
                Object fine = i == 1 ? new java.math.BigDecimal("0.5") : formula("0.2+0.3");
                rows.add(List.of(v.get("行政相对人名称"), "法人及非法人组织", v.get("统一社会信用代码"), "张三", number + i + "号",
                        "虚假宣传", "事实", "依据", "罚款", "内容", fine, java.time.LocalDate.of(2026, 10, 10),
                        "示例市市场监督管理局", PenaltyFile.SAMR, "示例市市场监督管理局", PenaltyFile.SAMR));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FastExcel.write(out).head(codes.stream().map(List::of).toList()).sheet("处罚").doWrite(rows);
            JsonNode answer = send(out.toByteArray(), "处罚.xlsx").json();
            counts(answer, 2, 1, 1, 0, 0);
            assertThat(errors(answer)).containsExactly("3:CF_NR_FK:formula");
            assertThat(jdbc.sql("select decision_date::text from records.record where decision_number = ?").param(number + "1号")
                    .query(String.class).single()).isEqualTo("2026-10-10");
        }

        private WriteCellData<String> formula(String expression) {
            WriteCellData<String> cell = new WriteCellData<>();
            FormulaData formula = new FormulaData();
            formula.setFormulaValue(expression);
            cell.setFormulaData(formula);
            return cell;
        }

        @Test
        void a_json_batch_with_chinese_headers_or_codes() {
            PenaltyFile file = new PenaltyFile();
            Map<String, String> row = file.valid();
            Map<String, Object> byCode = new HashMap<>(row);
            byCode.remove("行政相对人名称");
            byCode.put("CF_XDR_MC", "示例市接口报送有限公司");
            byCode.put("行政处罚决定书文号", row.get("行政处罚决定书文号") + "J");
            Map<String, Object> bad = new HashMap<>(row);
            bad.put("处罚决定日期", "2026-13-01");
            TestHttp.Response response = apiClient(DEMO_API_KEY).postJson("/api/v1/submissions",
                    Map.of("item", "XZCF", "records", List.of(byCode, bad)));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            counts(response.json(), 2, 1, 1, 0, 0);
            assertThat(errors(response.json())).containsExactly("2:处罚决定日期:date");
        }

        @Test
        void a_template_is_generated_for_any_item_and_filled_in_it_comes_back() throws Exception {
            TestHttp http = apiClient(DEMO_API_KEY);
            TestHttp.Response template = http.get("/api/v1/submissions/templates/SXBZXR");
            assertThat(template.status()).isEqualTo(200);
            List<Map<Integer, String>> head = new ArrayList<>();
            FastExcel.read(new java.io.ByteArrayInputStream(template.bytes()), new cn.idev.excel.event.AnalysisEventListener<Map<Integer, String>>() {
                @Override
                public void invoke(Map<Integer, String> data, cn.idev.excel.context.AnalysisContext context) {
                }

                @Override
                public void invokeHeadMap(Map<Integer, String> h, cn.idev.excel.context.AnalysisContext context) {
                    head.add(h);
                }

                @Override
                public void doAfterAllAnalysed(cn.idev.excel.context.AnalysisContext context) {
                }
            }).sheet("数据").doRead();
            List<String> headers = new ArrayList<>(head.get(0).values());
            assertThat(headers).contains("主体名称*", "认定文书号*", "纳入日期*");
            String court = "11329900XDJQU31UXR";
            Map<String, String> values = Map.of("主体名称*", "示例市失信测试有限公司", "主体类别*", "法人及非法人组织",
                    "统一社会信用代码", PenaltyFile.creditCode(777), "认定文书号*", "（2026）示0101执" + UUID.randomUUID().toString().substring(0, 5) + "号",
                    "失信情形*", "有履行能力而拒不履行", "认定依据*", "《民事诉讼法》", "纳入日期*", "2026-09-01",
                    "认定机关*", "示例市中级人民法院", "认定机关统一社会信用代码*", court);
            List<List<Object>> rows = List.of(headers.stream().map(h -> (Object) values.getOrDefault(h, "")).toList());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FastExcel.write(out).head(headers.stream().map(List::of).toList()).sheet("数据").doWrite(rows);
            JsonNode answer = send(out.toByteArray(), "失信被执行人.xlsx").json();
            assertThat(answer.get("item").asString()).isEqualTo("SXBZXR");
            counts(answer, 1, 1, 0, 0, 0);
        }
    }

    @Nested
    class Processing {

        @Test
        void a_large_file_is_answered_202_and_polled() {
            PenaltyFile file = new PenaltyFile();
            for (int i = 0; i < 9000; i++) {
                file.add("违法事实", "在网店发布虚假广告，误导消费者，情节一般，已责令改正。" .repeat(4));
            }
            byte[] csv = file.csv(StandardCharsets.UTF_8);
            assertThat(csv.length).isGreaterThan(4 * 1024 * 1024);
            TestHttp.Response response = send(csv, "large.csv");
            assertThat(response.status()).isEqualTo(202);
            assertThat(response.json().get("status").asString()).isEqualTo("PROCESSING");
            String location = response.header("Location");
            UUID id = UUID.fromString(response.json().get("id").asString());
            completions.await(id);
            TestHttp.Response done = apiClient(DEMO_API_KEY).purpose(TEST_PURPOSE).get(location);
            assertThat(done.json().get("status").asString()).isEqualTo("COMPLETED");
            counts(done.json(), 9000, 9000, 0, 0, 0);
        }

        @Test
        void the_idempotency_key_returns_the_first_answer() {
            PenaltyFile file = new PenaltyFile();
            file.add();
            TestHttp client = apiClient(DEMO_API_KEY);
            String key = UUID.randomUUID().toString();
            JsonNode first = client.postJsonWithKey("/api/v1/submissions", Map.of("records", List.of(file.valid())), key).json();
            JsonNode second = client.postJsonWithKey("/api/v1/submissions", Map.of("records", List.of(file.valid())), key).json();
            assertThat(second.get("id").asString()).isEqualTo(first.get("id").asString());
        }

        @Test
        void another_departments_operator_cannot_submit_its_decisions() {
            TestHttp countyOperator = staff("county-operator");
            PenaltyFile file = new PenaltyFile();
            file.add();
            TestHttp.Response response = countyOperator.header("X-CSRF-TOKEN", countyOperator.csrfOf("/collection")).multipart("/api/v1/submissions/files", "file", "a.csv",
                    file.csv(StandardCharsets.UTF_8), Map.of());
            assertThat(errors(response.json())).containsExactly("2:处罚机关统一社会信用代码:not-authorised");
        }

        @Test
        void an_operator_uploads_through_the_page_and_sees_the_refusals() {
            TestHttp operator = staff("operator");
            PenaltyFile file = new PenaltyFile();
            file.add();
            file.add("处罚决定日期", "明天");
            TestHttp.Response redirect = operator.multipart("/collection", "file", "处罚.csv", file.csv(PenaltyFile.GB18030),
                    Map.of("_csrf", operator.csrfOf("/collection")));
            assertThat(redirect.status()).isEqualTo(302);
            String page = operator.get(redirect.header("Location")).body();
            assertThat(page).contains("处理完成", "处罚决定日期不是有效日期", "下载错误明细");
            TestHttp.Response errors = operator.get(redirect.header("Location") + "/errors.xlsx");
            assertThat(errors.status()).isEqualTo(200);
            assertThat(errors.header("Content-Type")).startsWith(Workbooks.XLSX);
            String batch = redirect.header("Location").substring(redirect.header("Location").lastIndexOf('/') + 1);
            assertThat(jdbc.sql("""
                    select details || '|' || purpose from audit.entry
                     where action = 'READ_NON_PUBLIC' and object_type = 'submission_batch' and object_id = ? order by seq""")
                    .param(batch).query(String.class).list())
                    .containsExactly("{\"read\":\"batch\"}|" + TEST_PURPOSE, "{\"read\":\"error-file\"}|" + TEST_PURPOSE);
            // a system reads the same rows only with a purpose
            assertThat(apiClient(DEMO_API_KEY).get("/api/v1/submissions/" + batch).status()).isEqualTo(422);
            assertThat(apiClient(DEMO_API_KEY).get("/api/v1/submissions/" + batch + "/errors.xlsx").status()).isEqualTo(422);
        }
    }
}

package gongxin.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gongxin.catalog.CatalogItem;
import gongxin.identity.Caller;
import gongxin.identity.Department;
import gongxin.identity.DepartmentLevel;
import gongxin.identity.Role;
import gongxin.identity.Scope;
import gongxin.shared.CreditCode;
import gongxin.shared.IdNumber;
import gongxin.shared.SubjectCategory;
import gongxin.support.DemoCatalog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule of formats.md for the 双公示 penalty layout, one row at a time. */
class RowValidatorTest {

    static final CatalogItem PENALTY = DemoCatalog.item("XZCF");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final String SAMR = "11329900N4WKEFY538";
    static final String EEB = "11329900RP0JHW1YXC";
    static final String COURT = "11329900XDJQU31UXR";
    static final String COMPANY = "91310110666007217T";
    static final Map<String, Department> DEPARTMENTS = Map.of(
            SAMR, new Department("CITY-SAMR", "示例市市场监督管理局", SAMR, DepartmentLevel.CITY, null, List.of(), true, "MARKET_REGULATION"),
            EEB, new Department("CITY-EEB", "示例市生态环境局", EEB, DepartmentLevel.CITY, null, List.of(), true, null),
            COURT, new Department("CITY-COURT", "示例市中级人民法院", COURT, DepartmentLevel.CITY, null, List.of(), true, "COURT"));
    static final Caller AGGREGATOR = new Caller("api:归集", Caller.Kind.API_CLIENT, "CITY-NDRC",
            Set.of("CITY-NDRC", "CITY-SAMR", "CITY-EEB", "CITY-COURT"), Set.of(), Set.of(Scope.SUBMIT));
    static final Caller EEB_OPERATOR = new Caller("eeb", Caller.Kind.STAFF, "CITY-EEB", Set.of("CITY-EEB"), Set.of(Role.OPERATOR), Set.of());

    static final List<String> HEADERS = List.of("行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型",
            "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
            "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期", "公示截止期",
            "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注", "适用程序", "失信程度");

    /** A valid organisation penalty; {@code changes} replace cells by header. */
    static Map<String, String> row(String... changes) {
        Map<String, String> row = new LinkedHashMap<>();
        HEADERS.forEach(h -> row.put(h, ""));
        row.putAll(Map.of("行政相对人名称", "示例市嘉禾科技有限公司", "行政相对人类别", "法人及非法人组织", "统一社会信用代码", COMPANY,
                "法定代表人", "张三", "行政处罚决定书文号", "示例市监罚〔2026〕101号", "违法行为类型", "虚假宣传", "违法事实", "发布虚假广告",
                "处罚依据", "《广告法》第五十五条", "处罚类别", "罚款", "处罚内容", "罚款五千元"));
        row.putAll(Map.of("罚款金额（万元）", "0.5", "处罚决定日期", "2026-10-10", "处罚机关", "示例市市场监督管理局",
                "处罚机关统一社会信用代码", SAMR, "数据来源单位", "示例市市场监督管理局", "数据来源单位统一社会信用代码", SAMR));
        for (int i = 0; i < changes.length; i += 2) {
            row.put(changes[i], changes[i + 1]);
        }
        return row;
    }

    static RowValidator.Result validate(Map<String, String> row) {
        return validate(row, AGGREGATOR, false);
    }

    static RowValidator.Result validate(Map<String, String> row, Caller caller, boolean allowPilotEra) {
        Layout layout = Layout.match(PENALTY, HEADERS);
        RowValidator validator = new RowValidator(new RowValidator.Context(layout, List.of(PENALTY), DEPARTMENTS,
                DemoCatalog.ruleSets(), caller, TODAY, allowPilotEra));
        return validator.validate(SourceRow.of(7, new ArrayList<>(row.values())));
    }

    static List<String> refusals(RowValidator.Result result) {
        return result.errors().stream().map(e -> e.field() + ":" + e.rule()).toList();
    }

    static String naturalPersonId(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    @Test
    void a_valid_row_becomes_a_draft() {
        RowValidator.Result result = validate(row());
        assertThat(result.errors()).isEmpty();
        assertThat(result.draft().departmentCode()).isEqualTo("CITY-SAMR");
        assertThat(result.draft().recordKey()).isEqualTo("示例市监罚〔2026〕101号");
        assertThat(result.draft().decisionDate()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(result.draft().subjectCategory()).isEqualTo(SubjectCategory.ORGANIZATION);
        assertThat(result.draft().line()).isEqualTo(7);
    }

    @Nested
    class Required {

        @Test
        void every_required_field_is_named() {
            RowValidator.Result result = validate(row("行政相对人名称", " ", "违法事实", "", "处罚机关", ""));
            assertThat(refusals(result)).containsExactlyInAnyOrder("行政相对人名称:required", "违法事实:required", "处罚机关:required");
            assertThat(result.errors().get(0).message()).endsWith("不能为空");
        }

        @Test
        void organisations_need_a_credit_code_and_a_legal_representative() {
            assertThat(refusals(validate(row("统一社会信用代码", "", "法定代表人", ""))))
                    .containsExactlyInAnyOrder("统一社会信用代码:required", "法定代表人:required");
        }

        @Test
        void individual_businesses_need_a_credit_code_but_no_legal_representative() {
            assertThat(refusals(validate(row("行政相对人类别", "个体工商户", "统一社会信用代码", "", "法定代表人", ""))))
                    .containsExactly("统一社会信用代码:required");
        }

        @Test
        void natural_persons_need_an_id_type_and_number() {
            assertThat(refusals(validate(row("行政相对人类别", "自然人", "统一社会信用代码", "", "法定代表人", ""))))
                    .containsExactlyInAnyOrder("证件类型:required", "证件号码:required");
        }
    }

    @Nested
    class ConditionalAmounts {

        @Test
        void a_fine_needs_its_amount() {
            assertThat(refusals(validate(row("罚款金额（万元）", "")))).containsExactly("罚款金额（万元）:required-when");
        }

        @Test
        void confiscation_and_licence_revocation_need_theirs() {
            assertThat(refusals(validate(row("处罚类别", "警告；没收违法所得、吊销许可证件", "罚款金额（万元）", ""))))
                    .containsExactlyInAnyOrder("没收违法所得、没收非法财物的金额（万元）:required-when", "暂扣或吊销证照名称及编号:required-when");
        }

        @Test
        void a_warning_needs_no_amount() {
            assertThat(validate(row("处罚类别", "警告", "罚款金额（万元）", "")).errors()).isEmpty();
        }
    }

    @Nested
    class Amounts {

        @Test
        void words_and_negative_numbers_are_refused() {
            assertThat(refusals(validate(row("罚款金额（万元）", "五千元")))).containsExactly("罚款金额（万元）:decimal");
            assertThat(refusals(validate(row("罚款金额（万元）", "-1")))).containsExactly("罚款金额（万元）:non-negative");
        }

        @Test
        void full_width_digits_and_thousands_separators_are_read() {
            assertThat(validate(row("罚款金额（万元）", "０.５０")).draft().data().get("CF_NR_FK")).isEqualTo("0.5");
            assertThat(validate(row("罚款金额（万元）", "1,200.5")).draft().data().get("CF_NR_FK")).isEqualTo("1200.5");
        }
    }

    @Nested
    class Dates {

        @Test
        void every_usual_format_is_read() {
            for (String date : List.of("2026/10/10", "20261010", "2026年10月10日", "2026-10-10")) {
                assertThat(validate(row("处罚决定日期", date)).draft().decisionDate()).isEqualTo(LocalDate.of(2026, 10, 10));
            }
        }

        @Test
        void an_impossible_date_and_a_future_date_are_refused() {
            assertThat(refusals(validate(row("处罚决定日期", "2026-02-30")))).containsExactly("处罚决定日期:date");
            assertThat(refusals(validate(row("处罚决定日期", "2026-11-25")))).containsExactly("处罚决定日期:not-future");
        }

        @Test
        void a_publicity_end_before_the_minimum_period_of_its_severity_is_refused() {
            // decided 2026-10-10 under Order 36: 一般 at least 3 months (last day 2027-01-10), 严重 at least 12 months
            assertThat(refusals(validate(row("失信程度", "一般", "公示截止期", "2027-01-09"))))
                    .containsExactly("公示截止期:before-minimum-period");
            assertThat(validate(row("失信程度", "一般", "公示截止期", "2027-01-10")).errors()).isEmpty();
            assertThat(refusals(validate(row("失信程度", "严重", "公示截止期", "2027-06-01"))))
                    .containsExactly("公示截止期:before-minimum-period");
            assertThat(validate(row("失信程度", "严重", "公示截止期", "2027-10-10")).errors()).isEmpty();
        }

        @Test
        void the_minimum_is_the_one_of_the_rule_set_of_the_decision_date() {
            // decided 2024-06-01 under Order 58: 严重 at least 3 months (the 2019 rule had 6, Order 36 has 12)
            assertThat(validate(row("处罚决定日期", "2024-06-01", "失信程度", "严重", "公示截止期", "2024-09-01")).errors()).isEmpty();
            assertThat(refusals(validate(row("处罚决定日期", "2024-06-01", "失信程度", "严重", "公示截止期", "2024-08-31"))))
                    .containsExactly("公示截止期:before-minimum-period");
        }

        @Test
        void validity_and_publicity_end_cannot_precede_the_decision() {
            assertThat(refusals(validate(row("处罚有效期", "2026-10-09", "公示截止期", "2026-01-01"))))
                    .containsExactlyInAnyOrder("处罚有效期:not-before-decision", "公示截止期:not-before-decision");
        }
    }

    @Nested
    class Identifiers {

        @Test
        void a_wrong_check_character_is_refused_with_the_header_as_written() {
            RowValidator.Result result = validate(row("统一社会信用代码", "91310110666007217A"));
            assertThat(refusals(result)).containsExactly("统一社会信用代码:check-character");
            assertThat(result.errors().get(0).value()).isEqualTo("91310110666007217A");
            assertThat(result.errors().get(0).line()).isEqualTo(7);
        }

        @Test
        void full_width_and_lower_case_codes_are_normalised() {
            assertThat(validate(row("统一社会信用代码", "９１３１０１１０６６６００７２１７ｔ")).draft().subjectCreditCode()).isEqualTo(COMPANY);
        }

        @Test
        void pilot_era_codes_only_with_the_explicit_flag_and_marked() {
            assertThat(refusals(validate(row("统一社会信用代码", "91350211M00013FA1N")))).containsExactly("统一社会信用代码:check-character");
            RowValidator.Result accepted = validate(row("统一社会信用代码", "91350211M00013FA1N"), AGGREGATOR, true);
            assertThat(accepted.draft().pilotEra()).isTrue();
        }

        @Test
        void id_numbers_are_checked_for_resident_id_cards_only() {
            Map<String, String> person = row("行政相对人类别", "自然人", "统一社会信用代码", "", "法定代表人", "", "证件类型", "身份证",
                    "证件号码", "110105194912310021");
            assertThat(refusals(validate(person))).containsExactly("证件号码:check-character");
            person.put("证件类型", "护照");
            person.put("证件号码", "E12345678");
            assertThat(validate(person).errors()).isEmpty();
        }

        @Test
        void a_minor_on_the_decision_date_is_flagged() {
            Map<String, String> person = row("行政相对人类别", "自然人", "统一社会信用代码", "", "法定代表人", "", "证件类型", "身份证",
                    "证件号码", naturalPersonId("32990020100601001"));
            assertThat(validate(person).draft().minor()).isTrue();
        }
    }

    @Nested
    class DecidingAuthority {

        @Test
        void must_be_a_department_of_the_platform() {
            assertThat(refusals(validate(row("处罚机关统一社会信用代码", COMPANY)))).containsExactly("处罚机关统一社会信用代码:registered-department");
        }

        @Test
        void an_operator_acts_only_for_the_own_department() {
            assertThat(refusals(validate(row(), EEB_OPERATOR, false))).containsExactly("处罚机关统一社会信用代码:not-authorised");
            assertThat(validate(row("处罚机关统一社会信用代码", EEB, "数据来源单位统一社会信用代码", EEB), EEB_OPERATOR, false).errors()).isEmpty();
        }

        @Test
        void must_be_a_provider_of_the_item_in_the_catalog() {
            assertThat(refusals(validate(row("处罚机关统一社会信用代码", COURT)))).containsExactly("处罚机关统一社会信用代码:not-provider");
        }
    }

    @Nested
    class CatalogInForce {

        @Test
        void a_record_dated_before_the_item_existed_is_refused() {
            assertThat(refusals(validate(row("处罚决定日期", "2023-05-05")))).containsExactly("处罚决定日期:not-in-catalog");
        }

        RowValidator.Result withEra(Map<String, String> row) {
            Layout layout = Layout.match(PENALTY, HEADERS);
            return new RowValidator(new RowValidator.Context(layout, List.of(PENALTY), DEPARTMENTS, DemoCatalog.ruleSets(),
                    AGGREGATOR, TODAY, false, java.time.LocalDate.of(2015, 1, 1)))
                    .validate(SourceRow.of(7, new ArrayList<>(row.values())));
        }

        @Test
        void history_since_2015_is_accepted_under_the_first_edition() {
            RowValidator.Result result = withEra(row("处罚决定日期", "2016-03-08"));
            assertThat(result.errors()).isEmpty();
            assertThat(result.draft().item().version()).isEqualTo(PENALTY.version());
            assertThat(result.draft().decisionDate()).isEqualTo(java.time.LocalDate.of(2016, 3, 8));
            assertThat(withEra(row("处罚决定日期", "2015-01-01")).errors()).isEmpty();
        }

        @Test
        void a_decision_before_the_collection_era_is_refused() {
            assertThat(refusals(withEra(row("处罚决定日期", "2014-12-31")))).containsExactly("处罚决定日期:before-collection-era");
        }

        /**
         * Issue 26, finding 11: before the first rule set (2019-07-01) the general exclusions still hold (credit-rules
         * §2: 简易程序 and 首违不罚 are not dishonesty unless a rule says otherwise).
         */
        @Test
        void a_simplified_procedure_penalty_from_history_before_any_rule_set_is_still_excluded() {
            assertThat(withEra(row("处罚决定日期", "2018-06-01", "适用程序", "简易程序")).draft().exclusion()).isEqualTo("SIMPLIFIED_PROCEDURE");
            assertThat(withEra(row("处罚决定日期", "2018-06-01", "适用程序", "普通程序")).draft().exclusion()).isNull();
        }
    }

    @Nested
    class Exclusions {

        @Test
        void simplified_procedure_is_an_exclusion() {
            assertThat(validate(row("适用程序", "简易程序")).draft().exclusion()).isEqualTo("SIMPLIFIED_PROCEDURE");
            assertThat(validate(row("适用程序", "普通程序")).draft().exclusion()).isNull();
        }

        @Test
        void the_severity_column_is_read() {
            assertThat(validate(row("失信程度", "严重")).draft().severity()).isEqualTo(gongxin.catalog.Severity.SERIOUS);
            assertThat(refusals(validate(row("失信程度", "特别严重")))).containsExactly("失信程度:one-of");
        }
    }

    @Nested
    class Cells {

        @Test
        void a_formula_is_refused() {
            assertThat(refusals(validate(row("罚款金额（万元）", "=0.2+0.3")))).containsExactly("罚款金额（万元）:formula");
        }

        @Test
        void a_nul_character_is_refused_rather_than_breaking_the_batch() {
            assertThat(refusals(validate(row("违法事实", "发布\u0000虚假广告")))).containsExactly("违法事实:control-character");
        }

        @Test
        void an_unknown_category_is_refused() {
            assertThat(refusals(validate(row("行政相对人类别", "外国人")))).containsExactly("行政相对人类别:one-of");
        }

        @Test
        void names_keep_chinese_brackets_and_lose_full_width_letters() {
            assertThat(validate(row("行政相对人名称", "示例市ＡＢＣ科技(集团)有限公司")).draft().subjectName())
                    .isEqualTo("示例市ABC科技（集团）有限公司");
        }
    }

    @Test
    void headers_may_be_field_codes_and_the_vendor_variants() {
        List<String> codes = new ArrayList<>(Arrays.asList("CF_XDR_MC", "CF_XDR_LB", "行政相对人代码-统一社会信用代码", "CF_FDDB"));
        Layout layout = Layout.match(PENALTY, codes);
        assertThat(layout.columns().values()).extracting(f -> f.code()).containsExactly("CF_XDR_MC", "CF_XDR_LB", "CF_XDR_SHXYM", "CF_FRDB");
        assertThat(layout.unknownColumns()).isEmpty();
        assertThat(CreditCode.check(COMPANY).valid()).isTrue();
    }
}

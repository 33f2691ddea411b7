package gongxin.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A list type as the law allows it (国办发〔2020〕49号), checked without Spring. */
class ListTypeTest {

    private static final Predicate<String> DEPARTMENTS = Set.of("CITY-SAMR", "CITY-TAX")::contains;

    private static ListType.Draft draft(String kind, String domain, String basis, Integer statement, Integer min, Integer max) {
        return new ListType.Draft("TEST-LIST", "测试名单", kind, domain, "CITY-SAMR", basis, List.of("重点监管"), statement, min, max,
                "期满移出", false, null, null);
    }

    private static List<String> rules(ListType.Draft d) {
        try {
            ListType.define(d, DEPARTMENTS);
            return List.of();
        } catch (RuleViolationException e) {
            return e.violations().stream().map(RuleViolation::rule).toList();
        }
    }

    @Nested
    class FourDomainsOnly {

        @Test
        void a_dishonesty_list_in_an_allowed_domain_is_defined() {
            ListType type = ListType.define(draft("DISHONESTY", "HEALTH_SAFETY", "《食品安全法》", 10, 12, 36), DEPARTMENTS);
            assertThat(type.domain()).isEqualTo(ListDomain.HEALTH_SAFETY);
            assertThat(type.statementWorkingDays()).isEqualTo(10);
        }

        @Test
        void a_dishonesty_list_outside_them_or_without_a_domain_is_refused() {
            assertThat(rules(draft("DISHONESTY", "TRAFFIC", "某法", 10, 12, 36))).containsExactly("domain-not-allowed");
            assertThat(rules(draft("DISHONESTY", null, "某法", 10, 12, 36))).containsExactly("domain-not-allowed");
        }

        @Test
        void a_red_list_has_no_domain() {
            assertThat(ListType.define(draft("RED", null, "《纳税信用管理办法》", null, 0, 12), DEPARTMENTS).domain()).isNull();
            assertThat(rules(draft("RED", "MARKET_ORDER", "某法", null, 0, 12))).containsExactly("domain-not-applicable");
        }
    }

    @Nested
    class LegalBasis {

        @Test
        void is_required() {
            assertThat(rules(draft("DISHONESTY", "MARKET_ORDER", "  ", 10, 12, 36))).containsExactly("basis-required");
            assertThat(rules(draft("RED", null, null, null, 0, 12))).containsExactly("basis-required");
        }
    }

    @Nested
    class Periods {

        @Test
        void a_locally_determined_list_gives_a_statement_period() {
            assertThat(rules(draft("DISHONESTY", "MARKET_ORDER", "某法", null, 12, 36))).containsExactly("statement-period");
            ListType.Draft upstream = new ListType.Draft("COURT", "失信被执行人名单", "DISHONESTY", "DEFYING_DUTIES", "CITY-SAMR",
                    "法释〔2017〕7号", List.of(), null, 0, 36, null, true, null, null);
            assertThat(ListType.define(upstream, DEPARTMENTS).statementWorkingDays()).isNull();
        }

        @Test
        void has_a_maximum_and_a_minimum_not_longer_than_it() {
            assertThat(rules(draft("DISHONESTY", "MARKET_ORDER", "某法", 10, 12, null))).containsExactly("maximum-period");
            assertThat(rules(draft("DISHONESTY", "MARKET_ORDER", "某法", 10, 40, 36))).containsExactly("period-order");
        }
    }

    @Test
    void every_broken_rule_is_reported_at_once() {
        ListType.Draft bad = new ListType.Draft("x", "", "BLACK", null, "NOWHERE", "", List.of(), null, -1, 0, null, false, null,
                List.of("NOWHERE-TOO"));
        assertThatThrownBy(() -> ListType.define(bad, DEPARTMENTS)).isInstanceOf(RuleViolationException.class);
        assertThat(rules(bad)).contains("format", "required", "kind", "exists", "basis-required", "not-negative", "maximum-period");
        assertThat(rules(bad).stream().filter("exists"::equals)).as("the department and the accepted authority").hasSize(2);
    }
}

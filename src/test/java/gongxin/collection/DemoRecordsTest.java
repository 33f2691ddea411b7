package gongxin.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gongxin.shared.CreditCode;
import gongxin.shared.IdNumber;
import org.junit.jupiter.api.Test;

class DemoRecordsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void generated_rows_carry_valid_identifiers_unique_decision_numbers_and_past_dates() {
        List<Map<String, String>> rows = DemoRecords.rows(500, TODAY, 7);
        assertThat(rows).hasSize(500);
        Set<String> numbers = new HashSet<>();
        for (Map<String, String> row : rows) {
            if (!row.get("统一社会信用代码").isEmpty()) {
                assertThat(CreditCode.check(row.get("统一社会信用代码")).valid()).as(row.toString()).isTrue();
            } else {
                assertThat(IdNumber.check(row.get("证件号码"), TODAY).valid()).as(row.toString()).isTrue();
            }
            assertThat(numbers.add(row.get("处罚机关") + row.get("行政处罚决定书文号"))).as(row.toString()).isTrue();
            assertThat(LocalDate.parse(row.get("处罚决定日期"))).isBefore(TODAY);
        }
        assertThat(rows.get(0).get("行政相对人名称")).isEqualTo("示例市嘉禾科技有限公司");
    }
}

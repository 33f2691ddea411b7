package gongxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import gongxin.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

class HolidayFileTest {

    private static HolidayFile parse(String json) {
        return HolidayFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_valid_year() {
        HolidayFile file = parse("""
                {"year": 2027, "papers": ["https://www.gov.cn/x"], "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2027-02-06", "isOffDay": false}]}""");
        assertThat(file.year()).isEqualTo(2027);
        assertThat(file.days()).hasSize(2);
        assertThat(file.days().get(1).offDay()).isFalse();
    }

    @Test
    void not_json() {
        assertThatThrownBy(() -> parse("year=2027")).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).violations().get(0).rule()).isEqualTo("json"));
    }

    @Test
    void every_bad_day_is_reported() {
        assertThatThrownBy(() -> parse("""
                {"year": 2027, "days": [
                  {"name": "a", "date": "2027-02-30", "isOffDay": true},
                  {"name": "b", "date": "2025-05-01", "isOffDay": true},
                  {"name": "c", "date": "2027-05-01", "isOffDay": "yes"}]}""")).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).violations())
                        .extracting(v -> v.rule()).containsExactly("date", "in-year", "boolean"));
    }

    @Test
    void a_year_out_of_range() {
        assertThatThrownBy(() -> parse("{\"year\": 1066, \"days\": []}")).isInstanceOf(RuleViolationException.class);
    }
}

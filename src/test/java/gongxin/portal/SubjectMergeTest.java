package gongxin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One chunk naming a subject twice becomes one row, as two upserts one after the other would leave it. */
class SubjectMergeTest {

    static PortalRepository.SubjectRow row(String name, String date, String... former) {
        return new PortalRepository.SubjectRow("C:91320000MA1XXXXX0X", "91320000MA1XXXXX0X", "ORGANIZATION", name,
                LocalDate.parse(date), "91320000MA1XXXXX0X", null, null, List.of(former), null);
    }

    @Test
    void the_later_decisions_name_wins_and_the_other_becomes_a_former_name() {
        List<PortalRepository.SubjectRow> merged = PortalRepository.merged(List.of(
                row("示例市新名称有限公司", "2026-05-01"), row("示例市旧名称有限公司", "2025-03-01", "示例市更早名称厂")));
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).name()).isEqualTo("示例市新名称有限公司");
        assertThat(merged.get(0).nameDate()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(merged.get(0).formerNames()).containsExactlyInAnyOrder("示例市旧名称有限公司", "示例市更早名称厂");
    }

    @Test
    void the_same_name_twice_stays_one_name() {
        List<PortalRepository.SubjectRow> merged = PortalRepository.merged(List.of(
                row("示例市同名有限公司", "2026-05-01"), row("示例市同名有限公司", "2026-06-01")));
        assertThat(merged.get(0).formerNames()).isEmpty();
        assertThat(merged.get(0).nameDate()).isEqualTo(LocalDate.of(2026, 6, 1));
    }
}

package gongxin.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import gongxin.support.IntegrationTest;
import gongxin.support.PenaltyFile;
import gongxin.support.TestHttp;
import org.junit.jupiter.api.Test;

/**
 * Issue 26, finding 9: NDRC Order 58 (decisions 2023-05-01 to 2026-03-31) keeps special-equipment penalties published
 * for a year at least, and the market regulator decides them: the sector is told by the penalty's content
 * (catalog.matter_sector), not by the department, whose other penalties keep the general three months.
 */
class SectorPeriodsTest extends IntegrationTest {

    private static final PenaltyFile PENALTIES = new PenaltyFile();

    private TestHttp.Response submit(String basis, String publicityEnd) {
        Map<String, String> row = PENALTIES.valid();
        row.put("处罚决定日期", "2025-06-02");
        row.put("失信程度", "一般");
        row.put("处罚依据", basis);
        row.put("公示截止期", publicityEnd);
        return apiClient(DEMO_API_KEY).postJson("/api/v1/submissions", Map.of("item", "XZCF", "records", List.of(row)));
    }

    @Test
    void a_special_equipment_penalty_of_the_market_regulator_has_the_sectors_one_year_minimum() {
        // four months: above the general minimum of Order 58 (3 months) and below the special-equipment one (12 months)
        TestHttp.Response general = submit("《中华人民共和国广告法》第五十五条", "2025-10-02");
        assertThat(general.json().get("accepted").intValue()).as(general.body()).isEqualTo(1);

        TestHttp.Response special = submit("《中华人民共和国特种设备安全法》第八十四条", "2025-10-02");
        assertThat(special.json().get("accepted").intValue()).as(special.body()).isZero();
        assertThat(special.body()).contains("before-minimum-period").contains("12 个月");

        TestHttp.Response yearLong = submit("《中华人民共和国特种设备安全法》第八十四条", "2026-06-02");
        assertThat(yearLong.json().get("accepted").intValue()).as(yearLong.body()).isEqualTo(1);
    }
}

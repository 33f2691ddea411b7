package gongxin.evaluation;

import java.time.LocalDate;
import java.util.List;

import gongxin.evaluation.EvaluationModel.Grade;
import gongxin.evaluation.EvaluationModel.Indicator;
import gongxin.evaluation.EvaluationModel.Select;

/**
 * The demo city's model {@code CITY-2026} (an example, as cities set their own): 1000 base points, A ≥ 900, B ≥ 750,
 * C ≥ 600, D below; deductions for ordinary and serious penalties of the last 36 months, breaches of commitments and
 * dishonesty listings, bonuses for red-list entries and kept commitments; an in-force dishonesty listing makes the grade
 * D whatever the points.
 */
final class DemoModel {

    private DemoModel() {
    }

    static EvaluationModel.Draft cityModel() {
        return new EvaluationModel.Draft("示例市公共信用综合评价模型（2026，示例）", LocalDate.of(2026, 1, 1), 1000,
                List.of(new Grade("A", 900), new Grade("B", 750), new Grade("C", 600), new Grade("D", null)),
                List.of(new Indicator("PENALTY-ORDINARY", "近36个月一般失信行政处罚", new Select("RECORD", "ORDINARY", null, 36, null), -50, 200),
                        new Indicator("PENALTY-SERIOUS", "近36个月严重失信行政处罚", new Select("RECORD", "SERIOUS", null, 36, null), -150, 450),
                        new Indicator("COMMITMENT-BREACH", "未履行信用承诺", new Select("COMMITMENT_BREACH", null, null, null, null), -100, 300),
                        new Indicator("DISHONESTY-LIST", "列入失信名单", new Select("LIST_ENTRY", null, null, null, null), -300, null),
                        new Indicator("RED-LIST", "列入守信激励名单", new Select(EvaluationModel.RED_LIST, null, null, null, null), 50, 100),
                        new Indicator("COMMITMENT-KEPT", "近36个月履行信用承诺", new Select("COMMITMENT", null, null, 36, "TRUSTWORTHY"), 10, 50)),
                List.of(new EvaluationModel.Override(new Select("LIST_ENTRY", null, null, null, null), "D")),
                java.util.Map.of("A", 0.03, "B", 0.05, "C", 0.10, "D", 0.20));
    }
}

package gongxin.evaluation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.identity.Caller;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 双随机抽查 by grade for a department's staff: the population (credit codes pasted or typed, one per line), the share
 * of each grade to draw (the model's by default), an optional seed; the draw is shown with its seed, so that anyone can
 * draw it again, and is stored and audited like one drawn through the API.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN')")
class SamplePages {

    private final Evaluations evaluations;
    private final java.time.Clock clock;

    SamplePages(Evaluations evaluations, java.time.Clock clock) {
        this.evaluations = evaluations;
        this.clock = clock;
    }

    @GetMapping("/evaluation/samples")
    String form(Model model) {
        Map<String, String> ratios = new LinkedHashMap<>();
        evaluations.modelOn(LocalDate.now(clock)).ifPresent(m -> {
            m.grades().forEach(g -> ratios.put(g.grade(), ""));
            m.samplingRatios().forEach((grade, share) -> ratios.put(grade, String.valueOf(share)));
        });
        model.addAttribute("ratios", ratios);
        model.addAttribute("department", Caller.current().departmentCode());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("matter", "", "population", "", "seed", ""));
        }
        return "evaluation/samples";
    }

    @PostMapping("/evaluation/samples")
    String draw(@RequestParam(required = false) String matter, @RequestParam(required = false) String population,
                @RequestParam(required = false) String seed, @RequestParam Map<String, String> params, Model model) {
        Caller caller = Caller.current();
        List<String> codes = population == null ? List.of()
                : Arrays.stream(population.split("[\\s,，;；]+")).filter(c -> !c.isBlank()).toList();
        Map<String, Double> ratios = new LinkedHashMap<>();
        List<gongxin.shared.RuleViolation> bad = new java.util.ArrayList<>();
        params.forEach((name, value) -> {
            if (name.startsWith("ratio.") && !Text.isBlank(value)) {
                try {
                    ratios.put(name.substring("ratio.".length()), Double.parseDouble(value.strip()));
                } catch (NumberFormatException e) {
                    bad.add(gongxin.shared.RuleViolation.of("ratios." + name.substring("ratio.".length()), value, "ratio-range",
                            "抽查比例应为 0 到 1 之间的小数"));
                }
            }
        });
        model.addAttribute("form", Map.of("matter", Text.isBlank(matter) ? "" : matter, "population", population == null ? "" : population,
                "seed", seed == null ? "" : seed));
        try {
            if (!bad.isEmpty()) {
                throw new RuleViolationException("抽查比例无效", bad);
            }
            Evaluations.Sample sample = evaluations.sample(caller, new Evaluations.SampleRequest(caller.departmentCode(),
                    Text.isBlank(matter) ? null : matter.strip(), codes, ratios.isEmpty() ? null : ratios, seed));
            model.addAttribute("sample", sample);
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
        }
        return form(model);
    }
}

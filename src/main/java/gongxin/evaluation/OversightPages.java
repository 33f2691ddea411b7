package gongxin.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongxin.identity.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 信用评价 for the credit office: how many subjects each grade has now (as a chart), how grades moved since the last
 * full run, the models, and a full run on demand.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
class OversightPages {

    private static final int CHART_HEIGHT = 160;
    private static final int BAR_WIDTH = 80;
    private static final int GAP = 40;

    private final Evaluations evaluations;
    private final EvaluationRepository repository;
    private final java.time.Clock clock;

    OversightPages(Evaluations evaluations, EvaluationRepository repository, java.time.Clock clock) {
        this.evaluations = evaluations;
        this.repository = repository;
        this.clock = clock;
    }

    /** A bar of the chart, in the SVG's coordinates. */
    record Bar(String grade, long subjects, int x, int y, int width, int height, String share) {
    }

    @GetMapping("/admin/evaluation")
    String index(Model model) {
        Map<String, Long> counts = repository.distribution();
        List<String> grades = new ArrayList<>();
        evaluations.modelOn(java.time.LocalDate.now(clock)).ifPresent(m ->
                m.grades().forEach(g -> grades.add(g.grade())));
        counts.keySet().stream().filter(g -> !grades.contains(g)).forEach(grades::add);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (int i = 0; i < grades.size(); i++) {
            long n = counts.getOrDefault(grades.get(i), 0L);
            ordered.put(grades.get(i), n);
            int height = (int) Math.round((double) n / max * CHART_HEIGHT);
            bars.add(new Bar(grades.get(i), n, 40 + i * (BAR_WIDTH + GAP), 20 + CHART_HEIGHT - height, BAR_WIDTH, height,
                    total == 0 ? "0%" : String.format("%.1f%%", 100.0 * n / total)));
        }
        var last = repository.lastFinishedRun();
        model.addAttribute("bars", bars);
        model.addAttribute("chartWidth", 40 + grades.size() * (BAR_WIDTH + GAP));
        model.addAttribute("distribution", ordered);
        model.addAttribute("total", total);
        model.addAttribute("lastRun", last.orElse(null));
        model.addAttribute("movements", repository.movementsSince(last.map(EvaluationRepository.Run::finishedAt).orElse(Instant.EPOCH)));
        model.addAttribute("models", evaluations.models());
        model.addAttribute("pending", repository.pending());
        return "evaluation/index";
    }

    @PostMapping("/admin/evaluation/runs")
    @PreAuthorize("hasRole('ADMIN')")
    String run(RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "已开始对所有主体进行评价（运行 " + evaluations.startRun(Caller.current()) + "）");
        return "redirect:/admin/evaluation";
    }
}

package gongxin.exchange;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import gongxin.identity.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 平台交换 for staff: the push queue's counts and the wait of its oldest item, the items by status (a department's
 * staff see theirs, with the province's reason for a rejection), a resend, a push now, and the upstream sources with a
 * pull now (administrators act; the others look).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'OPERATOR', 'REVIEWER')")
class ExchangePages {

    private final OutboundRepository outbound;
    private final Deliveries deliveries;
    private final UpstreamPulls pulls;
    private final ExchangeProperties properties;
    private final Exports exports;
    private final Clock clock;

    ExchangePages(OutboundRepository outbound, Deliveries deliveries, UpstreamPulls pulls, ExchangeProperties properties,
                  Exports exports, Clock clock) {
        this.exports = exports;
        this.outbound = outbound;
        this.deliveries = deliveries;
        this.pulls = pulls;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/admin/exchange")
    String index(@RequestParam(defaultValue = "PENDING") String status, Model model) {
        String department = Deliveries.departmentSeen(Caller.current());
        OutboundRepository.Status s;
        try {
            s = OutboundRepository.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            s = OutboundRepository.Status.PENDING;
        }
        OutboundRepository.Stats stats = outbound.stats(department);
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("PENDING", "待推送");
        statuses.put("DELIVERED", "已推送");
        statuses.put("REJECTED", "被拒收");
        model.addAttribute("pushing", properties.pushing());
        model.addAttribute("department", department);
        model.addAttribute("stats", stats);
        model.addAttribute("state", outbound.state());
        model.addAttribute("oldestSeconds", stats.oldestPending() == null ? null
                : Math.max(0, Duration.between(stats.oldestPending(), clock.instant()).toSeconds()));
        model.addAttribute("status", s.name());
        model.addAttribute("statuses", statuses);
        model.addAttribute("items", outbound.list(s, department, 0, 100));
        model.addAttribute("sources", pulls.sources());
        model.addAttribute("monthAgo", java.time.LocalDate.now(clock).minusMonths(1));
        return "exchange/index";
    }

    /** The 双公示 file, for the session's declared purpose (staff declare it before pages with non-public data). */
    @GetMapping("/admin/exchange/export")
    @PreAuthorize("hasRole('ADMIN')")
    void export(@RequestParam(required = false) String item,
                @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate since,
                @RequestParam(required = false) String format, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        ExchangeApi.export(exports, item, since, format, request, response);
    }

    @PostMapping("/admin/exchange/delivery")
    @PreAuthorize("hasRole('ADMIN')")
    String deliver(RedirectAttributes redirect) {
        Deliveries.Run run = deliveries.drain();
        redirect.addFlashAttribute("notice", run.failed() ? "省级平台暂不可用，已推送 " + run.delivered() + " 条，其余稍后自动重试"
                : "已推送 " + run.delivered() + " 条" + (run.rejected() > 0 ? "，被拒收 " + run.rejected() + " 条" : ""));
        return "redirect:/admin/exchange";
    }

    @PostMapping("/admin/exchange/resend")
    @PreAuthorize("hasRole('ADMIN')")
    String resend(@RequestParam String key, RedirectAttributes redirect) {
        if (deliveries.resend(key)) {
            redirect.addFlashAttribute("notice", key + " 将重新推送");
        }
        return "redirect:/admin/exchange";
    }

    @PostMapping("/admin/exchange/pull")
    @PreAuthorize("hasRole('ADMIN')")
    String pull(@RequestParam String source, RedirectAttributes redirect) {
        try {
            UpstreamPulls.Pull pull = pulls.pull(source, Caller.current().name());
            redirect.addFlashAttribute("notice", "拉取 " + pull.pulled() + " 条：新增 " + pull.created() + "，移出 " + pull.removed()
                    + "，未变 " + pull.unchanged() + (pull.refused().isEmpty() ? "" : "，拒收 " + pull.refused().size()));
        } catch (UpstreamPulls.SourceUnavailable e) {
            redirect.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/admin/exchange";
    }
}

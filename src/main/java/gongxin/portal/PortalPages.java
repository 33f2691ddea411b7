package gongxin.portal;

import java.time.Clock;
import java.time.LocalDate;

import gongxin.calendar.Calendars;
import gongxin.calendar.Deadline;
import gongxin.calendar.WorkingCalendar;
import gongxin.shared.Identifiers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public home page and its tools; they work without JavaScript. */
@Controller
@PreAuthorize("permitAll()")
class PortalPages {

    private final Calendars calendars;
    private final Clock clock;

    PortalPages(Calendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("today", LocalDate.now(clock));
        return "portal/home";
    }

    @GetMapping("/tools/identifier")
    String identifier(@RequestParam(required = false) String value, Model model) {
        model.addAttribute("today", LocalDate.now(clock));
        if (value != null && !value.isBlank()) {
            model.addAttribute("identifier", Identifiers.classify(value, LocalDate.now(clock)));
        }
        return "portal/home";
    }

    @GetMapping("/tools/working-days")
    String workingDays(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) Integer days, Model model) {
        model.addAttribute("today", LocalDate.now(clock));
        if (from != null && days != null) {
            if (Math.abs(days) > WorkingCalendar.MAX_DAYS) {
                model.addAttribute("daysError", "工作日数的绝对值不能超过 " + WorkingCalendar.MAX_DAYS);
            } else {
                Deadline deadline = calendars.current().addWorkingDays(from, days);
                model.addAttribute("deadline", deadline);
                model.addAttribute("from", from);
                model.addAttribute("days", days);
            }
        }
        return "portal/home";
    }
}

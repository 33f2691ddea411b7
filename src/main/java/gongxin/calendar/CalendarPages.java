package gongxin.calendar;

import java.io.IOException;

import gongxin.shared.RuleViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('ADMIN')")
class CalendarPages {

    private final CalendarService calendars;

    CalendarPages(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GetMapping
    String years(Model model) {
        model.addAttribute("years", calendars.years());
        return "calendar/years";
    }

    @PostMapping
    String load(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("formError", "请选择 holiday-cn 格式的 JSON 文件");
            return years(model);
        }
        try {
            CalendarService.LoadedYear year = calendars.load(file.getBytes(), file.getOriginalFilename(),
                    SecurityContextHolder.getContext().getAuthentication().getName());
            redirect.addFlashAttribute("notice", "已导入 " + year.year() + " 年节假日安排：放假 " + year.offDays()
                    + " 天，调休上班 " + year.makeUpDays() + " 天");
            return "redirect:/admin/calendar";
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            return years(model);
        }
    }
}

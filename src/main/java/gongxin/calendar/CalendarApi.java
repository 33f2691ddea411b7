package gongxin.calendar;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import gongxin.shared.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Statutory working-day arithmetic for anyone, and loading a new year's announcement for the administrator. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

    private final CalendarService calendars;

    CalendarApi(CalendarService calendars) {
        this.calendars = calendars;
    }

    /** The date {@code days} working days after {@code from}; {@code provisional} when a needed year is not loaded. */
    @Operation(summary = "按法定工作日推算日期")
    @GetMapping("/add-working-days")
    @PreAuthorize("permitAll()")
    AddedWorkingDays addWorkingDays(@RequestParam LocalDate from, @RequestParam int days) {
        if (Math.abs(days) > WorkingCalendar.MAX_DAYS) {
            throw RuleViolationException.of("days", Integer.toString(days), "range",
                    "days 的绝对值不能超过 " + WorkingCalendar.MAX_DAYS);
        }
        Deadline deadline = calendars.current().addWorkingDays(from, days);
        return new AddedWorkingDays(from, days, deadline.date(), deadline.provisional());
    }

    /** How many working days lie after {@code from} up to and including {@code to}. */
    @Operation(summary = "两日之间的法定工作日数")
    @GetMapping("/working-days-between")
    @PreAuthorize("permitAll()")
    WorkingDaysBetween between(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (Math.abs(to.toEpochDay() - from.toEpochDay()) > 36_600) {
            throw RuleViolationException.of("to", to.toString(), "range", "起止日期相距不能超过 100 年");
        }
        WorkingDayCount count = calendars.current().workingDaysBetween(from, to);
        return new WorkingDaysBetween(from, to, count.days(), count.provisional());
    }

    @Operation(summary = "某日是否工作日")
    @GetMapping("/days/{date}")
    @PreAuthorize("permitAll()")
    Day day(@org.springframework.web.bind.annotation.PathVariable LocalDate date) {
        WorkingCalendar calendar = calendars.current();
        return new Day(date, calendar.isWorkingDay(date), !calendar.isLoaded(date.getYear()));
    }

    @Operation(summary = "已载入的节假日年份")
    @GetMapping("/years")
    @PreAuthorize("permitAll()")
    List<CalendarService.LoadedYear> years() {
        return calendars.years();
    }

    /** Loads (or replaces) a year from a holiday-cn JSON file, sent as the part {@code file}. */
    @Operation(summary = "载入一年的节假日安排（信用办）")
    @PostMapping(path = "/years", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    CalendarService.LoadedYear load(@RequestPart("file") MultipartFile file) throws IOException {
        return calendars.load(file.getBytes(), file.getOriginalFilename() == null ? "上传文件" : file.getOriginalFilename(),
                SecurityContextHolder.getContext().getAuthentication().getName());
    }

    record AddedWorkingDays(LocalDate from, int days, LocalDate date, boolean provisional) {
    }

    record WorkingDaysBetween(LocalDate from, LocalDate to, int workingDays, boolean provisional) {
    }

    record Day(LocalDate date, boolean workingDay, boolean provisional) {
    }
}

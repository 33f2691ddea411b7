package gongxin.portal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gongxin.catalog.RuleSets;
import gongxin.identity.Departments;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The public credit website's pages: search, subject pages, 双公示 and list pages, repair guide, reports. */
@Controller
@PreAuthorize("permitAll()")
class PublicPages {

    private static final Map<String, Section> PUBLICITY = Map.of("licences", Section.LICENCE, "penalties", Section.PENALTY);
    private static final Map<String, Section> LISTS = Map.of("serious-dishonesty", Section.SERIOUS_DISHONESTY,
            "red", Section.RED_LIST, "abnormal", Section.ABNORMAL);

    private final PublicCredit credit;
    private final CreditReports reports;
    private final Departments departments;
    private final RuleSets ruleSets;
    private final PortalProperties properties;
    private final SubjectGrades grades;

    PublicPages(PublicCredit credit, CreditReports reports, Departments departments, RuleSets ruleSets,
                PortalProperties properties, SubjectGrades grades) {
        this.properties = properties;
        this.grades = grades;
        this.credit = credit;
        this.reports = reports;
        this.departments = departments;
        this.ruleSets = ruleSets;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("result", credit.search(q, page));
            } catch (RuleViolationException e) {
                model.addAttribute("searchError", message(e));
            }
        }
        return "portal/search";
    }

    /** Natural persons: full name and ID number, sent by POST so that the number stays out of addresses and logs. */
    @PostMapping("/search/person")
    String person(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber, Model model) {
        try {
            return credit.person(name, idNumber).map(v -> "redirect:/subjects/" + v.subject().publicId()).orElseGet(() -> {
                model.addAttribute("personError", "未找到该自然人的公示信息（姓名与身份证号码须一致）");
                return "portal/search";
            });
        } catch (RuleViolationException e) {
            model.addAttribute("personError", message(e));
            return "portal/search";
        }
    }

    @GetMapping("/subjects/{code}")
    String subject(@PathVariable String code, Model model) {
        PublicCredit.SubjectView view = credit.subject(code)
                .orElseThrow(() -> new NotFoundException("未找到代码为“" + code + "”的主体"));
        model.addAttribute("view", view);
        model.addAttribute("today", credit.today());
        model.addAttribute("grade", properties.showGrades() ? grades.of(view.subject(), credit.today()).orElse(null) : null);
        return "portal/subject";
    }

    /** 双公示 pages ({@code /publicity/licences}, {@code /publicity/penalties}) and list pages ({@code /lists/…}). */
    @GetMapping({"/publicity/{kind}", "/lists/{kind}"})
    String list(@PathVariable String kind, @RequestParam(required = false) String department,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "1") int page, jakarta.servlet.http.HttpServletRequest request, Model model) {
        String path = request.getServletPath();
        Section section = (path.startsWith("/publicity/") ? PUBLICITY : LISTS).get(kind);
        if (section == null) {
            throw new NotFoundException("没有这个公示栏目");
        }
        return list(section, path, department, from, to, page, model);
    }

    private String list(Section section, String path, String department, LocalDate from, LocalDate to, int page, Model model) {
        model.addAttribute("section", section);
        model.addAttribute("path", path);
        model.addAttribute("rows", credit.latest(section, department, from, to, page));
        model.addAttribute("departments", departments.all());
        model.addAttribute("department", department);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("page", Math.max(page, 1));
        return "portal/list";
    }

    @GetMapping("/guide/repair")
    String repairGuide(Model model) {
        LocalDate today = credit.today();
        model.addAttribute("ruleSet", ruleSets.inForceOn(today).orElse(null));
        model.addAttribute("today", today);
        return "portal/repair";
    }

    @GetMapping("/reports")
    String reportForm(@RequestParam(required = false) String code, @RequestParam(required = false) String error, Model model) {
        model.addAttribute("code", code);
        if (error != null) {
            model.addAttribute("formError", REPORT_ERRORS.getOrDefault(error, "无法出具报告"));
        }
        model.addAttribute("departments", departments.all());
        return "portal/report";
    }

    private static final Map<String, String> REPORT_ERRORS = Map.of(
            "not-found", "未找到该统一社会信用代码的主体",
            "organisation-only", "自然人的信用报告须本人身份核验后在线下窗口办理",
            "period", "报告期起始日不能晚于截止日",
            "not-future", "报告期截止日不能晚于今天",
            "special-at-window", "专项信用报告（代替无违法违规记录证明）载有未公示的信息，仅由服务窗口工作人员核验申请人身份后出具，"
                    + "或由有权机关通过系统申请；公众可下载公共信用信息报告",
            "purpose-required", "出具专项信用报告须填写查询目的");

    /** The PDF itself, or back to the form with the reason (a known reason code, never free text from the address). */
    @PostMapping("/reports")
    ResponseEntity<?> report(@RequestParam String code, @RequestParam(defaultValue = "FULL") CreditReports.Kind kind,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) List<String> domains,
                             @RequestParam(required = false) String purpose) {
        String error;
        try {
            return PublicApi.pdf(reports.issue(new CreditReports.Request(code, kind, from, to,
                    CreditReports.domainsOf(domains), purpose)));
        } catch (RuleViolationException e) {
            error = e.violations().get(0).rule();
        } catch (NotFoundException e) {
            error = "not-found";
        } catch (AccessDeniedException e) {
            error = "special-at-window";
        }
        return ResponseEntity.status(303).location(org.springframework.web.util.UriComponentsBuilder.fromPath("/reports")
                .queryParam("code", code).queryParam("error", error).encode().build().toUri()).build();
    }

    private static String message(RuleViolationException e) {
        return e.violations().isEmpty() ? e.title() : e.violations().get(0).message();
    }

    @GetMapping("/reports/verify")
    String verifyForm() {
        return "portal/verify";
    }

    @PostMapping("/reports/verify")
    String verify(@RequestParam String number, @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        model.addAttribute("number", number);
        if (file == null || file.isEmpty()) {
            model.addAttribute("verification", reports.verify(number, null));
        } else {
            try (java.io.InputStream in = file.getInputStream()) {
                model.addAttribute("verification", reports.verify(number, in));
            }
        }
        return "portal/verify";
    }
}

package gongxin.collection;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import gongxin.audit.Purpose;
import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.identity.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** 数据报送: an operator uploads files, follows their processing, fixes refused rows; and the timeliness pages. */
@Controller
@RequestMapping("/collection")
@PreAuthorize("hasAnyRole('OPERATOR', 'REVIEWER', 'ADMIN', 'AUDITOR')")
class CollectionPages {

    private final SubmissionService submissions;
    private final CollectionApi statistics;
    private final Catalog catalog;
    private final Clock clock;

    CollectionPages(SubmissionService submissions, CollectionApi statistics, Catalog catalog, Clock clock) {
        this.submissions = submissions;
        this.statistics = statistics;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping
    String index(Model model) {
        String department = Caller.current().departmentCode();
        List<CatalogItem> items = catalog.itemsInForce(LocalDate.now(clock)).stream()
                .sorted(Comparator.comparing((CatalogItem i) -> !i.providedBy(department)).thenComparing(CatalogItem::code)).toList();
        model.addAttribute("items", items);
        model.addAttribute("department", department);
        model.addAttribute("batches", submissions.recent(50));
        return "collection/index";
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String item,
                  @RequestParam(defaultValue = "false") boolean allowPilotEraCodes) {
        Submission submission = submissions.submitFile(SubmissionApi.upload(file),
                new SubmissionService.Options(item == null || item.isBlank() ? null : item, allowPilotEraCodes, null));
        return "redirect:/collection/batches/" + submission.id();
    }

    @GetMapping("/batches/{id}")
    String batch(@PathVariable UUID id, Model model, HttpServletRequest request) {
        Purpose purpose = Purpose.declared(request);
        model.addAttribute("batch", submissions.batch(id));
        model.addAttribute("submission", submissions.get(id));
        submissions.auditRead(id, "batch", purpose);
        return "collection/batch";
    }

    @GetMapping("/batches/{id}/errors.xlsx")
    void errors(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SubmissionApi.writeErrors(submissions, id, Purpose.declared(request), response);
    }

    @GetMapping("/timeliness")
    String timeliness(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) String department, Model model) {
        CollectionApi.TimelinessStatistics report = statistics.timeliness(from, to, department);
        model.addAttribute("report", report);
        return "collection/timeliness";
    }
}

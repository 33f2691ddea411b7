package gongxin.catalog;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The catalog and the rule sets, by date; changes by the credit office administrator. */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CatalogService catalog;
    private final RuleSetService ruleSets;

    CatalogApi(CatalogService catalog, RuleSetService ruleSets) {
        this.catalog = catalog;
        this.ruleSets = ruleSets;
    }

    @Operation(summary = "目录版本列表")
    @GetMapping("/editions")
    @PreAuthorize("isAuthenticated()")
    List<Edition> editions() {
        return catalog.editions();
    }

    /** The items in force on {@code on} (today when absent), optionally filtered by a name or code fragment. */
    @Operation(summary = "某日适用的目录信息项（分页、可检索）")
    @GetMapping("/items")
    @PreAuthorize("isAuthenticated()")
    ItemPage items(@RequestParam(required = false) LocalDate on, @RequestParam(required = false) String q,
                   @RequestParam(required = false) Integer category, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "50") int size) {
        LocalDate date = on == null ? catalog.today() : on;
        int pageSize = Math.min(Math.max(size, 1), 200);
        List<CatalogItem> matching = catalog.itemsInForce(date).stream()
                .filter(i -> q == null || q.isBlank() || i.name().contains(q.trim())
                        || i.code().contains(q.trim().toUpperCase(Locale.ROOT)))
                .filter(i -> category == null || i.categoryNo() == category)
                .toList();
        int from = (int) Math.min((long) Math.max(page, 0) * pageSize, matching.size());
        Edition edition = catalog.editionInForce(date).orElse(null);
        return new ItemPage(date, edition == null ? null : edition.code(), matching.size(), Math.max(page, 0), pageSize,
                matching.subList(from, Math.min(from + pageSize, matching.size())));
    }

    @Operation(summary = "一个目录信息项（某日适用的版本）")
    @GetMapping("/items/{code}")
    @PreAuthorize("isAuthenticated()")
    CatalogItem item(@PathVariable String code, @RequestParam(required = false) LocalDate on) {
        LocalDate date = on == null ? catalog.today() : on;
        return catalog.itemInForce(code, date)
                .orElseThrow(() -> new NotFoundException(date + " 在用的目录中没有信息项“" + code + "”"));
    }

    @Operation(summary = "一个信息项的全部版本")
    @GetMapping("/items/{code}/versions")
    @PreAuthorize("isAuthenticated()")
    List<CatalogItem> versions(@PathVariable String code) {
        return catalog.versions(code);
    }

    /** Records a new version of an item (or the item's first version). */
    @Operation(summary = "登记信息项的新版本（信用办）")
    @PostMapping("/items/{code}/versions")
    @PreAuthorize("hasRole('ADMIN')")
    CatalogItem recordVersion(@PathVariable String code, @RequestBody ItemRequest request) {
        return catalog.record(request.toDraft(code.toUpperCase(Locale.ROOT)));
    }

    @Operation(summary = "导出目录（XLSX）")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "目录（XLSX）",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = XLSX,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping(value = "/export", produces = XLSX)
    @PreAuthorize("isAuthenticated()")
    void export(@RequestParam(required = false) LocalDate on, HttpServletResponse response) throws IOException {
        LocalDate date = on == null ? catalog.today() : on;
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode("公共信用信息目录-" + date + ".xlsx", java.nio.charset.StandardCharsets.UTF_8));
        catalog.export(date, response.getOutputStream());
    }

    @Operation(summary = "导入目录（XLSX，信用办）")
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    CatalogService.ImportResult importWorkbook(@RequestPart("file") MultipartFile file,
                                               @RequestParam(required = false) LocalDate effectiveFrom) throws IOException {
        try (var in = file.getInputStream()) {
            return catalog.importWorkbook(in, effectiveFrom);
        }
    }

    @Operation(summary = "公示期限规则集列表")
    @GetMapping("/rule-sets")
    @PreAuthorize("isAuthenticated()")
    List<RuleSet> ruleSets() {
        return ruleSets.all();
    }

    @Operation(summary = "某日适用的规则集")
    @GetMapping("/rule-sets/in-force")
    @PreAuthorize("isAuthenticated()")
    RuleSet ruleSetInForce(@RequestParam(required = false) LocalDate on) {
        LocalDate date = on == null ? catalog.today() : on;
        return ruleSets.inForceOn(date).orElseThrow(() -> new NotFoundException(date + " 没有生效的规则集"));
    }

    @Operation(summary = "登记规则集（信用办）")
    @PostMapping("/rule-sets")
    @PreAuthorize("hasRole('ADMIN')")
    RuleSet recordRuleSet(@RequestBody RuleSet ruleSet) {
        return ruleSets.record(ruleSet);
    }

    @Operation(summary = "某日适用的法定时限")
    @GetMapping("/deadlines")
    @PreAuthorize("isAuthenticated()")
    List<StatutoryDeadline> deadlines(@RequestParam(required = false) LocalDate on) {
        if (on == null) {
            return ruleSets.deadlines();
        }
        return ruleSets.deadlines().stream().map(StatutoryDeadline::code).distinct()
                .map(code -> ruleSets.deadline(code, on)).flatMap(java.util.Optional::stream).toList();
    }

    @Operation(summary = "登记法定时限（信用办）")
    @PostMapping("/deadlines")
    @PreAuthorize("hasRole('ADMIN')")
    StatutoryDeadline recordDeadline(@RequestBody StatutoryDeadline deadline) {
        return ruleSets.recordDeadline(deadline);
    }

    record ItemPage(LocalDate on, String edition, long total, int page, int size, List<CatalogItem> items) {
    }

    /** A new item version as sent to the API: enumerations by code or Chinese label. */
    record ItemRequest(LocalDate effectiveFrom, Boolean withdrawn, String name, Integer categoryNo, String behaviour,
                       String provider, String legalBasis, String nature, String shareAttribute, String disclosure,
                       String infoType, String publicity, Integer publicityMonths, Integer retentionYears,
                       String defaultSeverity, String scope, Boolean example, List<String> departments,
                       List<ItemField> fields, String changeNote, String timelinessDeadline, String basisDocumentType) {

        ItemDraft toDraft(String code) {
            List<RuleViolation> v = new ArrayList<>();
            ItemDraft draft = new ItemDraft(code, effectiveFrom, Boolean.TRUE.equals(withdrawn), name, categoryNo,
                    behaviour, provider, legalBasis, parse(Nature.class, "nature", nature, v),
                    parse(ShareAttribute.class, "shareAttribute", shareAttribute, v),
                    parse(Disclosure.class, "disclosure", disclosure, v), infoType,
                    parse(Publicity.class, "publicity", publicity, v), publicityMonths, retentionYears,
                    parse(Severity.class, "defaultSeverity", defaultSeverity, v), parse(CatalogScope.class, "scope", scope, v),
                    Boolean.TRUE.equals(example), departments, fields, changeNote, timelinessDeadline, basisDocumentType);
            if (!v.isEmpty()) {
                throw new RuleViolationException("目录信息项不符合规则", v);
            }
            return draft;
        }

        private static <E extends Enum<E> & Labeled> E parse(Class<E> type, String field, String value, List<RuleViolation> v) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return Labeled.parse(type, value).orElseGet(() -> {
                v.add(RuleViolation.of(field, value, "one-of", field + " 的取值无效"));
                return null;
            });
        }
    }
}

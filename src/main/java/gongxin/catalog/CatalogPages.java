package gongxin.catalog;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import gongxin.identity.Departments;
import gongxin.shared.ConflictException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 目录管理: the catalog by date, item histories, new versions, XLSX import, and the rule sets. */
@Controller
@RequestMapping("/catalog")
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'REVIEWER', 'AUDITOR')")
class CatalogPages {

    private final CatalogService catalog;
    private final RuleSetService ruleSets;
    private final Departments departments;

    CatalogPages(CatalogService catalog, RuleSetService ruleSets, Departments departments) {
        this.catalog = catalog;
        this.ruleSets = ruleSets;
        this.departments = departments;
    }

    @ModelAttribute("labels")
    Labels labels() {
        return new Labels(Nature.values(), ShareAttribute.values(), Disclosure.values(), Publicity.values(),
                Severity.values(), CatalogScope.values(), FieldType.values());
    }

    @GetMapping
    String index(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                 @RequestParam(required = false) String q, @RequestParam(required = false) Integer category, Model model) {
        LocalDate date = on == null ? catalog.today() : on;
        List<Edition> editions = catalog.editions();
        Optional<Edition> inForce = catalog.editionInForce(date);
        List<CatalogItem> items = catalog.itemsInForce(date).stream()
                .filter(i -> q == null || q.isBlank() || i.name().contains(q.trim()) || i.code().contains(q.trim().toUpperCase(Locale.ROOT)))
                .filter(i -> category == null || i.categoryNo() == category)
                .toList();
        model.addAttribute("on", date);
        model.addAttribute("editions", editions);
        model.addAttribute("edition", inForce.orElse(null));
        model.addAttribute("items", items);
        return "catalog/index";
    }

    @GetMapping("/items/{code}")
    String item(@PathVariable String code, Model model) {
        List<CatalogItem> versions = catalog.versions(code);
        model.addAttribute("versions", versions);
        model.addAttribute("current", catalog.itemInForce(code, catalog.today()).orElse(null));
        model.addAttribute("latest", versions.get(0));
        return "catalog/item";
    }

    @GetMapping("/items/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newItem(@RequestParam(required = false) String from, Model model) {
        ItemForm form = from == null ? ItemForm.empty(catalog.today())
                : ItemForm.of(catalog.versions(from).get(0), catalog.today());
        return form(model, form, from != null);
    }

    @PostMapping("/items")
    @PreAuthorize("hasRole('ADMIN')")
    String record(@ModelAttribute ItemForm form, Model model, RedirectAttributes redirect) {
        try {
            CatalogItem item = catalog.record(form.toDraft());
            redirect.addFlashAttribute("notice", "已记录信息项“" + item.name() + "”第 " + item.version()
                    + " 版，自 " + item.effectiveFrom() + " 起适用");
            return "redirect:/catalog/items/" + item.code();
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
            return form(model, form, form.existing());
        }
    }

    private String form(Model model, ItemForm form, boolean existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("editions", catalog.editions());
        model.addAttribute("departments", departments.all());
        return "catalog/item-form";
    }

    @GetMapping("/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importPage() {
        return "catalog/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importWorkbook(@RequestParam("file") MultipartFile file,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                          Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("formError", "请选择 XLSX 文件");
            return "catalog/import";
        }
        try (var in = file.getInputStream()) {
            model.addAttribute("result", catalog.importWorkbook(in, effectiveFrom));
        } catch (RuleViolationException e) {
            model.addAttribute("formError", e.title());
            model.addAttribute("violations", e.violations());
        }
        return "catalog/import";
    }

    @GetMapping("/rule-sets")
    String ruleSets(Model model) {
        model.addAttribute("ruleSets", ruleSets.all());
        model.addAttribute("inForce", ruleSets.inForceOn(catalog.today()).orElse(null));
        model.addAttribute("deadlines", ruleSets.deadlines());
        model.addAttribute("today", catalog.today());
        return "catalog/rule-sets";
    }

    @PostMapping("/rule-sets")
    @PreAuthorize("hasRole('ADMIN')")
    String recordRuleSet(@RequestParam String code, @RequestParam String name, @RequestParam String basis,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                         @RequestParam(required = false) String note,
                         @RequestParam(required = false) List<String> minMonths, @RequestParam List<String> maxMonths,
                         @RequestParam(required = false) List<String> published,
                         @RequestParam(required = false) List<String> exclusions,
                         Model model, RedirectAttributes redirect) {
        List<RuleViolation> v = new ArrayList<>();
        List<RuleSet.PublicityPeriod> periods = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < severities.length; i++) {
            Integer min = integer(minMonths, i, "minMonths." + severities[i].name(), v);
            Integer max = integer(maxMonths, i, "maxMonths." + severities[i].name(), v);
            periods.add(new RuleSet.PublicityPeriod("ADMINISTRATIVE_PENALTY", severities[i], min, max == null ? 0 : max,
                    published != null && published.contains(severities[i].name())));
        }
        List<RuleSet.Exclusion> chosen = ruleSets.all().stream().flatMap(s -> s.exclusions().stream())
                .filter(e -> exclusions != null && exclusions.contains(e.code()))
                .collect(java.util.stream.Collectors.toMap(RuleSet.Exclusion::code, e -> e, (a, b) -> a, java.util.LinkedHashMap::new))
                .values().stream().toList();
        try {
            if (!v.isEmpty()) {
                throw new RuleViolationException("规则集不符合规则", v);
            }
            RuleSet set = ruleSets.record(new RuleSet(Text.normalizeIdentifier(code), Text.normalize(name),
                    Text.normalize(basis), effectiveFrom, Text.normalize(note), periods, chosen));
            redirect.addFlashAttribute("notice", "已记录规则集“" + set.name() + "”，自 " + set.effectiveFrom() + " 起适用");
            return "redirect:/catalog/rule-sets";
        } catch (RuleViolationException | ConflictException e) {
            model.addAttribute("formError", e instanceof RuleViolationException r ? r.title() : e.getMessage());
            if (e instanceof RuleViolationException r) {
                model.addAttribute("violations", r.violations());
            }
            return ruleSets(model);
        }
    }

    @PostMapping("/deadlines")
    @PreAuthorize("hasRole('ADMIN')")
    String recordDeadline(@RequestParam String code,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                          @RequestParam int workingDays, @RequestParam String name, @RequestParam String basis,
                          Model model, RedirectAttributes redirect) {
        try {
            ruleSets.recordDeadline(new StatutoryDeadline(Text.normalizeIdentifier(code), effectiveFrom, workingDays,
                    Text.clean(name), Text.clean(basis)));
            redirect.addFlashAttribute("notice", "已记录期限 " + code + "：自 " + effectiveFrom + " 起 " + workingDays + " 个工作日");
            return "redirect:/catalog/rule-sets";
        } catch (RuleViolationException | ConflictException e) {
            model.addAttribute("formError", e instanceof RuleViolationException r ? r.title() : e.getMessage());
            if (e instanceof RuleViolationException r) {
                model.addAttribute("violations", r.violations());
            }
            return ruleSets(model);
        }
    }

    private static Integer integer(List<String> values, int index, String field, List<RuleViolation> v) {
        if (values == null || index >= values.size() || Text.isBlank(values.get(index))) {
            return null;
        }
        try {
            return Integer.valueOf(Text.normalize(values.get(index)));
        } catch (NumberFormatException e) {
            v.add(RuleViolation.of(field, values.get(index), "integer", "公示期限应为整数（月）"));
            return null;
        }
    }

    /** The enumerations' labels for the page templates. */
    record Labels(Nature[] natures, ShareAttribute[] shareAttributes, Disclosure[] disclosures, Publicity[] publicities,
                  Severity[] severities, CatalogScope[] scopes, FieldType[] fieldTypes) {
    }

    /**
     * The item form as typed. Fields are one per line, the columns of the 字段 sheet from 字段编码 on:
     * {@code 编码 | 名称 | 类型 | 必填 | 可选值 | 说明 | 角色 | 别名 | 主键 | 按主体类别必填 | 条件必填}.
     */
    record ItemForm(String code, LocalDate effectiveFrom, boolean withdrawn, String name, Integer categoryNo,
                    String behaviour, String provider, String legalBasis, String nature, String shareAttribute,
                    String disclosure, String infoType, String publicity, Integer publicityMonths,
                    Integer retentionYears, String defaultSeverity, String scope, boolean example,
                    List<String> departments, String fields, String changeNote, boolean existing,
                    String timelinessDeadline, String basisDocumentType) {

        static ItemForm empty(LocalDate today) {
            return new ItemForm("", today, false, "", null, "", "", "", Nature.BASIC.name(),
                    ShareAttribute.UNCONDITIONAL.name(), Disclosure.PUBLIC.name(), "", Publicity.WHILE_VALID.name(),
                    null, 5, "", CatalogScope.CITY.name(), false, List.of(), "", "", false, "", "");
        }

        static ItemForm of(CatalogItem item, LocalDate today) {
            StringBuilder fields = new StringBuilder();
            for (ItemField f : item.fields()) {
                fields.append(String.join(" | ", f.code(), f.name(), f.type().label(), FieldText.yes(f.required()),
                        FieldText.list(f.values()), f.description() == null ? "" : f.description(), FieldText.role(f.role()),
                        FieldText.list(f.aliases()), FieldText.yes(f.key()), FieldText.categories(f.requiredFor()),
                        FieldText.condition(f.requiredWhen()))).append('\n');
            }
            return new ItemForm(item.code(), today, item.withdrawn(), item.name(), item.categoryNo(), item.behaviour(),
                    item.provider(), item.legalBasis(), item.nature().name(), item.shareAttribute().name(),
                    item.disclosure().name(), item.infoType(), item.publicity().name(), item.publicityMonths(),
                    item.retentionYears(), item.defaultSeverity() == null ? "" : item.defaultSeverity().name(),
                    item.scope().name(), item.example(), item.departments(), fields.toString(), "", true,
                    item.timelinessDeadline() == null ? "" : item.timelinessDeadline(),
                    item.basisDocumentType() == null ? "" : item.basisDocumentType());
        }

        ItemDraft toDraft() {
            List<RuleViolation> v = new ArrayList<>();
            List<ItemField> parsedFields = new ArrayList<>();
            int line = 0;
            for (String row : (fields == null ? "" : fields).split("\\R")) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                String[] c = Arrays.copyOf(Arrays.stream(row.split("\\|", -1)).map(String::strip).toArray(String[]::new), 11);
                for (int i = 0; i < c.length; i++) {
                    c[i] = c[i] == null ? "" : c[i];
                }
                Optional<FieldType> type = Labeled.parse(FieldType.class, c[2]);
                Optional<Optional<FieldRole>> role = FieldText.role(c[6]);
                List<gongxin.shared.SubjectCategory> requiredFor = FieldText.categories(c[9]);
                ItemField.Condition condition;
                try {
                    condition = FieldText.condition(c[10]);
                } catch (IllegalArgumentException e) {
                    condition = null;
                    requiredFor = null;
                }
                if (type.isEmpty() || role.isEmpty() || requiredFor == null) {
                    v.add(RuleViolation.of("fields", row, "format", "字段第 " + line
                            + " 行应为：编码 | 名称 | 类型 | 必填 | 可选值 | 说明 | 角色 | 别名 | 主键 | 按主体类别必填 | 条件必填"));
                    continue;
                }
                parsedFields.add(new ItemField(c[0].toUpperCase(Locale.ROOT), c[1], type.get(), FieldText.yes(c[3]),
                        FieldText.list(c[4]), c[5].isBlank() ? null : c[5], role.get().orElse(null), FieldText.list(c[7]),
                        FieldText.yes(c[8]), requiredFor, condition));
            }
            ItemDraft draft = new ItemDraft(Text.normalizeIdentifier(code), effectiveFrom, withdrawn, name, categoryNo,
                    behaviour, provider, legalBasis, Labeled.parse(Nature.class, nature).orElse(null),
                    Labeled.parse(ShareAttribute.class, shareAttribute).orElse(null),
                    Labeled.parse(Disclosure.class, disclosure).orElse(null), Text.isBlank(infoType) ? null : infoType.strip(),
                    Labeled.parse(Publicity.class, publicity).orElse(null), publicityMonths, retentionYears,
                    Labeled.parse(Severity.class, defaultSeverity).orElse(null),
                    Labeled.parse(CatalogScope.class, scope).orElse(null), example, departments, parsedFields,
                    Text.isBlank(changeNote) ? null : changeNote.strip(),
                    Text.isBlank(timelinessDeadline) ? null : Text.normalizeIdentifier(timelinessDeadline),
                    Text.isBlank(basisDocumentType) ? null : Text.clean(basisDocumentType));
            if (!v.isEmpty()) {
                throw new RuleViolationException("目录信息项不符合规则", v);
            }
            return draft;
        }
    }
}

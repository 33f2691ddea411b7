package gongxin.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import gongxin.audit.AuditLog;
import gongxin.identity.Departments;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CatalogService implements Catalog {

    private final CatalogRepository repository;
    private final CatalogWorkbook workbook;
    private final Departments departments;
    private final AuditLog audit;
    private final Clock clock;

    CatalogService(CatalogRepository repository, CatalogWorkbook workbook, Departments departments, AuditLog audit,
                   Clock clock) {
        this.repository = repository;
        this.workbook = workbook;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<CatalogItem> itemInForce(String code, LocalDate on) {
        return repository.itemInForce(code, on);
    }

    @Override
    public List<CatalogItem> itemsInForce(LocalDate on) {
        return repository.itemsInForce(on);
    }

    @Override
    public List<CatalogItem> history(String code) {
        return repository.versions(code);
    }

    List<CatalogItem> versions(String code) {
        List<CatalogItem> versions = repository.versions(code);
        if (versions.isEmpty()) {
            throw new NotFoundException("目录信息项“" + code + "”不存在");
        }
        return versions;
    }

    List<Edition> editions() {
        return repository.editions();
    }

    Optional<Edition> editionInForce(LocalDate on) {
        return editions().stream().filter(e -> !e.effectiveFrom().isAfter(on)).reduce((a, b) -> b);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Records a new version of an item (creating the item with its first version); refused drafts change nothing. */
    @Transactional
    CatalogItem record(ItemDraft draft) {
        List<RuleViolation> violations = check(draft);
        if (!violations.isEmpty()) {
            throw new RuleViolationException("目录信息项不符合规则", violations);
        }
        return insert(draft);
    }

    /** Records several drafts together: all of them, or (if any is refused) none. */
    @Transactional
    List<CatalogItem> recordAll(List<ItemDraft> drafts) {
        List<RuleViolation> violations = new ArrayList<>();
        for (ItemDraft draft : drafts) {
            check(draft).forEach(v -> violations.add(RuleViolation.of(draft.code() + "." + v.field(), v.value(), v.rule(), v.message())));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException("目录信息项不符合规则", violations);
        }
        List<CatalogItem> recorded = new ArrayList<>();
        for (ItemDraft draft : drafts) {
            recorded.add(insert(draft));
        }
        return recorded;
    }

    private CatalogItem insert(ItemDraft draft) {
        Edition edition = editionInForce(draft.effectiveFrom()).orElseThrow();
        String categoryName = edition.categories().stream().filter(c -> c.no() == draft.categoryNo())
                .map(Edition.Category::name).findFirst().orElseThrow();
        int version = repository.nextVersion(draft.code(), clock.instant());
        CatalogItem item = new CatalogItem(draft.code(), version, draft.effectiveFrom(), draft.withdrawn(),
                Text.clean(draft.name()), edition.code(), draft.categoryNo(), categoryName, draft.behaviour(),
                draft.provider(), draft.legalBasis(), draft.nature(), draft.shareAttribute(), draft.disclosure(),
                draft.infoType(), draft.publicity(), draft.publicityMonths(), draft.retentionYears(),
                draft.defaultSeverity(), draft.scope(), draft.example(), draft.departments(), draft.fields(),
                draft.changeNote(), clock.instant(), actor(), draft.timelinessDeadline(), draft.basisDocumentType());
        repository.insertVersion(item);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("effectiveFrom", draft.effectiveFrom().toString());
        details.put("withdrawn", draft.withdrawn());
        details.put("name", item.name());
        details.put("changeNote", draft.changeNote());
        audit.record("CATALOG_ITEM_VERSION_RECORDED", "catalog_item", draft.code(), details);
        return item;
    }

    /**
     * Imports a workbook in the layout of {@link CatalogWorkbook}: every row that differs from the version that
     * applies on its date becomes a new version. Any refused row refuses the whole workbook (all errors are listed)
     * and nothing is written.
     */
    @Transactional
    ImportResult importWorkbook(java.io.InputStream in, LocalDate defaultEffectiveFrom) {
        CatalogWorkbook.Sheets sheets;
        try {
            sheets = workbook.read(in);
        } catch (RuntimeException e) {
            throw RuleViolationException.of("file", null, "xlsx", "无法读取文件：请上传由本平台导出或按其格式填写的 XLSX 文件");
        }
        List<RuleViolation> errors = new ArrayList<>();
        for (String header : List.of("信息项编码", "信息项名称", "类别序号", "记录的行为", "提供单位", "设定依据", "信息性质",
                "共享属性", "公开属性", "公示方式", "目录层级")) {
            if (!sheets.itemHeaders().contains(Text.normalize(header))) {
                errors.add(RuleViolation.of(CatalogWorkbook.ITEMS_SHEET + "!表头", null, "header", "缺少列“" + header + "”"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("目录文件格式不符", errors);
        }
        if (sheets.tooManyRows()) {
            throw RuleViolationException.of("file", null, "max-rows", "文件行数超过 " + CatalogWorkbook.MAX_ROWS + " 行");
        }
        if (sheets.itemRows().isEmpty()) {
            throw RuleViolationException.of("file", null, "empty", "工作表“" + CatalogWorkbook.ITEMS_SHEET + "”中没有数据行");
        }
        Map<String, String> headerOf = new LinkedHashMap<>();
        CatalogWorkbook.ITEM_COLUMNS.forEach((header, property) -> headerOf.put(property, header));
        List<ItemDraft> accepted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CatalogWorkbook.ImportRow row : workbook.drafts(sheets, defaultEffectiveFrom, errors)) {
            ItemDraft draft = row.draft();
            if (!row.fieldsGiven() && draft.code() != null && draft.effectiveFrom() != null) {
                draft = draft.withFields(repository.latestOn(draft.code(), draft.effectiveFrom())
                        .map(CatalogItem::fields).orElse(List.of()));
            }
            String where = CatalogWorkbook.ITEMS_SHEET + "!第" + row.line() + "行 ";
            for (RuleViolation v : check(draft)) {
                errors.add(RuleViolation.of(where + headerOf.getOrDefault(v.field(), v.field()), v.value(), v.rule(), v.message()));
            }
            if (!seen.add(draft.code() + "@" + draft.effectiveFrom())) {
                errors.add(RuleViolation.of(where + "信息项编码", draft.code(), "unique", "同一信息项在同一生效日期出现了多行"));
            }
            accepted.add(draft);
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("目录文件有 " + errors.size() + " 处错误，未导入任何数据", errors);
        }
        int created = 0;
        int versioned = 0;
        int unchanged = 0;
        for (ItemDraft draft : accepted) {
            Optional<CatalogItem> current = repository.latestOn(draft.code(), draft.effectiveFrom());
            if (current.isPresent() && draft.sameAs(current.get())) {
                unchanged++;
                continue;
            }
            if (repository.itemExists(draft.code())) {
                versioned++;
            } else {
                created++;
            }
            insert(draft);
        }
        audit.record("CATALOG_IMPORTED", "catalog", null, Map.of("rows", accepted.size(), "created", created,
                "versioned", versioned, "unchanged", unchanged));
        return new ImportResult(accepted.size(), created, versioned, unchanged);
    }

    void export(LocalDate on, java.io.OutputStream out) {
        workbook.export(itemsInForce(on), out);
    }

    /** What an import did. */
    record ImportResult(int rows, int created, int versioned, int unchanged) {
    }

    /** Every rule a draft must satisfy, with property names as fields. */
    List<RuleViolation> check(ItemDraft d) {
        List<RuleViolation> v = new ArrayList<>();
        if (d.code() == null || !d.code().matches("[A-Z0-9][A-Z0-9_-]{1,39}")) {
            v.add(RuleViolation.of("code", d.code(), "format", "信息项编码应为2-40位大写字母、数字、下划线或连字符"));
        }
        if (d.effectiveFrom() == null) {
            v.add(RuleViolation.of("effectiveFrom", null, "required", "请填写生效日期"));
        }
        Optional<Edition> edition = d.effectiveFrom() == null ? Optional.empty() : editionInForce(d.effectiveFrom());
        if (d.effectiveFrom() != null && edition.isEmpty()) {
            v.add(RuleViolation.of("effectiveFrom", d.effectiveFrom().toString(), "edition-in-force",
                    "生效日期早于最早的国家基础目录版本，没有可归属的类别"));
        }
        required(v, "name", d.name(), "请填写信息项名称");
        required(v, "behaviour", d.behaviour(), "请填写记录的行为");
        required(v, "provider", d.provider(), "请填写提供单位");
        required(v, "legalBasis", d.legalBasis(), "请填写设定依据（法律、法规或政策文件）");
        if (d.categoryNo() == null) {
            v.add(RuleViolation.of("categoryNo", null, "required", "请选择所属类别"));
        } else if (edition.isPresent() && edition.get().categories().stream().noneMatch(c -> c.no() == d.categoryNo())) {
            v.add(RuleViolation.of("categoryNo", d.categoryNo().toString(), "category-in-edition",
                    edition.get().name() + "中没有第 " + d.categoryNo() + " 类"));
        }
        if (d.nature() == null) {
            v.add(RuleViolation.of("nature", null, "one-of", "请选择信息性质：基础信息、守信信息或失信信息"));
        }
        if (d.shareAttribute() == null) {
            v.add(RuleViolation.of("shareAttribute", null, "one-of", "请选择共享属性：无条件共享、有条件共享或不予共享"));
        }
        if (d.disclosure() == null) {
            v.add(RuleViolation.of("disclosure", null, "one-of", "请选择公开属性：社会公开、授权查询或不予公开"));
        }
        if (d.scope() == null) {
            v.add(RuleViolation.of("scope", null, "one-of", "请选择目录层级"));
        }
        if (d.publicity() == null) {
            v.add(RuleViolation.of("publicity", null, "one-of", "请选择公示方式"));
        } else {
            if (d.publicity() == Publicity.FIXED && (d.publicityMonths() == null || d.publicityMonths() <= 0)) {
                v.add(RuleViolation.of("publicityMonths", d.publicityMonths() == null ? null : d.publicityMonths().toString(), "required",
                        "固定期限公示须填写公示期限（月，大于0）"));
            }
            if (d.publicity() == Publicity.RULE_SET && Text.isBlank(d.infoType())) {
                v.add(RuleViolation.of("infoType", d.infoType(), "required", "按规则集分级公示须填写信息类型（如 ADMINISTRATIVE_PENALTY）"));
            }
            if (d.publicity() == Publicity.RULE_SET && d.defaultSeverity() == null) {
                v.add(RuleViolation.of("defaultSeverity", null, "required", "按规则集分级公示须填写默认失信程度"));
            }
            if (d.publicity() != Publicity.NONE && d.disclosure() != null && d.disclosure() != Disclosure.PUBLIC) {
                v.add(RuleViolation.of("publicity", d.publicity().label(), "public-only",
                        "只有社会公开的信息项才能在信用网站公示"));
            }
        }
        if (d.publicityMonths() != null && d.publicityMonths() <= 0) {
            v.add(RuleViolation.of("publicityMonths", d.publicityMonths().toString(), "positive", "公示期限应大于0"));
        }
        if (d.retentionYears() != null && d.retentionYears() <= 0) {
            v.add(RuleViolation.of("retentionYears", d.retentionYears().toString(), "positive", "保存期限应大于0"));
        }
        for (String department : d.departments()) {
            if (departments.find(department).isEmpty()) {
                v.add(RuleViolation.of("departments", department, "exists", "报送部门“" + department + "”不是本平台的部门"));
            }
        }
        if (d.nature() == Nature.DISHONEST && !d.withdrawn()) {
            boolean hasNumber = d.fields().stream().anyMatch(f -> f.role() == FieldRole.DECISION_NUMBER);
            boolean hasType = !Text.isBlank(d.basisDocumentType())
                    || d.fields().stream().anyMatch(f -> f.role() == FieldRole.BASIS_DOCUMENT_TYPE);
            if (!hasNumber || !hasType) {
                v.add(RuleViolation.of("fields", null, "basis-document",
                        "失信信息须以生效法律文书为依据：须有“决定文书号”角色的字段，并写明依据文书类型（国办发〔2020〕49号）"));
            }
        }
        Set<FieldRole> roles = java.util.EnumSet.noneOf(FieldRole.class);
        for (ItemField field : d.fields()) {
            if (field.role() != null && !roles.add(field.role())) {
                v.add(RuleViolation.of("fields", field.code(), "role-unique", "字段角色“" + field.role().label() + "”只能出现一次"));
            }
            if (field.requiredWhen() != null && d.fields().stream().noneMatch(f -> f.code() != null && f.code().equals(field.requiredWhen().field()))) {
                v.add(RuleViolation.of("fields", field.code(), "condition-field", "条件必填引用的字段“" + field.requiredWhen().field() + "”不存在"));
            }
        }
        Set<String> fieldCodes = new HashSet<>();
        for (ItemField field : d.fields()) {
            if (field.code() == null || !field.code().matches("[A-Z][A-Z0-9_]{0,39}")) {
                v.add(RuleViolation.of("fields", field.code(), "format", "字段编码应为大写字母开头的字母、数字或下划线"));
            } else if (!fieldCodes.add(field.code())) {
                v.add(RuleViolation.of("fields", field.code(), "unique", "字段编码“" + field.code() + "”重复"));
            }
            if (Text.isBlank(field.name())) {
                v.add(RuleViolation.of("fields", field.code(), "required", "字段“" + field.code() + "”缺少中文名称"));
            }
            if (field.type() == null) {
                v.add(RuleViolation.of("fields", field.code(), "one-of", "字段“" + field.code() + "”缺少类型"));
            } else if (field.type() == FieldType.ENUM && field.values().isEmpty()) {
                v.add(RuleViolation.of("fields", field.code(), "values", "代码值字段“" + field.code() + "”须列出可选值"));
            }
        }
        return v;
    }

    private static void required(List<RuleViolation> v, String field, String value, String message) {
        if (Text.isBlank(value)) {
            v.add(RuleViolation.of(field, value, "required", message));
        }
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}

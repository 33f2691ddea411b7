package gongxin.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import gongxin.catalog.CatalogItem;
import gongxin.catalog.FieldRole;
import gongxin.catalog.ItemField;
import gongxin.catalog.Nature;
import gongxin.catalog.RuleSet;
import gongxin.catalog.Severity;
import gongxin.identity.Caller;
import gongxin.identity.Department;
import gongxin.records.RecordDraft;
import gongxin.shared.CreditCode;
import gongxin.shared.DateText;
import gongxin.shared.IdNumber;
import gongxin.shared.IdentifierCheck;
import gongxin.shared.Sm3;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;

/**
 * Checks one row against its catalog item and the law (formats.md, credit-rules §2, §3, §8) and turns it into a
 * record draft, or into every reason it is refused. Each reason names the header as the provider wrote it and the
 * value as sent.
 */
final class RowValidator {

    static final String SIMPLIFIED_PROCEDURE = "SIMPLIFIED_PROCEDURE";
    static final String FIRST_OFFENCE = "FIRST_OFFENCE_NOT_PENALISED";
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /**
     * What every row of a batch is checked against.
     *
     * @param versions every version of the item (the one in force on a row's decision date governs it)
     * @param departmentsByCreditCode the platform's departments
     * @param caller who submits: whose department it acts for
     * @param allowPilotEra accept pilot-era credit codes that fail the check character (explicit, never silent)
     */
    record Context(Layout layout, List<CatalogItem> versions, Map<String, Department> departmentsByCreditCode,
                   List<RuleSet> ruleSets, Caller caller, LocalDate today, boolean allowPilotEra, LocalDate eraFrom,
                   List<gongxin.catalog.MatterSector> matterSectors) {

        Context(Layout layout, List<CatalogItem> versions, Map<String, Department> departmentsByCreditCode,
                List<RuleSet> ruleSets, Caller caller, LocalDate today, boolean allowPilotEra) {
            this(layout, versions, departmentsByCreditCode, ruleSets, caller, today, allowPilotEra, null, List.of());
        }

        Context(Layout layout, List<CatalogItem> versions, Map<String, Department> departmentsByCreditCode,
                List<RuleSet> ruleSets, Caller caller, LocalDate today, boolean allowPilotEra, LocalDate eraFrom) {
            this(layout, versions, departmentsByCreditCode, ruleSets, caller, today, allowPilotEra, eraFrom, List.of());
        }

        /**
         * The version in force on {@code date}; for history (a decision before the first version, within the item's
         * collection era, such as the 双公示 data since 2015) the first version.
         */
        Optional<CatalogItem> versionOn(LocalDate date) {
            Optional<CatalogItem> inForce = versions.stream().filter(v -> !v.effectiveFrom().isAfter(date))
                    .max(Comparator.comparing(CatalogItem::effectiveFrom).thenComparing(CatalogItem::version));
            if (inForce.isEmpty() && eraFrom != null && !date.isBefore(eraFrom)) {
                return versions.stream().min(Comparator.comparing(CatalogItem::effectiveFrom).thenComparing(CatalogItem::version))
                        .filter(v -> !v.withdrawn());
            }
            return inForce.filter(v -> !v.withdrawn());
        }

        /** Before the first version and before the item's collection era: older than any data the platform keeps. */
        boolean beforeEra(LocalDate date) {
            return eraFrom != null && date.isBefore(eraFrom);
        }

        Optional<RuleSet> ruleSetOn(LocalDate date) {
            return ruleSets.stream().filter(s -> !s.effectiveFrom().isAfter(date)).max(Comparator.comparing(RuleSet::effectiveFrom));
        }
    }

    /** Either a draft or the reasons for refusal. */
    record Result(RecordDraft draft, List<RowError> errors) {
        boolean accepted() {
            return draft != null;
        }
    }

    private final Context context;
    // a batch's rows share few decision dates: the catalog version and rule set in force are looked up once per date
    private final Map<LocalDate, Optional<CatalogItem>> versions = new java.util.HashMap<>();
    private final Map<LocalDate, Optional<RuleSet>> ruleSets = new java.util.HashMap<>();

    /** The sector of each department by its code (rule sets may differ by sector), looked up for every row. */
    private final Map<String, String> sectors = new java.util.HashMap<>();

    RowValidator(Context context) {
        this.context = context;
        context.departmentsByCreditCode().values().forEach(d -> {
            if (d.sector() != null) {
                sectors.put(d.code(), d.sector());
            }
        });
    }

    Result validate(SourceRow row) {
        Layout layout = context.layout();
        CatalogItem item = layout.item();
        List<RowError> errors = new ArrayList<>();
        java.util.Set<String> refused = new java.util.HashSet<>();
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<Integer, ItemField> column : layout.columns().entrySet()) {
            ItemField field = column.getValue();
            String text = cell(row, column.getKey());
            if (text.isBlank()) {
                // another column naming the same field (e.g. a JSON record keyed by code where others use the header)
                for (Map.Entry<Integer, ItemField> other : layout.duplicateColumns().entrySet()) {
                    if (other.getValue().code().equals(field.code()) && !cell(row, other.getKey()).isBlank()) {
                        text = cell(row, other.getKey());
                        break;
                    }
                }
            }
            raw.put(field.code(), text);
            if (text != null && text.indexOf('\u0000') >= 0) {
                errors.add(error(row, field, text.replace('\u0000', ' '), "control-character", field.name() + "含有不可见的控制字符（NUL），请检查导出程序"));
                refused.add(field.code());
                continue;
            }
            if (row.formulaColumns().contains(column.getKey()) || (text != null && text.strip().startsWith("="))) {
                errors.add(error(row, field, text, "formula", field.name() + "：单元格含公式或错误值，请填写数值"));
                refused.add(field.code());
                continue;
            }
            String clean = Text.clean(text);
            if (clean != null && !clean.isEmpty()) {
                values.put(field.code(), clean);
            }
        }

        SubjectCategory category = null;
        Optional<ItemField> categoryField = item.field(FieldRole.SUBJECT_CATEGORY);
        if (categoryField.isPresent() && values.containsKey(categoryField.get().code())) {
            Optional<SubjectCategory> parsed = SubjectCategory.parse(values.get(categoryField.get().code()));
            if (parsed.isEmpty()) {
                errors.add(error(row, categoryField.get(), raw.get(categoryField.get().code()), "one-of",
                        categoryField.get().name() + "应为：法人及非法人组织、个体工商户或自然人"));
            } else {
                category = parsed.get();
                values.put(categoryField.get().code(), category.label());
            }
        }
        boolean residentId = residentIdType(item, values);

        Map<String, String> data = new LinkedHashMap<>();
        for (ItemField field : item.fields()) {
            String value = values.get(field.code());
            String sent = raw.get(field.code());
            if (value == null) {
                if (refused.contains(field.code())) {
                    continue;
                }
                if (field.required() || (category != null && field.requiredFor().contains(category))) {
                    errors.add(error(row, field, sent, "required", field.name() + "不能为空"));
                } else if (field.requiredWhen() != null && conditionHolds(field.requiredWhen(), values)) {
                    errors.add(error(row, field, sent, "required-when", field.name() + "不能为空："
                            + fieldName(item, field.requiredWhen().field()) + "含“"
                            + String.join("”或“", field.requiredWhen().words()) + "”"));
                }
                continue;
            }
            if (field.role() == FieldRole.SUBJECT_CATEGORY) {
                data.put(field.code(), value);
                continue;
            }
            String normalized = checkType(row, field, sent, value, residentId, errors);
            if (normalized != null) {
                data.put(field.code(), normalized);
            } else {
                refused.add(field.code());
            }
        }

        LocalDate decisionDate = item.field(FieldRole.DECISION_DATE).map(f -> data.get(f.code())).map(LocalDate::parse)
                .orElse(item.field(FieldRole.DECISION_DATE).isPresent() ? null : context.today());
        Optional<CatalogItem> version = Optional.empty();
        if (decisionDate != null) {
            Optional<ItemField> dateField = item.field(FieldRole.DECISION_DATE);
            if (decisionDate.isAfter(context.today()) && dateField.isPresent()) {
                errors.add(error(row, dateField.get(), raw.get(dateField.get().code()), "not-future",
                        dateField.get().name() + "不能晚于今天"));
            }
            item.field(FieldRole.REPRESENTATIVE_SINCE).filter(f -> data.get(f.code()) != null)
                    .filter(f -> LocalDate.parse(data.get(f.code())).isAfter(context.today()))
                    .ifPresent(f -> errors.add(error(row, f, raw.get(f.code()), "not-future", f.name() + "不能晚于今天")));
            for (FieldRole role : List.of(FieldRole.VALID_UNTIL, FieldRole.PUBLICITY_UNTIL, FieldRole.REPRESENTATIVE_SINCE)) {
                item.field(role).filter(f -> data.get(f.code()) != null).ifPresent(f -> {
                    if (LocalDate.parse(data.get(f.code())).isBefore(decisionDate)) {
                        errors.add(error(row, f, raw.get(f.code()), "not-before-decision", f.name() + "不能早于决定日期"));
                    }
                });
            }
            version = versions.computeIfAbsent(decisionDate, context::versionOn);
            if (version.isEmpty() && dateField.isPresent()) {
                if (context.beforeEra(decisionDate)) {
                    errors.add(error(row, dateField.get(), raw.get(dateField.get().code()), "before-collection-era",
                            "“" + item.name() + "”自 " + context.eraFrom() + " 起归集，" + decisionDate + " 作出的决定早于归集起始日，不能归集"));
                } else {
                    errors.add(error(row, dateField.get(), raw.get(dateField.get().code()), "not-in-catalog",
                            decisionDate + " 适用的公共信用信息目录中没有“" + item.name() + "”，不能归集"));
                }
            }
        }

        String department = department(row, item, data, raw, version.orElse(item), errors);

        String creditCode = item.field(FieldRole.SUBJECT_CREDIT_CODE).map(f -> data.get(f.code())).orElse(null);
        String idNumber = item.field(FieldRole.SUBJECT_ID_NUMBER).map(f -> data.get(f.code())).orElse(null);
        if (category == null && categoryField.isEmpty()) {
            category = creditCode != null ? SubjectCategory.ORGANIZATION : idNumber != null ? SubjectCategory.NATURAL_PERSON : null;
            if (category == null) {
                ItemField nameField = item.field(FieldRole.SUBJECT_NAME).orElse(item.fields().get(0));
                errors.add(error(row, nameField, raw.get(nameField.code()), "subject-identifier",
                        "主体须有统一社会信用代码或身份证号码，仅有名称不能识别主体"));
            }
        }

        String exclusion = exclusion(item, data, decisionDate);
        Severity severity = item.field(FieldRole.SEVERITY).map(f -> data.get(f.code()))
                .flatMap(v -> java.util.Arrays.stream(Severity.values()).filter(s -> s.label().equals(v)).findFirst())
                .orElse(null);
        if (version.isPresent() && version.get().nature() == Nature.DISHONEST && exclusion == null) {
            checkBasisDocument(row, version.get(), data, raw, refused, errors);
        }
        if (version.isPresent() && decisionDate != null) {
            // the matter's sector (特种设备 by the penalty's content) before the department's
            String sector = gongxin.catalog.MatterSector.sectorOf(context.matterSectors(), item.code(), data,
                    department == null ? null : sectors.get(department));
            checkMinimumPublicity(row, version.get(), data, raw, decisionDate, severity, sector, errors);
        }

        if (!errors.isEmpty() || category == null || department == null || version.isEmpty()) {
            return new Result(null, errors);
        }
        boolean minor = false;
        if (category == SubjectCategory.NATURAL_PERSON && idNumber != null && residentId) {
            minor = IdNumber.check(idNumber).value().minorOn(decisionDate);
        }
        boolean pilotEra = creditCode != null && !CreditCode.check(creditCode).valid();
        String decisionNumber = item.field(FieldRole.DECISION_NUMBER).map(f -> data.get(f.code())).orElse(null);
        LocalDate validUntil = item.field(FieldRole.VALID_UNTIL).map(f -> data.get(f.code())).map(LocalDate::parse).orElse(null);
        LocalDate publicityUntil = item.field(FieldRole.PUBLICITY_UNTIL).map(f -> data.get(f.code())).map(LocalDate::parse).orElse(null);
        String subjectName = item.field(FieldRole.SUBJECT_NAME).map(f -> data.get(f.code())).orElse("");
        String idType = item.field(FieldRole.SUBJECT_ID_TYPE).map(f -> data.get(f.code())).orElse(null);
        return new Result(new RecordDraft(row.line(), version.get(), department, recordKey(item, data), category,
                subjectName, creditCode, idType, idNumber, decisionNumber, decisionDate, severity, exclusion, minor,
                pilotEra, validUntil, publicityUntil, data), List.of());
    }

    /**
     * A provider's own publicity end (公示截止期) may shorten publication, but not below the minimum period of the
     * record's severity in the rule set of its decision date: before that day the record can neither be repaired nor
     * taken down (NDRC Order 36, art. 24–26; credit-rules §5). The minimum's last day is the decision date plus its
     * months (Civil Code art. 201–202), so a publicity end on that day is accepted.
     */
    private void checkMinimumPublicity(SourceRow row, CatalogItem version, Map<String, String> data, Map<String, String> raw,
                                       LocalDate decisionDate, Severity severity, String sector, List<RowError> errors) {
        Optional<ItemField> field = version.field(FieldRole.PUBLICITY_UNTIL);
        if (field.isEmpty() || data.get(field.get().code()) == null || version.infoType() == null) {
            return;
        }
        Severity effective = severity == null ? version.defaultSeverity() : severity;
        if (effective == null) {
            return;
        }
        LocalDate until = LocalDate.parse(data.get(field.get().code()));
        if (until.isBefore(decisionDate)) {
            return; // refused already as not-before-decision: one reason per field
        }
        ruleSets.computeIfAbsent(decisionDate, context::ruleSetOn)
                .flatMap(set -> set.period(version.infoType(), effective, sector))
                .filter(period -> period.minMonths() != null)
                .ifPresent(period -> {
                    LocalDate earliest = decisionDate.plusMonths(period.minMonths());
                    if (until.isBefore(earliest)) {
                        errors.add(error(row, field.get(), raw.get(field.get().code()), "before-minimum-period",
                                field.get().name() + "早于" + effective.label() + "失信信息的最短公示期（" + period.minMonths()
                                        + " 个月，至 " + earliest + "）"));
                    }
                });
    }

    /** Checks a non-empty value against its field's type; returns it normalised, or null when refused. */
    private String checkType(SourceRow row, ItemField field, String sent, String value, boolean residentId,
                             List<RowError> errors) {
        switch (field.type()) {
            case DATE -> {
                Optional<LocalDate> date = DateText.parse(value);
                if (date.isEmpty()) {
                    errors.add(error(row, field, sent, "date", field.name() + "不是有效日期（如 2026-03-05、2026/3/5、20260305、2026年3月5日）"));
                    return null;
                }
                return date.get().toString();
            }
            case DECIMAL -> {
                String number = Text.normalize(value).replace(" ", "");
                if (number.endsWith("万元")) {
                    number = number.substring(0, number.length() - 2);
                }
                if (GROUPED.matcher(number).matches()) {
                    number = number.replace(",", "");
                }
                if (!DECIMAL.matcher(number).matches()) {
                    errors.add(error(row, field, sent, "decimal", field.name() + "应为数字（单位见表头），如 0.5"));
                    return null;
                }
                BigDecimal decimal = new BigDecimal(number);
                if (decimal.signum() < 0) {
                    errors.add(error(row, field, sent, "non-negative", field.name() + "不能为负数"));
                    return null;
                }
                BigDecimal plain = decimal.stripTrailingZeros();
                return plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
            }
            case INTEGER -> {
                String number = Text.normalize(value);
                if (!number.matches("-?\\d{1,9}")) {
                    errors.add(error(row, field, sent, "integer", field.name() + "应为整数"));
                    return null;
                }
                return Integer.toString(Integer.parseInt(number));
            }
            case ENUM -> {
                String normalized = Text.normalize(value);
                Optional<String> allowed = field.values().stream().filter(v -> Text.normalize(v).equals(normalized)).findFirst();
                if (allowed.isEmpty()) {
                    errors.add(error(row, field, sent, "one-of", field.name() + "应为：" + String.join("、", field.values())));
                    return null;
                }
                return allowed.get();
            }
            case CREDIT_CODE -> {
                return checkCreditCode(row, field, sent, value, errors);
            }
            case ID_NUMBER -> {
                String number = Text.normalizeIdentifier(value);
                if (field.role() == FieldRole.SUBJECT_ID_NUMBER && residentId) {
                    IdentifierCheck<IdNumber> check = IdNumber.check(number, context.today());
                    if (!check.valid()) {
                        errors.add(error(row, field, sent, check.rule(), check.message()));
                        return null;
                    }
                }
                return number;
            }
            default -> {
                return field.role() == FieldRole.SUBJECT_NAME || field.role() == FieldRole.AUTHORITY_NAME
                        || field.role() == FieldRole.SOURCE_NAME || field.role() == FieldRole.LEGAL_REPRESENTATIVE
                        ? Text.normalizeName(value) : value;
            }
        }
    }

    private String checkCreditCode(SourceRow row, ItemField field, String sent, String value, List<RowError> errors) {
        boolean lenient = field.role() == FieldRole.SUBJECT_CREDIT_CODE && context.allowPilotEra();
        IdentifierCheck<CreditCode> check = lenient ? CreditCode.checkAllowingPilotEra(value) : CreditCode.check(value);
        if (!check.valid()) {
            errors.add(error(row, field, sent, check.rule(), check.message().replace("统一社会信用代码", field.name())));
            return null;
        }
        return check.value().value();
    }

    /**
     * The deciding department: the platform department whose credit code the authority field names, which the
     * caller must be allowed to act for and which the catalog must name as a provider of the item.
     */
    private String department(SourceRow row, CatalogItem item, Map<String, String> data, Map<String, String> raw,
                              CatalogItem version, List<RowError> errors) {
        Optional<ItemField> authority = item.field(FieldRole.AUTHORITY_CODE);
        String department;
        ItemField field;
        if (authority.isPresent()) {
            field = authority.get();
            String code = data.get(field.code());
            if (code == null) {
                return null;
            }
            Department registered = context.departmentsByCreditCode().get(code);
            if (registered == null || !registered.active()) {
                errors.add(error(row, field, raw.get(field.code()), "registered-department",
                        field.name() + " " + code + " 不是本平台登记的部门"));
                return null;
            }
            department = registered.code();
        } else {
            department = context.caller().departmentCode();
            field = item.field(FieldRole.AUTHORITY_NAME).orElse(item.fields().get(0));
            if (department == null) {
                return null;
            }
        }
        if (!context.caller().mayActFor(department)) {
            errors.add(error(row, field, raw.get(field.code()), "not-authorised",
                    "无权代表该部门报送：只能报送本部门作出的决定（谁认定、谁负责）"));
            return null;
        }
        if (!version.providedBy(department)) {
            errors.add(error(row, field, raw.get(field.code()), "not-provider",
                    "该部门不是目录中“" + version.name() + "”的报送部门"));
            return null;
        }
        return department;
    }

    /**
     * 简易程序 and 首违不罚 are exclusions where the rule set in force on the decision date says so; before the first rule
     * set (history before 2019-07-01) the general rule holds: they are not dishonesty (credit-rules §2, "unless a rule
     * says otherwise").
     */
    private String exclusion(CatalogItem item, Map<String, String> data, LocalDate decisionDate) {
        Optional<String> procedure = item.field(FieldRole.PROCEDURE).map(f -> data.get(f.code()));
        if (procedure.isEmpty() || decisionDate == null) {
            return null;
        }
        Optional<RuleSet> ruleSet = ruleSets.computeIfAbsent(decisionDate, context::ruleSetOn);
        String value = procedure.get();
        if (value.contains("简易程序") && ruleSet.map(s -> s.excludes(SIMPLIFIED_PROCEDURE)).orElse(true)) {
            return SIMPLIFIED_PROCEDURE;
        }
        if (value.contains("首违不罚") && ruleSet.map(s -> s.excludes(FIRST_OFFENCE)).orElse(true)) {
            return FIRST_OFFENCE;
        }
        return null;
    }

    /** A dishonesty record rests on a legally effective document: its type and number (国办发〔2020〕49号). */
    private void checkBasisDocument(SourceRow row, CatalogItem version, Map<String, String> data, Map<String, String> raw,
                                    java.util.Set<String> refused, List<RowError> errors) {
        Optional<ItemField> number = version.field(FieldRole.DECISION_NUMBER);
        boolean hasType = version.basisDocumentType() != null
                || version.field(FieldRole.BASIS_DOCUMENT_TYPE).map(f -> data.get(f.code()) != null).orElse(false);
        boolean hasNumber = number.map(f -> data.get(f.code()) != null).orElse(false);
        if (hasType && hasNumber) {
            return;
        }
        boolean reported = number.isPresent() && (refused.contains(number.get().code())
                || (number.get().required() && data.get(number.get().code()) == null));
        if (!reported) {
            ItemField field = number.orElse(version.fields().get(0));
            errors.add(error(row, field, raw.get(field.code()), "basis-document",
                    "失信信息须以生效法律文书为依据，请填写文书类型和文书号"));
        }
    }

    private boolean residentIdType(CatalogItem item, Map<String, String> values) {
        Optional<ItemField> type = item.field(FieldRole.SUBJECT_ID_TYPE);
        if (type.isEmpty()) {
            return true;
        }
        String value = values.get(type.get().code());
        if (value == null) {
            return true;
        }
        String v = Text.normalize(value);
        return (v.contains("身份证") && !v.contains("外国") && !v.contains("港澳") && !v.contains("台湾"))
                || v.equals("1") || v.equals("01") || v.equals("111");
    }

    private static boolean conditionHolds(ItemField.Condition condition, Map<String, String> values) {
        String value = values.get(condition.field());
        return value != null && condition.words().stream().anyMatch(value::contains);
    }

    private static String fieldName(CatalogItem item, String code) {
        return item.fields().stream().filter(f -> f.code().equals(code)).map(ItemField::name).findFirst().orElse(code);
    }

    /** The natural key: the key fields' values, or the content itself when the item declares none. */
    private static String recordKey(CatalogItem item, Map<String, String> data) {
        StringBuilder key = null;
        for (ItemField field : item.fields()) {
            if (field.key()) {
                // full-width and half-width digits and brackets in document numbers name the same decision
                String part = Text.normalize(data.getOrDefault(field.code(), ""));
                key = key == null ? new StringBuilder(part) : key.append('|').append(part);
            }
        }
        return key != null ? key.toString() : Sm3.hex(new java.util.TreeMap<>(data).toString());
    }

    private static String cell(SourceRow row, int column) {
        String text = column < row.cells().size() ? row.cells().get(column) : "";
        return text == null ? "" : text;
    }

    private RowError error(SourceRow row, ItemField field, String value, String rule, String message) {
        return new RowError(row.line(), context.layout().header(field), value, rule, message);
    }
}

package gongxin.lists;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gongxin.audit.AuditLog;
import gongxin.collection.TabularFiles;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryRef;
import gongxin.identity.Caller;
import gongxin.identity.Role;
import gongxin.records.Records;
import gongxin.records.RecordsIngested;
import gongxin.shared.CreditCode;
import gongxin.shared.IdNumber;
import gongxin.shared.NotFoundException;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Sm3;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import gongxin.subjects.SubjectClaim;
import gongxin.subjects.Subjects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists imported from a file of the department that keeps them, with their source and date:
 * <ul>
 *   <li>red lists (守信激励): only the trustworthy get on; a subject with a dishonesty record or list entry in the three
 *   years before the list date is refused (国办发〔2020〕49号 and the city plans: 三年内无严重失信记录). A listed subject that
 *   later gets one is flagged at once and stops counting (动态管理) until the department removes the entry;</li>
 *   <li>upstream dishonesty lists, determined by another authority under its own procedure (the courts' 失信被执行人):
 *   taken as published, each row with its case number and date, shown on the website and in checks.</li>
 * </ul>
 */
@Service
class ListImports {

    /** The largest red-list file taken in one import. */
    static final int MAX_ROWS = 100_000;
    static final int DISHONESTY_YEARS = 3;

    private static final Set<String> NAME = Set.of("主体名称", "名称", "企业名称", "纳税人名称", "单位名称", "被执行人名称", "姓名", "NAME");
    private static final Set<String> CODE = Set.of("统一社会信用代码", "纳税人识别号", "信用代码", "CREDITCODE");
    private static final Set<String> ID = Set.of("身份证号码", "证件号码", "身份证号", "IDNUMBER");
    private static final Set<String> DOCUMENT = Set.of("案号", "执行案号", "文书号", "决定文书号", "DOCUMENTNUMBER");
    private static final Set<String> DATE = Set.of("发布日期", "发布时间", "列入日期", "认定日期", "LISTEDON");
    private static final Set<String> END = Set.of("截止日期", "届满日期", "有效期至", "移出日期", "ENDSON");

    /** What an import did. */
    /**
     * @param unchanged rows of an upstream list already on it as they are (same subject, same case number)
     * @param removed entries of an upstream list that the new file no longer has: removed, as the source removed them
     */
    record Imported(long id, int rows, int accepted, int rejected, List<Map<String, Object>> errors, int unchanged, int removed) {
    }

    /** Why a red-list entry leaves the list. */
    enum RemovalReason { EXPIRED, DISHONESTY, COURT_DECISION }

    private final ListTypeRepository types;
    private final ListEntryRepository entries;
    private final ListCases cases;
    private final Subjects subjects;
    private final Records records;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ListImports(ListTypeRepository types, ListEntryRepository entries, ListCases cases, Subjects subjects, Records records,
             AuditLog audit, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.types = types;
        this.entries = entries;
        this.cases = cases;
        this.subjects = subjects;
        this.records = records;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Imports a list file: every row is checked and answered. A red list's rows become entries from the list date to
     * the type's maximum period. An upstream list (the courts' 失信被执行人) is taken as the source publishes it, as a
     * whole (issue 26, finding 5): each entry with the source's own dates (listed on its 发布日期, ending on its
     * 截止日期 if the source gives one, else when the source removes it), a row already on the list unchanged, and an
     * entry of an earlier file that this one no longer has removed on the list date ({@code UPSTREAM_REMOVED}: the
     * debtor performed and the court deleted it), unless a row of this file names its case number.
     */
    @Transactional
    Imported importFile(Caller caller, String listTypeCode, String source, LocalDate listDate, String fileName, byte[] content)
            throws IOException {
        return importFile(caller, listTypeCode, source, listDate, fileName, content, false);
    }

    /**
     * @param complete the file is the whole upstream list as the source publishes it on the list date: entries of
     *                 earlier files that it does not name are removed (a partial file must not say so)
     */
    @Transactional
    Imported importFile(Caller caller, String listTypeCode, String source, LocalDate listDate, String fileName, byte[] content,
                        boolean complete) throws IOException {
        ListType type = types.find(listTypeCode == null ? "" : listTypeCode)
                .orElseThrow(() -> RuleViolationException.of("listType", listTypeCode, "exists", "名单类型不存在"));
        if (type.kind() != ListKind.RED && !type.upstream()) {
            throw RuleViolationException.of("listType", type.code(), "not-red-list",
                    "只能导入守信激励名单或上游认定的名单；本地认定的严重失信名单须经认定程序");
        }
        boolean red = type.kind() == ListKind.RED;
        if (!caller.mayActFor(type.departmentCode()) && !caller.hasRole(Role.ADMIN)) {
            throw NotPermittedException.of("listType", type.code(), "not-determining-department", "只有名单的管理部门或信用办可以导入该名单");
        }
        if (Text.isBlank(source)) {
            throw RuleViolationException.of("source", null, "required", "请写明名单来源（如发布文件或系统）");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = listDate == null ? today : listDate;
        if (date.isAfter(today)) {
            throw RuleViolationException.of("listDate", date.toString(), "not-future", "名单日期不能晚于今天");
        }
        TabularFiles.Table table;
        try (InputStream in = new java.io.ByteArrayInputStream(content)) {
            table = TabularFiles.readAll(in, MAX_ROWS);
        }
        List<TabularFiles.Row> rows = table.rows();
        int nameColumn = table.column(NAME);
        int codeColumn = table.column(CODE);
        int idColumn = table.column(ID);
        int documentColumn = table.column(DOCUMENT);
        int dateColumn = table.column(DATE);
        int endColumn = table.column(END);
        if (nameColumn < 0 || (codeColumn < 0 && idColumn < 0)) {
            throw RuleViolationException.of("file", null, "layout",
                    "文件须有“主体名称”列，以及“统一社会信用代码”或“身份证号码”列");
        }
        Instant now = clock.instant();
        long importId = jdbc.sql("""
                insert into lists.list_import (list_type, source, list_date, file_name, file_sm3, row_count, accepted, rejected,
                                              imported_at, imported_by)
                values (?, ?, ?, ?, ?, 0, 0, 0, ?, ?) returning id""")
                .params(type.code(), source.strip(), date, fileName, Sm3.hex(content), Timestamp.from(now), caller.name())
                .query(Long.class).single();
        List<Map<String, Object>> errors = new ArrayList<>();
        List<long[]> accepted = new ArrayList<>();
        int unchanged = 0;
        // the case numbers this file names, read or not: an entry named by a row refused today is not removed
        Set<String> named = new java.util.HashSet<>();
        Set<Long> probed = new java.util.LinkedHashSet<>();
        for (TabularFiles.Row row : rows) {
            if (row.problem() != null) {
                errors.add(error(row.line(), null, "unreadable", row.problem()));
                continue;
            }
            String name = Text.clean(cell(row, nameColumn));
            String code = Text.normalizeIdentifier(cell(row, codeColumn));
            String id = Text.normalizeIdentifier(cell(row, idColumn));
            if (Text.isBlank(name)) {
                errors.add(error(row.line(), "name", "required", "缺少主体名称"));
                continue;
            }
            SubjectClaim claim;
            gongxin.subjects.SubjectReference reference;
            if (!Text.isBlank(code)) {
                var check = CreditCode.check(code);
                if (!check.valid()) {
                    errors.add(error(row.line(), "creditCode", check.violation("creditCode").rule(), check.violation("creditCode").message()));
                    continue;
                }
                claim = new SubjectClaim(SubjectCategory.ORGANIZATION, name, check.value().value(), false, null, date, null, null);
                reference = new gongxin.subjects.SubjectReference(check.value().value(), null, null);
            } else if (!Text.isBlank(id)) {
                if (!IdNumber.check(id).valid()) {
                    errors.add(error(row.line(), "idNumber", "id-number", "身份证号码无效"));
                    continue;
                }
                claim = new SubjectClaim(SubjectCategory.NATURAL_PERSON, name, null, false, id, date, null, null);
                reference = new gongxin.subjects.SubjectReference(null, name, id);
            } else {
                errors.add(error(row.line(), "creditCode", "subject-required", "请给出统一社会信用代码或身份证号码"));
                continue;
            }
            LocalDate listedOn = date;
            LocalDate endsOn = null;
            String document = Text.clean(cell(row, documentColumn));
            if (!Text.isBlank(document)) {
                named.add(document);
            }
            if (!red) {
                String rowDate = Text.clean(cell(row, dateColumn));
                if (!Text.isBlank(rowDate)) {
                    var parsed = gongxin.shared.DateText.parse(rowDate);
                    if (parsed.isEmpty() || parsed.get().isAfter(today)) {
                        errors.add(error(row.line(), "listedOn", parsed.isEmpty() ? "format" : "not-future", "列入日期无效或晚于今天"));
                        continue;
                    }
                    listedOn = parsed.get();
                }
                if (Text.isBlank(document)) {
                    errors.add(error(row.line(), "documentNumber", "required", "上游名单的每一行须有案号或文书号"));
                    continue;
                }
                String rowEnd = Text.clean(cell(row, endColumn));
                if (!Text.isBlank(rowEnd)) {
                    var parsed = gongxin.shared.DateText.parse(rowEnd);
                    if (parsed.isEmpty() || parsed.get().isBefore(listedOn)) {
                        errors.add(error(row.line(), "endsOn", parsed.isEmpty() ? "format" : "before-listing", "截止日期无效或早于列入日期"));
                        continue;
                    }
                    endsOn = parsed.get();
                }
            }
            if (red) {
                // what the platform holds about a subject is read only for a subject it knows, and each such read is in
                // the subject's query history: a red-list import is not a free probe for dishonesty, and a refused row
                // creates no subject (issue 25, finding 8)
                java.util.Optional<gongxin.subjects.SubjectCard> known = subjects.find(reference);
                if (known.isPresent()) {
                    long knownId = known.get().id();
                    probed.add(knownId);
                    LocalDate from = date.minusYears(DISHONESTY_YEARS);
                    if (records.dishonestyBetween(knownId, from, date) || entries.dishonestyListedBetween(knownId, from, date)) {
                        errors.add(error(row.line(), "subject", "dishonesty-in-3-years",
                                "该主体在名单日期前三年内有失信记录或被列入严重失信主体名单，不能列入守信激励名单"));
                        continue;
                    }
                }
            }
            long subjectId = subjects.resolve(List.of(claim))[0];
            if (!red && entries.onUpstreamList(type.code(), subjectId, document)) {
                // the same case of the same subject, as it already is: a repeated file changes nothing
                unchanged++;
                continue;
            }
            if (red && entries.onList(type.code(), subjectId, listedOn)) {
                errors.add(error(row.line(), "subject", "already-listed", "该主体已在此名单上"));
                continue;
            }
            long entryId = entries.insertImported(type.code(), subjectId, importId, listedOn,
                    red ? type.removableFrom(listedOn) : listedOn, red ? listedOn.plusMonths(type.maximumMonths()) : endsOn,
                    document, now);
            accepted.add(new long[]{entryId, subjectId});
        }
        List<Long> removed = red || !complete ? List.of() : entries.removeUpstreamNotIn(type.code(), importId, named, date);
        jdbc.sql("update lists.list_import set row_count = ?, accepted = ?, rejected = ?, errors = ?::jsonb where id = ?")
                .params(rows.size(), accepted.size(), errors.size(), json.writeValueAsString(errors), importId).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("listType", type.code());
        details.put("source", source.strip());
        details.put("listDate", date.toString());
        details.put("rows", rows.size());
        details.put("accepted", accepted.size());
        details.put("rejected", errors.size());
        details.put("unchanged", unchanged);
        details.put("complete", complete && !red);
        details.put("removed", removed);
        audit.recordAs(caller.name(), "LIST_IMPORTED", "list_import", Long.toString(importId), details);
        if (!probed.isEmpty()) {
            audit.recordSubjectsRead("RED_IMPORT", "list_import", Long.toString(importId),
                    new gongxin.audit.Purpose("列入" + type.name() + "前核验近三年失信信息"),
                    Map.of("listType", type.code(), "subjects", probed.size()), null, probed);
        }
        if (!accepted.isEmpty()) {
            events.publishEvent(CreditEntriesChanged.of(EntryKind.LIST_ENTRY, accepted.stream().map(a -> a[0]).toList(), EntryChange.LISTED));
        }
        if (!removed.isEmpty()) {
            events.publishEvent(CreditEntriesChanged.of(EntryKind.LIST_ENTRY, removed, EntryChange.REMOVED));
        }
        if (!red) {
            cases.flagRedEntries(accepted.stream().map(a -> a[1]).distinct().toList(), "列入" + type.name());
        }
        return new Imported(importId, rows.size(), accepted.size(), errors.size(), errors, unchanged, removed.size());
    }

    /**
     * The department that keeps an imported list takes an entry off it: at its end, because of new dishonesty (red
     * lists), or because the authority that determined it deleted it (COURT_DECISION, e.g. the debtor performed).
     */
    @Transactional
    void remove(Caller caller, long entryId, LocalDate on, String reasonText, ListCase.CourtDecision court) {
        ListEntries.Entry e = entries.find(entryId).orElseThrow(() -> new NotFoundException("没有该名单条目"));
        if (!caller.mayActFor(e.department())) {
            throw NotPermittedException.of("listType", e.listType(), "not-determining-department", "只有名单的管理部门可以移出");
        }
        RemovalReason reason = ListCaseApi.parse(RemovalReason.class, "reason", reasonText,
                "导入名单的移出原因应为 EXPIRED、DISHONESTY（守信激励名单）或 COURT_DECISION");
        if (reason == RemovalReason.DISHONESTY && !"RED".equals(e.kind())) {
            throw RuleViolationException.of("reason", reason.name(), "reason-required", "上游名单的移出原因应为 EXPIRED 或 COURT_DECISION");
        }
        LocalDate today = LocalDate.now(clock);
        if (on == null || on.isAfter(today)) {
            throw RuleViolationException.of("on", on == null ? null : on.toString(), on == null ? "required" : "not-future", "移出日期不能为空或晚于今天");
        }
        if (e.removedOn() != null) {
            throw RuleViolationException.of("status", "REMOVED", "not-listed", "该主体已移出名单");
        }
        if (on.isBefore(e.listedOn())) {
            throw RuleViolationException.of("on", on.toString(), "before-listing", "移出日期不能早于列入日期");
        }
        if (reason == RemovalReason.EXPIRED && (e.endsOn() == null || !on.isAfter(e.endsOn()))) {
            throw RuleViolationException.of("reason", reason.name(), "not-expired", e.endsOn() == null
                    ? "该名单条目没有截止日期，由名单来源删除" : "名单期限至 " + e.endsOn() + " 届满，次日起方可移出");
        }
        if (reason == RemovalReason.COURT_DECISION) {
            ListCase.CourtDecision.require(court, on, today);
        }
        jdbc.sql("update lists.list_entry set removed_on = ?, removal_reason = ? where id = ?").params(on, reason.name(), entryId).update();
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("on", on.toString());
        details.put("reason", reason.name());
        if (reason == RemovalReason.COURT_DECISION) {
            details.put("courtDecision", court.details());
        }
        audit.recordAs(caller.name(), "RED_LIST_ENTRY_REMOVED", "list_entry", Long.toString(entryId), details);
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, entryId), EntryChange.REMOVED));
    }

    /** New dishonesty records flag the red-list entries of their subjects at once (动态管理). */
    @org.springframework.core.annotation.Order(CreditEntriesChanged.Consumers.PROCEDURES)
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordsIngested event) {
        if (!entries.anyRedInForce()) {
            return;
        }
        // dishonesty of the three years before today: a record loaded from history, decided earlier, flags no one
        List<Long> subjectIds = records.subjectsWithNewDishonesty(event.batchId(), LocalDate.now(clock).minusYears(DISHONESTY_YEARS));
        cases.flagRedEntries(subjectIds, "新增失信记录（" + event.itemCode() + "）");
    }

    private static String cell(TabularFiles.Row row, int column) {
        return TabularFiles.Table.cell(row, column);
    }

    private static Map<String, Object> error(int line, String field, String rule, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", line);
        m.put("field", field);
        m.put("rule", rule);
        m.put("message", message);
        return m;
    }
}

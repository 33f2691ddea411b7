package gongxin.lists;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongxin.audit.AuditLog;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.EntryChange;
import gongxin.entries.EntryKind;
import gongxin.shared.CreditCode;
import gongxin.shared.IdNumber;
import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import gongxin.subjects.SubjectClaim;
import gongxin.subjects.Subjects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entries pulled from an upstream source become upstream list entries as a hand import makes them, keyed by the
 * source's id: the same entry again changes nothing, its {@code removedOn} removes it here ({@code UPSTREAM_REMOVED}),
 * and it has no end of its own (法释〔2017〕7号: the court deletes a debtor who performed; issue 26, finding 5).
 */
@Service
class PulledEntries implements UpstreamLists {

    private final ListTypeRepository types;
    private final ListEntryRepository entries;
    private final ListCases cases;
    private final Subjects subjects;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PulledEntries(ListTypeRepository types, ListEntryRepository entries, ListCases cases, Subjects subjects, AuditLog audit,
                  ApplicationEventPublisher events, Clock clock) {
        this.types = types;
        this.entries = entries;
        this.cases = cases;
        this.subjects = subjects;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Applied apply(String listType, String source, List<Pulled> pulled, String actor) {
        ListType type = types.find(listType).orElseThrow(() -> RuleViolationException.of("listType", listType, "exists",
                "上游来源 " + source + " 配置的名单类型不存在"));
        if (!type.upstream() || type.kind() == ListKind.RED) {
            throw RuleViolationException.of("listType", listType, "not-upstream", "名单类型 " + listType + " 不是上游认定的名单");
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<Map<String, Object>> refused = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        List<Long> removed = new ArrayList<>();
        List<Long> listedSubjects = new ArrayList<>();
        int unchanged = 0;
        Long importId = null;
        for (Pulled p : pulled) {
            Optional<Refusal> problem = problem(p, today);
            if (problem.isPresent()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", p.id());
                r.put("rule", problem.get().rule());
                r.put("message", problem.get().message());
                refused.add(r);
                continue;
            }
            Optional<ListEntryRepository.PulledEntry> known = entries.pulled(source, p.id());
            long entryId;
            if (known.isPresent()) {
                entryId = known.get().id();
                if (p.removedOn() == null || known.get().removedOn() != null) {
                    unchanged++;
                    continue;
                }
            } else {
                SubjectClaim claim = Text.isBlank(p.creditCode())
                        ? new SubjectClaim(SubjectCategory.NATURAL_PERSON, Text.clean(p.name()), null, false,
                        Text.normalizeIdentifier(p.idNumber()), p.listedOn(), null, null)
                        : new SubjectClaim(SubjectCategory.ORGANIZATION, Text.clean(p.name()),
                        CreditCode.check(Text.normalizeIdentifier(p.creditCode())).value().value(), false, null, p.listedOn(), null, null);
                long subjectId = subjects.resolve(List.of(claim))[0];
                String document = Text.clean(p.documentNumber());
                // an entry the same source's file brought by hand: adopted, not listed twice
                Optional<Long> imported = entries.importedByFile(type.code(), subjectId, document);
                if (imported.isPresent()) {
                    entryId = imported.get();
                    entries.adopt(entryId, source, p.id());
                    if (p.removedOn() == null) {
                        unchanged++;
                        continue;
                    }
                } else {
                    if (importId == null) {
                        importId = entries.insertPullImport(type.code(), "exchange:" + source, today, now, actor);
                    }
                    entryId = entries.insertPulled(type.code(), subjectId, importId, p.listedOn(), document, now, source, p.id());
                    created.add(entryId);
                    listedSubjects.add(subjectId);
                }
            }
            if (p.removedOn() != null) {
                entries.removeUpstream(entryId, p.removedOn());
                removed.add(entryId);
            }
        }
        if (importId != null) {
            entries.countImport(importId, pulled.size(), created.size(), refused.size());
        }
        if (!created.isEmpty() || !removed.isEmpty() || !refused.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("listType", type.code());
            details.put("source", source);
            details.put("pulled", pulled.size());
            details.put("created", created.size());
            details.put("removed", removed);
            details.put("refused", refused);
            audit.recordAs(actor, "UPSTREAM_LIST_PULLED", "list_type", type.code(), details);
        }
        if (!created.isEmpty()) {
            events.publishEvent(CreditEntriesChanged.of(EntryKind.LIST_ENTRY, created, EntryChange.LISTED));
            cases.flagRedEntries(listedSubjects.stream().distinct().toList(), "列入" + type.name());
        }
        List<Long> removedOnly = removed.stream().filter(id -> !created.contains(id)).toList();
        if (!removedOnly.isEmpty()) {
            events.publishEvent(CreditEntriesChanged.of(EntryKind.LIST_ENTRY, removedOnly, EntryChange.REMOVED));
        }
        return new Applied(created.size(), removed.size(), unchanged, refused);
    }

    private record Refusal(String rule, String message) {
    }

    /** Why a pulled entry cannot be taken; empty when it can. */
    private static Optional<Refusal> problem(Pulled p, LocalDate today) {
        if (Text.isBlank(p.id())) {
            return Optional.of(new Refusal("required", "来源未给出条目编号（id）"));
        }
        if (Text.isBlank(p.name())) {
            return Optional.of(new Refusal("required", "缺少主体名称"));
        }
        if (!Text.isBlank(p.creditCode())) {
            if (!CreditCode.check(Text.normalizeIdentifier(p.creditCode())).valid()) {
                return Optional.of(new Refusal("credit-code", "统一社会信用代码无效"));
            }
        } else if (Text.isBlank(p.idNumber())) {
            return Optional.of(new Refusal("subject-required", "请给出统一社会信用代码或身份证号码"));
        } else if (!IdNumber.check(Text.normalizeIdentifier(p.idNumber())).valid()) {
            return Optional.of(new Refusal("id-number", "身份证号码无效"));
        }
        if (Text.isBlank(p.documentNumber())) {
            return Optional.of(new Refusal("required", "上游名单的每一条须有案号或文书号"));
        }
        if (p.listedOn() == null || p.listedOn().isAfter(today)) {
            return Optional.of(new Refusal("listed-on", "列入日期缺失或晚于今天"));
        }
        if (p.removedOn() != null && (p.removedOn().isBefore(p.listedOn()) || p.removedOn().isAfter(today))) {
            return Optional.of(new Refusal("removed-on", "移出日期早于列入日期或晚于今天"));
        }
        return Optional.empty();
    }
}

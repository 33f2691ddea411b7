package gongxin.lists;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryChange;
import gongxin.entries.RowEntrySource;
import gongxin.entries.EntryCategory;
import gongxin.entries.EntryDetail;
import gongxin.entries.EntryField;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryNature;
import gongxin.entries.EntryRef;
import gongxin.entries.EntryStatus;
import gongxin.entries.EntrySubject;
import gongxin.entries.RepairTerms;
import gongxin.identity.Caller;
import gongxin.shared.Text;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.Subjects;
import org.springframework.stereotype.Component;

/**
 * List entries as credit entries: a dishonesty list's entry is dishonesty information that the platform's repair can
 * take off the list when the platform decided it; a red list's entry is trustworthiness. Both count from the listing
 * day to their last day, or until removed (or, for a red list, flagged by a later dishonesty).
 */
@Component
class ListEntrySource extends RowEntrySource<ListEntries.Entry> {

    private final ListEntries entries;
    private final ListEntryRepository repository;
    private final ListRepairs repairs;
    private final Subjects subjects;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    ListEntrySource(ListEntryRepository repository, ListRepairs repairs, Subjects subjects,
                    org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.entries = repository;
        this.repository = repository;
        this.repairs = repairs;
        this.subjects = subjects;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.LIST_ENTRY;
    }

    @Override
    protected Optional<ListEntries.Entry> load(long id) {
        return entries.find(id);
    }

    @Override
    protected List<Long> ids() {
        return entries.allIds();
    }

    @Override
    protected List<ListEntries.Entry> loadOfSubjects(java.util.Collection<Long> subjectIds) {
        return repository.ofSubjects(subjectIds);
    }

    @Override
    protected List<ListEntries.Entry> loadLatestPublic(gongxin.entries.PublicListing listing) {
        return switch (listing.category()) {
            case DISHONESTY_LIST, RED_LIST -> repository.latestOnLists(listing.category() == gongxin.entries.EntryCategory.DISHONESTY_LIST,
                    listing.codes(), listing.department(), listing.from(), listing.to(), listing.day(), listing.limit());
            default -> List.of();
        };
    }

    @Override
    protected List<ListEntries.Entry> loadOfSubject(long subjectId) {
        return repository.ofSubject(subjectId).stream().sorted(java.util.Comparator.comparingLong(ListEntries.Entry::id)).toList();
    }

    /**
     * Only what the platform decided is repaired here, once the list type's minimum period has passed (NDRC Order 36,
     * art. 26); red lists and upstream lists are removed by their keepers.
     */
    @Override
    public RepairTerms repairTerms(long id) {
        ListEntries.Entry e = entries.find(id).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> from = repairs.repairableFrom(id);
        if (from.isEmpty() || !e.inForce(today)) {
            return RepairTerms.notRepairable(e.removedOn() != null ? "该主体已于 " + e.removedOn() + " 移出名单"
                    : "该名单不由本平台认定（守信激励名单或上游名单），请向名单的认定机关申请");
        }
        return new RepairTerms(true, null, null, from.get(), null, e.listType(), "列入名单满最短期限");
    }

    @Override
    public void repair(long id, Caller caller, String applicationNumber, LocalDate decidedOn) {
        repairs.removeOnRepair(caller, id, decidedOn, applicationNumber);
    }

    @Override
    public void revokeRepair(long id, Caller caller, String applicationNumber, LocalDate on, String reason) {
        repairs.reinstateOnRepairRevoked(caller, id, on, applicationNumber, reason);
    }

    /**
     * An objection to a dishonesty-list entry, local or upstream (issue 26, finding 11): marked and its measures
     * suspended while handled, by the department that keeps the list (for an upstream list, the keeping department
     * takes it and passes it to the source, as the plans ask).
     */
    @Override
    public void openObjection(long id, String applicationNumber, LocalDate since, String actor) {
        repository.markObjection(id, since, applicationNumber);
        toSource(id, applicationNumber, UpstreamObjection.Step.FILED, since, null);
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, id), EntryChange.OBJECTION_OPENED));
    }

    @Override
    public void acceptObjection(long id, String applicationNumber, LocalDate on, String actor) {
        repository.objectionAccepted(id, on, applicationNumber);
        toSource(id, applicationNumber, UpstreamObjection.Step.ACCEPTED, on, null);
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, id), EntryChange.OBJECTION_ACCEPTED));
    }

    /** An objection's step about an entry pulled from an upstream source, for whoever passes it on to the source. */
    private void toSource(long id, String applicationNumber, UpstreamObjection.Step step, LocalDate on, String outcome) {
        repository.upstreamOrigin(id).ifPresent(origin -> events.publishEvent(new UpstreamObjection(id, origin.source(),
                origin.upstreamId(), origin.listType(), applicationNumber, step, on, outcome)));
    }

    @Override
    public void closeObjection(long id, String applicationNumber, String outcome, String actor) {
        repository.clearObjection(id, applicationNumber);
        toSource(id, applicationNumber, UpstreamObjection.Step.DECIDED, java.time.LocalDate.now(clock), outcome);
        events.publishEvent(CreditEntriesChanged.of(EntryRef.of(EntryKind.LIST_ENTRY, id), EntryChange.OBJECTION_CLOSED));
    }

    @Override
    public void revokeOnObjection(long id, String applicationNumber, LocalDate decidedOn, String reason, String actor) {
        toSource(id, applicationNumber, UpstreamObjection.Step.DECIDED, decidedOn, "REVOKED");
        repairs.removeOnObjection(actor, id, decidedOn, applicationNumber);
    }

    @Override
    protected CreditEntry entry(ListEntries.Entry e, EntryDetail detail) {
        boolean dishonesty = "DISHONESTY".equals(e.kind());
        EntrySubject subject = EntrySubject.ofId(e.subjectId());
        List<EntryField> fields = List.of();
        if (detail == EntryDetail.FULL) {
            SubjectCard s = subjects.card(e.subjectId()).orElseThrow();
            subject = new EntrySubject(s.id(), s.category(), s.name(), s.creditCode(), s.idNumber(), List.of());
            fields = fields(e, dishonesty);
        }
        LocalDate countsUntil = e.endsOn() == null ? null : e.endsOn().plusDays(1);
        String ended = null;
        if (e.removedOn() != null) {
            countsUntil = e.removedOn();
            ended = "REMOVED:" + e.removalReason();
        } else if (e.flaggedOn() != null) {
            countsUntil = e.flaggedOn();
            ended = "FLAGGED";
        }
        boolean shown = e.removedOn() == null && e.flaggedReason() == null;
        return new CreditEntry(EntryRef.of(EntryKind.LIST_ENTRY, e.id()), subject, e.listType(), e.listName(),
                dishonesty ? EntryCategory.DISHONESTY_LIST : EntryCategory.RED_LIST, e.domain(), true, e.department(),
                e.documentNumber(), e.listedOn(), null, dishonesty ? EntryNature.DISHONESTY : EntryNature.TRUSTWORTHY,
                null, false, shown ? EntryStatus.PUBLISHED : EntryStatus.REMOVED, null, e.endsOn(), countsUntil, ended,
                e.objectionSince(), e.objectionAcceptedOn(), dishonesty, dishonesty && e.removedOn() == null, fields);
    }

    private static List<EntryField> fields(ListEntries.Entry e, boolean dishonesty) {
        List<EntryField> fields = new ArrayList<>();
        add(fields, dishonesty ? "列入事由" : "列入依据", e.reason());
        add(fields, "设立依据", e.basis());
        add(fields, dishonesty ? "惩戒措施" : "激励措施", String.join("；", e.measures()));
        add(fields, "列入日期", e.listedOn().toString());
        add(fields, "有效期至", e.endsOn() == null ? "至名单来源删除" : e.endsOn().toString());
        if (e.removedOn() != null) {
            add(fields, "移出日期", e.removedOn().toString());
        }
        return fields;
    }

    private static void add(List<EntryField> fields, String name, String value) {
        if (!Text.isBlank(value)) {
            fields.add(EntryField.text(name, value));
        }
    }
}

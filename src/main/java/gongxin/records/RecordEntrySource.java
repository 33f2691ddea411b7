package gongxin.records;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.catalog.Disclosure;
import gongxin.catalog.FieldRole;
import gongxin.catalog.FieldType;
import gongxin.catalog.ItemField;
import gongxin.entries.CreditEntriesChanged;
import gongxin.entries.CreditEntry;
import gongxin.entries.CreditEntrySource;
import gongxin.entries.EntryCategory;
import gongxin.entries.EntryDetail;
import gongxin.entries.EntryField;
import gongxin.entries.EntryKind;
import gongxin.entries.EntryNature;
import gongxin.entries.EntryRef;
import gongxin.entries.EntryStatus;
import gongxin.entries.EntrySubject;
import gongxin.entries.PublicListing;
import gongxin.entries.RepairTerms;
import gongxin.identity.Caller;
import gongxin.shared.Text;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records as credit entries. A record of a dishonesty item is dishonesty information unless the rules in force exempt
 * it (简易程序, 首违不罚: then it names its exemption); it counts from its decision date until the day after its window,
 * or until revoked or repaired if that came first. The website shows the records of public catalog items only.
 */
@Component
class RecordEntrySource implements CreditEntrySource {

    private final RecordRepository repository;
    private final RecordRightsService rights;
    private final Catalog catalog;
    private final Clock clock;

    RecordEntrySource(RecordRepository repository, RecordRightsService rights, Catalog catalog, Clock clock) {
        this.repository = repository;
        this.rights = rights;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.RECORD;
    }

    @Override
    public Optional<CreditEntry> find(long id) {
        return repository.find(id).map(new Mapper()::full);
    }

    @Override
    @Transactional(readOnly = true)
    public void changed(CreditEntriesChanged event, EntryDetail detail, Consumer<CreditEntry> consumer) {
        Mapper mapper = new Mapper();
        if (event.batch() != null) {
            if (detail == EntryDetail.FULL) {
                repository.changesOf(event.batch(), r -> consumer.accept(mapper.full(r)));
            } else {
                repository.dishonesty(event.batch(), r -> consumer.accept(mapper.measures(r)));
            }
            return;
        }
        event.ids().stream().sorted().forEach(id -> repository.find(id).map(mapper::full).ifPresent(consumer));
    }

    @Override
    @Transactional(readOnly = true)
    public void ofSubject(long subjectId, EntryDetail detail, Consumer<CreditEntry> consumer) {
        Mapper mapper = new Mapper();
        if (detail == EntryDetail.FULL) {
            repository.ofSubject(subjectId).forEach(r -> consumer.accept(mapper.full(r)));
        } else {
            repository.dishonestyOfSubject(subjectId, r -> consumer.accept(mapper.measures(r)));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public void ofSubjects(java.util.Collection<Long> subjectIds, EntryDetail detail, Consumer<CreditEntry> consumer) {
        Mapper mapper = new Mapper();
        if (detail == EntryDetail.FULL) {
            repository.ofSubjects(subjectIds).forEach(r -> consumer.accept(mapper.full(r)));
            return;
        }
        repository.dishonestyOfSubjects(subjectIds, null, r -> consumer.accept(mapper.measures(r)));
    }

    /** Leaves out the records whose window ended before {@code day}: they stopped counting then, if not before. */
    @Override
    @Transactional(readOnly = true)
    public void ofSubjectsCountingOn(java.util.Collection<Long> subjectIds, LocalDate day, EntryDetail detail,
                                     Consumer<CreditEntry> consumer) {
        if (detail == EntryDetail.FULL) {
            ofSubjects(subjectIds, detail, consumer);
            return;
        }
        Mapper mapper = new Mapper();
        repository.dishonestyOfSubjects(subjectIds, day, r -> consumer.accept(mapper.measures(r)));
    }

    /**
     * Item by item, each read in order from its index, by key only: the page's records are read whole afterwards
     * ({@link #find(java.util.Collection, Consumer)}).
     */
    @Override
    @Transactional(readOnly = true)
    public void latestPublic(PublicListing listing, Consumer<PublicListing.Listed> consumer) {
        if (listing.category() != EntryCategory.CATALOG_ITEM) {
            return;
        }
        java.util.Collection<String> codes = listing.codes().isEmpty()
                ? catalog.itemsInForce(listing.day()).stream().map(CatalogItem::code).toList() : listing.codes();
        for (String code : codes) {
            repository.latestPublished(code, listing.department(), listing.from(), listing.to(), listing.day(), listing.limit(),
                    (id, decided) -> consumer.accept(new PublicListing.Listed(EntryRef.of(EntryKind.RECORD, id), decided, null)));
        }
    }

    /** Counted by PostgreSQL; an item version's disclosure decides whether its records count (only public ones do). */
    @Override
    @Transactional(readOnly = true)
    public void publicCounts(java.util.Collection<Long> subjectIds, LocalDate day,
                             Consumer<gongxin.entries.PublicCount> consumer) {
        Map<java.util.List<Object>, Long> counts = new HashMap<>();
        for (RecordRepository.PublishedCount c : repository.publishedCounts(subjectIds, day)) {
            CatalogItem item = version(c.itemCode(), c.itemVersion());
            if (item != null && item.disclosure() == Disclosure.PUBLIC) {
                counts.merge(java.util.List.of(c.subjectId(), c.itemCode()), c.count(), Long::sum);
            }
        }
        counts.forEach((key, n) -> consumer.accept(new gongxin.entries.PublicCount((Long) key.get(0),
                EntryCategory.CATALOG_ITEM, (String) key.get(1), n)));
    }

    /**
     * Catalog item versions met so far: a version is never changed once made (new versions get new numbers), so it is
     * kept for the life of the node; a version not found is asked again next time.
     */
    private final java.util.concurrent.ConcurrentMap<String, CatalogItem> versions = new java.util.concurrent.ConcurrentHashMap<>();

    private CatalogItem version(String code, int version) {
        String key = code + "#" + version;
        CatalogItem item = versions.get(key);
        if (item == null) {
            item = catalog.version(code, version).orElse(null);
            if (item != null) {
                versions.put(key, item);
            }
        }
        return item;
    }

    @Override
    @Transactional(readOnly = true)
    public void find(java.util.Collection<Long> ids, Consumer<CreditEntry> consumer) {
        Mapper mapper = new Mapper();
        repository.findAll(ids).forEach(r -> consumer.accept(mapper.full(r)));
    }

    @Override
    @Transactional(readOnly = true)
    public void changedSince(String code, java.time.Instant since, EntryDetail detail, Consumer<CreditEntry> consumer) {
        Mapper mapper = new Mapper();
        repository.changedSince(code, since, r -> consumer.accept(mapper.full(r))); // full in either detail: a file needs it all
    }

    @Override
    @Transactional(readOnly = true)
    public void each(EntryDetail detail, Consumer<CreditEntry> consumer) {
        Mapper mapper = new Mapper();
        if (detail == EntryDetail.FULL) {
            repository.each(r -> consumer.accept(mapper.full(r)));
        } else {
            repository.dishonesty(null, r -> consumer.accept(mapper.measures(r)));
        }
    }

    @Override
    public RepairTerms repairTerms(long id) {
        gongxin.records.RepairTerms t = rights.repairTerms(id);
        if (!t.repairable()) {
            return new RepairTerms(false, t.rule(), t.reason(), null, null, null, null);
        }
        return new RepairTerms(true, null, null, t.earliestDate(), t.minimumMonths(), t.ruleSet(),
                "最短公示期（" + t.minimumMonths() + " 个月，" + t.ruleSet() + "）届满");
    }

    @Override
    public void repair(long id, Caller caller, String applicationNumber, LocalDate decidedOn) {
        rights.repair(id, applicationNumber, decidedOn, caller.name());
    }

    @Override
    public void revokeRepair(long id, Caller caller, String applicationNumber, LocalDate on, String reason) {
        rights.revokeRepair(id, applicationNumber, on, reason, caller.name());
    }

    @Override
    public int version(long id) {
        return repository.find(id).map(CreditRecord::version).orElse(0);
    }

    @Override
    public void openObjection(long id, String applicationNumber, LocalDate since, String actor) {
        rights.openObjection(id, applicationNumber, since, actor);
    }

    @Override
    public void acceptObjection(long id, String applicationNumber, LocalDate on, String actor) {
        rights.acceptObjection(id, applicationNumber, on, actor);
    }

    @Override
    public void closeObjection(long id, String applicationNumber, String outcome, String actor) {
        rights.closeObjection(id, applicationNumber, outcome, actor);
    }

    @Override
    public void revokeOnObjection(long id, String applicationNumber, LocalDate decidedOn, String reason, String actor) {
        rights.revokeOnObjection(id, applicationNumber, decidedOn, reason, actor);
    }

    /** Maps records of one stream, with the catalog versions it met kept for the stream. */
    private final class Mapper {
        private final Map<String, Map<Integer, CatalogItem>> versions = new HashMap<>();

        private Map<Integer, CatalogItem> versionsOf(String code) {
            return versions.computeIfAbsent(code, c -> {
                Map<Integer, CatalogItem> byVersion = new HashMap<>();
                catalog.history(c).forEach(v -> byVersion.put(v.version(), v));
                return byVersion;
            });
        }

        private CatalogItem item(String code, int version) {
            return version(code, version);
        }

        private String title(String code) {
            // the newest version's name, as checks have always shown it
            return versionsOf(code).values().stream().max(java.util.Comparator.comparingInt(CatalogItem::version))
                    .map(CatalogItem::name).orElse(code);
        }

        CreditEntry full(CreditRecord r) {
            CatalogItem item = item(r.itemCode(), r.itemVersion());
            boolean disclosed = item != null && item.disclosure() == Disclosure.PUBLIC;
            List<EntryField> fields = new ArrayList<>();
            List<String> formerNames = new ArrayList<>();
            if (item != null) {
                for (ItemField field : item.fields()) {
                    String value = r.data().get(field.code());
                    if (Text.isBlank(value)) {
                        continue;
                    }
                    fields.add(new EntryField(field.name(), value, role(field), field.code()));
                    if (field.name() != null && field.name().contains("曾用名")) {
                        for (String name : value.split("[;；,，、/]")) {
                            if (!Text.isBlank(name)) {
                                formerNames.add(Text.normalizeName(name));
                            }
                        }
                    }
                }
            }
            LocalDate revokedOn = r.revokedAt() == null ? null : r.revokedAt().atZone(clock.getZone()).toLocalDate();
            return entry(r.id(), new EntrySubject(r.subjectId(), r.subjectCategory(), r.subjectName(), r.subjectCreditCode(),
                            r.subjectIdNumber(), formerNames), r.itemCode(), item == null ? title(r.itemCode()) : item.name(),
                    disclosed, r.departmentCode(), r.decisionNumber(), r.decisionDate(), r.severity(),
                    "DISHONEST".equals(r.nature()), r.dishonest(), r.exclusion(), r.minor(), r.status(),
                    r.notPublishedReason() == null ? null : r.notPublishedReason().name(), r.windowEnd(), revokedOn,
                    r.repairedOn(), r.objectionSince(), r.objectionAcceptedOn(), fields);
        }

        /** Only records of dishonesty items come this way (see {@link RecordRepository#dishonesty}). */
        CreditEntry measures(Records.DishonestyRecord r) {
            return entry(r.id(), EntrySubject.ofId(r.subjectId()), r.itemCode(), title(r.itemCode()), true,
                    r.departmentCode(), r.decisionNumber(), r.decisionDate(), r.severity(), true, r.dishonest(),
                    r.exclusion(), r.minor(), r.status(), null, r.windowEnd(), r.revokedOn(), r.repairedOn(),
                    r.objectionSince(), r.objectionAcceptedOn(), List.of());
        }
    }

    /**
     * A record as a credit entry: dishonesty when it is, or when the rules exempt a record of a dishonesty item (named
     * as its exemption); it counts until its revocation or repair, or the day after its window if that came first.
     */
    static CreditEntry entry(long id, EntrySubject subject, String itemCode, String title, boolean disclosed,
                                     String department, String decisionNumber, LocalDate decided, String severity,
                                     boolean dishonestItem, boolean dishonest, String exclusion, boolean minor,
                                     RecordStatus status, String notPublishedReason, LocalDate windowEnd,
                                     LocalDate revokedOn, LocalDate repairedOn, LocalDate objectionSince,
                                     LocalDate objectionAcceptedOn,
                                     List<EntryField> fields) {
        EntryNature nature = dishonest || (dishonestItem && exclusion != null) ? EntryNature.DISHONESTY : EntryNature.NEUTRAL;
        // the first day it no longer counts: revocation or repair, unless its window had ended before
        LocalDate afterWindow = windowEnd == null ? null : windowEnd.plusDays(1);
        LocalDate stopped = revokedOn != null ? revokedOn : repairedOn;
        LocalDate countsUntil = stopped == null ? afterWindow
                : afterWindow == null || stopped.isBefore(afterWindow) ? stopped : afterWindow;
        String ended = revokedOn != null ? "REVOKED" : repairedOn != null ? "REPAIRED"
                : status == RecordStatus.PUBLICITY_ENDED ? "PUBLICITY_ENDED" : null;
        return new CreditEntry(EntryRef.of(EntryKind.RECORD, id), subject, itemCode, title, EntryCategory.CATALOG_ITEM, null,
                disclosed, department, decisionNumber, decided, severity, nature, exclusion, minor,
                EntryStatus.valueOf(status.name()), notPublishedReason, windowEnd, countsUntil, ended, objectionSince,
                objectionAcceptedOn, dishonestItem, true, fields);
    }

    private static EntryField.Role role(ItemField field) {
        if (field.role() == FieldRole.SUBJECT_NAME) {
            return EntryField.Role.SUBJECT_NAME;
        }
        if (field.type() == FieldType.ID_NUMBER || field.role() == FieldRole.SUBJECT_ID_NUMBER) {
            return EntryField.Role.ID_NUMBER;
        }
        return EntryField.Role.TEXT;
    }
}

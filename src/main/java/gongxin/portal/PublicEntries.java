package gongxin.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import gongxin.catalog.Catalog;
import gongxin.catalog.CatalogItem;
import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryCategory;
import gongxin.entries.EntryDetail;
import gongxin.entries.EntryField;
import gongxin.entries.EntryKind;
import gongxin.entries.PublicCount;
import gongxin.entries.PublicListing;
import gongxin.identity.Departments;
import org.springframework.stereotype.Component;

/**
 * The entries the website shows, read from their producers' own tables when a page is read (ADR 0033): a subject's
 * entries by its registry id, a list page from each producer's index of its newest public entries. The website keeps
 * no copy of them, so a page is as current as the producers' tables, and what is shown still passes
 * {@link PublicityDecision} on the day it is read. Information of a kind that is not public never reaches a page.
 */
@Component
class PublicEntries {

    private final CreditEntries entries;
    private final Departments departments;
    private final PortalProperties properties;
    private final Catalog catalog;

    /** Reads made for a public page go to the replica when one serves them (ADR 0030). */
    private final gongxin.platform.PublicReads reads;

    PublicEntries(CreditEntries entries, Departments departments, PortalProperties properties, Catalog catalog,
                  gongxin.platform.PublicReads reads) {
        this.reads = reads;
        this.entries = entries;
        this.departments = departments;
        this.properties = properties;
        this.catalog = catalog;
    }

    /** An entry as the website shows it, with what the publicity decision needs. */
    record Entry(EntryKind kind, long id, long registryId, Section section, String itemCode, String itemName,
                 String departmentCode, String departmentName, String decisionNumber, LocalDate decisionDate, String status,
                 String notPublishedReason, LocalDate windowEnd, String severity, boolean dishonest, String exclusion,
                 boolean minor, boolean underObjection, boolean repaired, boolean repairable, boolean objectable,
                 List<EntryField> fields) implements PublicityDecision.EntryState {
        @Override
        public boolean revoked() {
            return "REVOKED".equals(status);
        }
    }

    /** The order of a subject page: by section, newest decision first. */
    private static final Comparator<Entry> PAGE_ORDER = Comparator.comparing(Entry::section)
            .thenComparing(Entry::decisionDate, Comparator.reverseOrder())
            .thenComparing(Entry::id, Comparator.reverseOrder());

    /** Every entry of public kinds of a subject, ended ones included (the caller decides what shows). */
    List<Entry> ofSubject(PortalRepository.Subject subject) {
        if (subject.registryId() == null) {
            return List.of();
        }
        Map<String, String> names = departments.names();
        return reads.forPublicPage(() -> entries.ofSubject(subject.registryId(), EntryDetail.FULL)).stream()
                .filter(CreditEntry::disclosed).map(e -> entry(e, names)).sorted(PAGE_ORDER).toList();
    }

    /**
     * The entries shown today per section, for each of these subjects (by the website's subject id): counted by their
     * producers, without reading the entries (a page of search results asks this for its 20 subjects).
     */
    Map<Long, Map<Section, Long>> publicCounts(Collection<PortalRepository.Subject> subjects, LocalDate today) {
        Map<Long, Long> byRegistry = new HashMap<>();
        subjects.stream().filter(s -> s.registryId() != null).forEach(s -> byRegistry.put(s.registryId(), s.id()));
        Map<Long, Map<Section, Long>> counts = new HashMap<>();
        for (PublicCount c : reads.forPublicPage(() -> entries.publicCounts(byRegistry.keySet(), today))) {
            Long subject = byRegistry.get(c.subjectId());
            if (subject != null) {
                counts.computeIfAbsent(subject, k -> new EnumMap<>(Section.class)).merge(section(c.category(), c.code()),
                        c.count(), Long::sum);
            }
        }
        return counts;
    }

    /** The newest entries of a section shown today (双公示 and list pages), newest first. */
    List<Entry> latest(Section section, String department, LocalDate from, LocalDate to, LocalDate today, int offset,
                       int size) {
        EntryCategory category = switch (section) {
            case SERIOUS_DISHONESTY -> EntryCategory.DISHONESTY_LIST;
            case RED_LIST -> EntryCategory.RED_LIST;
            case COMMITMENT -> EntryCategory.COMMITMENT;
            default -> EntryCategory.CATALOG_ITEM;
        };
        Set<String> codes = Set.of();
        if (category == EntryCategory.CATALOG_ITEM) {
            codes = catalog.itemsInForce(today).stream().map(CatalogItem::code)
                    .filter(code -> properties.section(code) == section).collect(Collectors.toSet());
            if (codes.isEmpty()) {
                return List.of();
            }
        }
        Map<String, String> names = departments.names();
        List<Entry> page = new ArrayList<>();
        PublicListing listing = new PublicListing(category, codes, department, from, to, today, offset, size);
        for (CreditEntry e : reads.forPublicPage(() -> entries.latestPublic(listing))) {
            Entry entry = entry(e, names);
            if (e.disclosed() && PublicityDecision.of(entry, today).visible()) {
                page.add(entry);
            }
        }
        return page;
    }

    /** The site's section of an entry: a catalog item's as the city configured it, the others by their category. */
    Section section(CreditEntry e) {
        return section(e.category(), e.code());
    }

    private Section section(EntryCategory category, String code) {
        return switch (category) {
            case CATALOG_ITEM -> properties.section(code);
            case DISHONESTY_LIST -> Section.SERIOUS_DISHONESTY;
            case RED_LIST -> Section.RED_LIST;
            case COMMITMENT -> Section.COMMITMENT;
        };
    }

    private Entry entry(CreditEntry e, Map<String, String> departmentNames) {
        return new Entry(e.kind(), e.id(), e.subjectId(), section(e), e.code(), e.title(), e.department(),
                departmentNames.getOrDefault(e.department(), e.department()), e.documentNumber(), e.date(), e.status().name(),
                e.notPublishedReason(), e.windowEnd(), e.severity(), e.dishonesty(), e.exemption(), e.minor(),
                e.underObjection(), e.repaired(), e.repairable(), e.objectable(), e.fields());
    }
}

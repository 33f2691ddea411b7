package gongxin.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gongxin.audit.AuditLog;
import gongxin.entries.EntryKind;
import gongxin.platform.GongxinProperties;
import gongxin.shared.IdNumber;
import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;
import org.springframework.stereotype.Service;

/** What the public may see: search, subject pages, list pages. Everything shown passes {@link PublicityDecision}. */
@Service
class PublicCredit {

    /** Search results are ranked among at most this many matches; the count says "more than" beyond it. */
    static final int MAX_MATCHES = 1000;

    /** Above this many expected matches a fragment is searched by scanning in order rather than by the GIN index. */
    static final long COMMON_FRAGMENT = 20_000;

    record Field(String name, String value) {
    }

    /**
     * @param kind the credit entry's kind and {@code id} its id in that kind (docs/api.md)
     * @param repairable the platform's credit repair applies to it (the page links to the application)
     * @param objectable a subject may object to it (the page links to the objection)
     */
    record EntryView(EntryKind kind, long id, Section section, String itemName, String departmentName, String decisionNumber,
                     LocalDate decisionDate, LocalDate windowEnd, String severity, boolean underObjection, boolean repairable,
                     boolean objectable, List<Field> fields) {

        /** The element id of the entry on a subject page ({@code record-12}, {@code list-entry-3}). */
        public String anchor() {
            return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + id;
        }

        /**
         * v1 of the contract named an entry's id under its kind's own field ({@code recordId}, {@code listEntryId}):
         * kept for clients written then, beside {@code kind} and {@code id}.
         */
        @JsonAnyGetter
        public Map<String, Object> v1Id() {
            return Map.of(kind.idField(), id);
        }
    }

    record SubjectView(PortalRepository.Subject subject, String name, String categoryLabel, String idMasked,
                       List<Field> basic, Map<Section, List<EntryView>> sections) {
        public int count(Section section) {
            return sections.getOrDefault(section, List.of()).size();
        }

        /** Whether anything of this subject is public today. */
        boolean showsAnything() {
            return !basic.isEmpty() || sections.values().stream().anyMatch(list -> !list.isEmpty());
        }
    }

    /** One search result with what a reader needs at a glance. */
    record Hit(String code, String name, String categoryLabel, String creditCode, int rank, List<String> formerNames,
               Map<String, Long> counts) {
    }

    record SearchResult(String query, List<Hit> items, long total, boolean more, int page, int size) {
    }

    /** A result page as of a day and a generation of the read model (ADR 0012). */
    private record CachedPage(String fragment, int page, LocalDate today, long generation) {
    }

    private final PortalRepository repository;
    private final PublicEntries entries;
    private final Masking masking;
    private final Clock clock;
    private final PortalProperties properties;
    private final PlatformKeys keys;
    private final java.time.ZoneId zone;
    private final TokenStatistics tokens;
    private final PortalGeneration generation;
    private final Cache<CachedPage, SearchResult> cache;

    private final AuditLog audit;

    PublicCredit(PortalRepository repository, PublicEntries entries, PortalProperties properties, PlatformKeys keys, Clock clock,
                 GongxinProperties gongxin, TokenStatistics tokens, Masking masking, PortalGeneration generation,
                 AuditLog audit) {
        this.audit = audit;
        this.tokens = tokens;
        this.generation = generation;
        this.cache = Caffeine.newBuilder().maximumSize(properties.searchCacheSize())
                .expireAfterWrite(properties.searchCacheTtl()).build();
        this.repository = repository;
        this.entries = entries;
        this.masking = masking;
        this.properties = properties;
        this.keys = keys;
        this.clock = clock;
        this.zone = gongxin.zone();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * A credit code (exact; full-width or lower-case accepted) or a fragment of two or more characters of a name or
     * former name. Natural persons are never found this way.
     */
    SearchResult search(String raw, int page) {
        String q = Text.normalize(raw == null ? "" : raw).replaceAll("\\s+", "");
        int size = properties.pageSize();
        int p = page(page);
        if (q.matches("[0-9A-Za-z]{18}")) {
            String code = q.toUpperCase();
            if (IdNumber.check(code).valid()) {
                throw RuleViolationException.of("q", raw, "person-by-name-and-id",
                        "查询自然人须同时输入姓名和身份证号码");
            }
            List<Hit> hits = hits(repository.byCreditCode(code));
            return new SearchResult(q, hits, hits.size(), false, 1, size);
        }
        String fragment = Text.normalizeName(q);
        if (fragment == null || fragment.codePointCount(0, fragment.length()) < 2) {
            throw RuleViolationException.of("q", raw, "min-length", "请至少输入两个字，或输入完整的统一社会信用代码");
        }
        if ((p - 1) * size >= MAX_MATCHES) {
            return new SearchResult(fragment, List.of(), MAX_MATCHES, true, p, size);
        }
        LocalDate today = today();
        return cache.get(new CachedPage(fragment, p, today, generation.current()), key -> {
            boolean common = tokens.expectedMatches(fragment) > COMMON_FRAGMENT;
            PortalRepository.Hits found = repository.byFragment(fragment, (p - 1) * size, size, MAX_MATCHES, common);
            return new SearchResult(fragment, hits(found.page()), Math.min(found.total(), MAX_MATCHES),
                    found.total() > MAX_MATCHES, p, size);
        });
    }

    /**
     * A natural person, by full name and ID number together (never by fragment), when something of theirs is public
     * today. A person whose records are all hidden (a minor's, ended windows) is answered exactly like one the
     * platform never heard of, so that the look-up does not tell that the platform holds something about them. Every
     * look-up is audited, without the ID number.
     */
    Optional<SubjectView> person(String name, String idNumber) {
        var id = IdNumber.check(idNumber == null ? "" : idNumber);
        if (!id.valid() || Text.isBlank(name)) {
            throw RuleViolationException.of("idNumber", null, "person-by-name-and-id", "请输入完整的姓名和有效的身份证号码");
        }
        Optional<SubjectView> found = repository.person(Text.normalizeName(name), keys.digest(id.value().value()))
                .map(this::view).filter(SubjectView::showsAnything);
        audit.record("PUBLIC_PERSON_LOOKUP", "portal_subject", found.map(v -> v.subject().publicId()).orElse(null),
                Map.of("found", found.isPresent()));
        return found;
    }

    private List<Hit> hits(List<PortalRepository.Hit> found) {
        Map<Long, Map<Section, Long>> counts = entries.publicCounts(
                found.stream().map(PortalRepository.Hit::subject).toList(), today());
        List<Hit> hits = new ArrayList<>();
        for (PortalRepository.Hit h : found) {
            PortalRepository.Subject s = h.subject();
            Map<String, Long> labelled = new LinkedHashMap<>();
            new java.util.TreeMap<>(counts.getOrDefault(s.id(), Map.of()))
                    .forEach((section, n) -> labelled.put(section.label(), n));
            hits.add(new Hit(s.publicId(), masking.subjectName(s.category(), s.name()), categoryLabel(s.category()),
                    s.creditCode(), h.rank(), s.formerNames(), labelled));
        }
        return hits;
    }

    /** A subject page by its code (credit code, any case or width; or the page code of a natural person). */
    Optional<SubjectView> subject(String code) {
        String normalized = Text.normalizeIdentifier(code == null ? "" : code);
        Optional<PortalRepository.Subject> subject = repository.subjectByPublicId(normalized);
        if (subject.isEmpty() && !normalized.equals(code)) {
            subject = repository.subjectByPublicId(code);
        }
        // a natural person's page exists only while something of theirs is public (see person)
        return subject.map(this::view)
                .filter(v -> v.subject().category() != SubjectCategory.NATURAL_PERSON || v.showsAnything());
    }

    SubjectView view(PortalRepository.Subject s) {
        LocalDate today = today();
        Map<Section, List<EntryView>> sections = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            if (section != Section.BASIC) {
                sections.put(section, new ArrayList<>());
            }
        }
        List<Field> basic = List.of();
        for (PublicEntries.Entry e : entries.ofSubject(s)) {
            PublicityDecision decision = PublicityDecision.of(e, today);
            if (!decision.visible()) {
                continue;
            }
            EntryView view = view(e, s.category(), decision.underObjection());
            if (e.section() == Section.BASIC) {
                if (basic.isEmpty()) {
                    basic = view.fields();
                }
            } else {
                sections.get(e.section()).add(view);
            }
        }
        return new SubjectView(s, masking.subjectName(s.category(), s.name()), categoryLabel(s.category()), s.idMasked(),
                basic, sections);
    }

    /**
     * What a special report lists: entries decided in the period, in the chosen departments' domains, including those
     * not published (simplified procedure, 轻微) and those whose window has ended; never revoked ones, repaired ones,
     * a minor's, or a person's whose age cannot be known.
     */
    List<EntryView> specialEntries(PortalRepository.Subject s, LocalDate from, LocalDate to, List<String> domains) {
        List<EntryView> out = new ArrayList<>();
        for (PublicEntries.Entry e : entries.ofSubject(s)) {
            boolean inScope = CreditReports.SPECIAL_SECTIONS.contains(e.section())
                    && !e.revoked() && !e.minor() && !e.repaired() && !"AGE_UNKNOWN".equals(e.notPublishedReason())
                    && !e.decisionDate().isBefore(from) && !e.decisionDate().isAfter(to)
                    && (domains.isEmpty() || domains.contains(e.departmentCode()));
            if (inScope) {
                out.add(view(e, s.category(), e.underObjection()));
            }
        }
        return out;
    }

    private EntryView view(PublicEntries.Entry e, SubjectCategory category, boolean underObjection) {
        List<Field> fields = new ArrayList<>();
        for (gongxin.entries.EntryField f : e.fields()) {
            fields.add(new Field(f.name(), masking.apply(FieldKind.of(f), category, f.value())));
        }
        return new EntryView(e.kind(), e.id(), e.section(), e.itemName(), e.departmentName(), e.decisionNumber(),
                e.decisionDate(), e.windowEnd(), e.severity(), underObjection, e.repairable(), e.objectable(), fields);
    }

    /** The latest public entries of a section, with their subjects. */
    record ListRow(String code, String subjectName, EntryView entry) {
    }

    List<ListRow> latest(Section section, String department, LocalDate from, LocalDate to, int page) {
        int size = properties.pageSize();
        List<PublicEntries.Entry> latest = entries.latest(section, Text.isBlank(department) ? null : department,
                from, to, today(), (page(page) - 1) * size, size);
        Map<Long, PortalRepository.Subject> subjects = repository.byRegistryIds(
                latest.stream().map(PublicEntries.Entry::registryId).distinct().toList());
        List<ListRow> rows = new ArrayList<>();
        for (PublicEntries.Entry e : latest) {
            PortalRepository.Subject s = subjects.get(e.registryId());
            if (s == null) {
                // its subject is not on the website yet (the projection of its batch is still running): shown next time
                continue;
            }
            rows.add(new ListRow(s.publicId(), masking.subjectName(s.category(), s.name()), view(e, s.category(), e.underObjection())));
        }
        return rows;
    }

    /** The deepest page the public may ask for: nobody reads further, and an offset from a huge page overflowed (a 500). */
    static final int MAX_PAGE = 500;

    static int page(int page) {
        if (page > MAX_PAGE) {
            throw RuleViolationException.of("page", Integer.toString(page), "page-range", "页码应在 1 到 " + MAX_PAGE + " 之间，请缩小查询范围");
        }
        return Math.max(page, 1);
    }

    static String categoryLabel(SubjectCategory category) {
        return switch (category) {
            case ORGANIZATION -> "法人和非法人组织";
            case INDIVIDUAL_BUSINESS -> "个体工商户";
            case NATURAL_PERSON -> "自然人";
        };
    }
}

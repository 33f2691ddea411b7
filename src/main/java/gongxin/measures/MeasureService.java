package gongxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import gongxin.audit.AuditLog;
import gongxin.identity.Caller;
import gongxin.lists.ListTypeDirectory;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit office's measure lists. Checks read them from memory: the lists are small and change rarely; a change
 * made on this node is seen at once, one made on another node within {@link #REFRESH}.
 */
@Service
class MeasureService implements Measures {

    static final Duration REFRESH = Duration.ofSeconds(10);

    private final MeasureRepository repository;
    private final ListTypeDirectory listTypes;
    private final AuditLog audit;
    private final Clock clock;
    private final LoadingCache<String, List<Measure>> cache;

    MeasureService(MeasureRepository repository, ListTypeDirectory listTypes, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.listTypes = listTypes;
        this.audit = audit;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(REFRESH).build(key -> repository.all());
    }

    @Override
    public Optional<Matter> matter(String code) {
        return code == null ? Optional.empty() : matters().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    @Override
    public List<Matter> matters() {
        return repository.matters();
    }

    @Override
    public List<Measure> applicable(String matter, LocalDate day) {
        return cache.get("all").stream().filter(m -> m.inForce(day) && m.matters().contains(matter)).toList();
    }

    List<Measure> all() {
        return cache.get("all");
    }

    List<Measure> forMatter(String matter) {
        return matter == null ? all() : all().stream().filter(m -> m.matters().contains(matter)).toList();
    }

    /** Creates or replaces one measure; audited with what it says. */
    @Transactional
    Measure save(Measure.Draft draft) {
        Measure m = Measure.define(draft, matterCodes(), listTypes.codes(), "");
        boolean existed = repository.upsert(m, clock.instant(), Caller.current().name());
        audit.record(existed ? "MEASURE_CHANGED" : "MEASURE_CREATED", "measure", m.code(), details(m));
        cache.invalidateAll();
        return m;
    }

    /** Imports a workbook: every row checked first, then all written, or none when any row breaks a rule. */
    @Transactional
    Map<String, Integer> importAll(List<Measure.Draft> drafts) {
        Set<String> matters = matterCodes();
        Set<String> types = listTypes.codes();
        List<RuleViolation> errors = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String prefix = "第" + (i + 2) + "行 ";
            try {
                Measure m = Measure.define(drafts.get(i), matters, types, prefix);
                if (!codes.add(m.code())) {
                    errors.add(RuleViolation.of(prefix + "code", m.code(), "unique", "措施代码在文件中重复"));
                }
                measures.add(m);
            } catch (RuleViolationException e) {
                errors.addAll(e.violations());
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("措施清单有 " + errors.size() + " 处不符合规则，未导入任何措施", errors);
        }
        int created = 0;
        int changed = 0;
        for (Measure m : measures) {
            if (repository.upsert(m, clock.instant(), Caller.current().name())) {
                changed++;
            } else {
                created++;
            }
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        result.put("rows", drafts.size());
        result.put("created", created);
        result.put("changed", changed);
        audit.record("MEASURES_IMPORTED", "measure", null, result);
        cache.invalidateAll();
        return result;
    }

    private Set<String> matterCodes() {
        Set<String> codes = new HashSet<>();
        repository.matters().forEach(m -> codes.add(m.code()));
        return codes;
    }

    private static Map<String, Object> details(Measure m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", m.name());
        d.put("kind", m.kind().name());
        d.put("basis", m.basis());
        d.put("mandatory", m.mandatory());
        d.put("listTypes", m.listTypes());
        d.put("recordItems", m.recordItems());
        d.put("severities", m.severities());
        d.put("breachMatters", m.breachMatters());
        d.put("grades", m.grades());
        d.put("matters", m.matters());
        return d;
    }
}

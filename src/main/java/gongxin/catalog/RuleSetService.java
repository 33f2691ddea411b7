package gongxin.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import gongxin.audit.AuditLog;
import gongxin.shared.ConflictException;
import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Text;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RuleSetService implements RuleSets {

    private final RuleSetRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    RuleSetService(RuleSetRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<RuleSet> inForceOn(LocalDate date) {
        return repository.inForceOn(date);
    }

    @Override
    public Optional<StatutoryDeadline> deadline(String code, LocalDate on) {
        return repository.deadline(code, on);
    }

    @Override
    public List<RuleSet> all() {
        return repository.all();
    }

    @Override
    public Optional<LocalDate> collectionEraFrom(String infoType) {
        return infoType == null ? Optional.empty() : repository.collectionEraFrom(infoType);
    }

    @Override
    public List<MatterSector> matterSectors() {
        return repository.matterSectors();
    }

    @Override
    public List<StatutoryDeadline> deadlines() {
        return repository.deadlines();
    }

    /** Records a new rule set; it governs records decided on or after its effective date. */
    @Transactional
    RuleSet record(RuleSet set) {
        List<RuleViolation> v = new ArrayList<>();
        if (set.code() == null || !set.code().matches("[A-Z0-9][A-Z0-9_-]{1,39}")) {
            v.add(RuleViolation.of("code", set.code(), "format", "规则集编码应为2-40位大写字母、数字、下划线或连字符"));
        }
        if (Text.isBlank(set.name())) {
            v.add(RuleViolation.of("name", set.name(), "required", "请填写规则集名称"));
        }
        if (Text.isBlank(set.basis())) {
            v.add(RuleViolation.of("basis", set.basis(), "required", "请填写依据文件"));
        }
        if (set.effectiveFrom() == null) {
            v.add(RuleViolation.of("effectiveFrom", null, "required", "请填写生效日期"));
        }
        Set<String> seen = new java.util.HashSet<>();
        List<RuleSet.PublicityPeriod> periods = set.periods();
        for (int i = 0; i < periods.size(); i++) {
            RuleSet.PublicityPeriod p = periods.get(i);
            if (Text.isBlank(p.infoType()) || p.severity() == null) {
                v.add(RuleViolation.of("periods[" + i + "]", null, "required", "每个公示期限须写明信息类型和失信程度"));
                continue;
            }
            String field = "periods." + p.infoType() + "." + p.severity().name() + (p.sector() == null ? "" : "." + p.sector());
            if (p.sector() != null && !gongxin.identity.Department.SECTORS.containsKey(p.sector())) {
                v.add(RuleViolation.of(field + ".sector", p.sector(), "sector", "领域应为 " + gongxin.identity.Department.SECTORS.keySet() + " 之一"));
            }
            if (!seen.add(p.infoType() + "/" + p.severity() + "/" + p.sector())) {
                v.add(RuleViolation.of(field, null, "unique", "同一信息类型和失信程度只能有一个公示期限"));
            }
            if (p.maxMonths() <= 0) {
                v.add(RuleViolation.of(field + ".maxMonths", Integer.toString(p.maxMonths()), "positive",
                        p.severity().label() + "：最长公示期应大于0个月"));
            }
            if (p.minMonths() != null && (p.minMonths() < 0 || p.minMonths() > p.maxMonths())) {
                v.add(RuleViolation.of(field + ".minMonths", p.minMonths().toString(), "min-not-above-max",
                        p.severity().label() + "：最短公示期不能为负，也不能长于最长公示期"));
            }
        }
        Set<String> exclusionCodes = new java.util.HashSet<>();
        for (int i = 0; i < set.exclusions().size(); i++) {
            RuleSet.Exclusion e = set.exclusions().get(i);
            if (Text.isBlank(e.code()) || Text.isBlank(e.name()) || Text.isBlank(e.description())) {
                v.add(RuleViolation.of("exclusions[" + i + "]", null, "required", "每项除外情形须写明编码、名称和说明"));
            } else if (!exclusionCodes.add(e.code())) {
                v.add(RuleViolation.of("exclusions[" + i + "].code", e.code(), "unique", "除外情形编码不能重复"));
            }
        }
        Set<Severity> penaltySeverities = EnumSet.noneOf(Severity.class);
        periods.stream().filter(p -> p.severity() != null && "ADMINISTRATIVE_PENALTY".equals(p.infoType()) && p.sector() == null)
                .forEach(p -> penaltySeverities.add(p.severity()));
        if (!penaltySeverities.equals(EnumSet.allOf(Severity.class))) {
            v.add(RuleViolation.of("periods", null, "complete", "行政处罚信息须为轻微、一般、严重三个失信程度都规定公示期限"));
        }
        if (!v.isEmpty()) {
            throw new RuleViolationException("规则集不符合规则", v);
        }
        if (repository.exists(set.code())) {
            throw new ConflictException("code", set.code(), "规则集编码“" + set.code() + "”已存在");
        }
        if (repository.effectiveDateTaken(set.effectiveFrom())) {
            throw new ConflictException("effectiveFrom", set.effectiveFrom().toString(), "该生效日期已有规则集");
        }
        repository.insert(set, clock.instant(), actor());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", set.name());
        details.put("effectiveFrom", set.effectiveFrom().toString());
        details.put("periods", set.periods().stream().map(p -> p.infoType() + "/" + p.severity()
                + (p.sector() == null ? "" : "/" + p.sector()) + ": "
                + p.minMonths() + "-" + p.maxMonths() + (p.publishedByDefault() ? "" : " (not published)")).toList());
        details.put("exclusions", set.exclusions().stream().map(RuleSet.Exclusion::code).toList());
        audit.record("RULE_SET_RECORDED", "rule_set", set.code(), details);
        return set;
    }

    /** Records a deadline value in force from a date; earlier values stay for records that fall under them. */
    @Transactional
    StatutoryDeadline recordDeadline(StatutoryDeadline deadline) {
        List<RuleViolation> v = new ArrayList<>();
        if (deadline.code() == null || !deadline.code().matches("[A-Z][A-Z0-9_]{1,59}")) {
            v.add(RuleViolation.of("code", deadline.code(), "format", "期限编码应为大写字母、数字或下划线"));
        }
        if (deadline.effectiveFrom() == null) {
            v.add(RuleViolation.of("effectiveFrom", null, "required", "请填写生效日期"));
        }
        if (deadline.workingDays() < 0 || deadline.workingDays() > 365) {
            v.add(RuleViolation.of("workingDays", Integer.toString(deadline.workingDays()), "range", "工作日数应在0到365之间"));
        }
        if (Text.isBlank(deadline.name())) {
            v.add(RuleViolation.of("name", deadline.name(), "required", "请填写期限名称"));
        }
        if (Text.isBlank(deadline.basis())) {
            v.add(RuleViolation.of("basis", deadline.basis(), "required", "请填写依据"));
        }
        if (!v.isEmpty()) {
            throw new RuleViolationException("期限不符合规则", v);
        }
        if (repository.deadlineExists(deadline.code(), deadline.effectiveFrom())) {
            throw new ConflictException("effectiveFrom", deadline.effectiveFrom().toString(),
                    "期限“" + deadline.code() + "”在该日期已有取值；请以新的生效日期记录变更");
        }
        repository.insertDeadline(deadline, clock.instant(), actor());
        audit.record("DEADLINE_RECORDED", "deadline", deadline.code(), Map.of("effectiveFrom",
                deadline.effectiveFrom().toString(), "workingDays", deadline.workingDays()));
        return deadline;
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}

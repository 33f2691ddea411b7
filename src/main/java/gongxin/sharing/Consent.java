package gongxin.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongxin.shared.RuleViolation;
import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;
import gongxin.shared.Text;

/**
 * A person's authorisation for a department to read its credit information for some matters (个人信息保护法 art. 13,
 * 14: consent specific, informed and limited; the city plans: no lifetime authorisation): for one grantee, limited in
 * time (the longest validity is data), with the signed authorisation's evidence, revocable at any time with effect on
 * the next query (art. 15).
 */
final class Consent {

    enum Status { ACTIVE, REVOKED }

    private final Long id;
    private final long subjectId;
    private final String grantee;
    private final List<String> matters;
    private final LocalDate validFrom;
    private final LocalDate validTo;
    private final String evidenceFile;
    private final String evidenceSm3;
    private Status status;
    private Instant revokedAt;
    private String revocationReason;

    Consent(Long id, long subjectId, String grantee, List<String> matters, LocalDate validFrom, LocalDate validTo,
            String evidenceFile, String evidenceSm3, Status status, Instant revokedAt, String revocationReason) {
        this.id = id;
        this.subjectId = subjectId;
        this.grantee = grantee;
        this.matters = List.copyOf(matters);
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.evidenceFile = evidenceFile;
        this.evidenceSm3 = evidenceSm3;
        this.status = status;
        this.revokedAt = revokedAt;
        this.revocationReason = revocationReason;
    }

    /**
     * A new consent, refused with every rule it breaks: fields missing ({@code consent-required-fields}), not a person
     * ({@code consent-persons-only}), longer than the longest validity ({@code consent-too-long}), ending before it
     * begins or already ended ({@code consent-dates}), evidence that is not an SM3 digest.
     *
     * @param maxMonths the longest validity in force, in months
     */
    static Consent grant(long subjectId, SubjectCategory category, String grantee, List<String> matters, LocalDate validFrom,
                         LocalDate validTo, String evidenceFile, String evidenceSm3, int maxMonths, LocalDate today) {
        List<RuleViolation> v = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (Text.isBlank(grantee)) {
            missing.add("grantee");
        }
        if (matters == null || matters.isEmpty() || matters.stream().anyMatch(Text::isBlank)) {
            missing.add("matters");
        }
        if (validFrom == null) {
            missing.add("validFrom");
        }
        if (validTo == null) {
            missing.add("validTo");
        }
        if (Text.isBlank(evidenceFile) || Text.isBlank(evidenceSm3)) {
            missing.add("evidence");
        }
        if (!missing.isEmpty()) {
            v.add(RuleViolation.of(missing.get(0), null, "consent-required-fields",
                    "授权须写明被授权部门、事项、有效期和已签署授权书的证据（文件名与 SM3）；缺少：" + String.join("、", missing)));
        }
        if (category != null && category != SubjectCategory.NATURAL_PERSON) {
            v.add(RuleViolation.of("subject", category.name(), "consent-persons-only", "个人授权只适用于自然人的信息"));
        }
        if (validFrom != null && validTo != null) {
            if (validTo.isBefore(validFrom) || validTo.isBefore(today)) {
                v.add(RuleViolation.of("validTo", validTo.toString(), "consent-dates", "授权的截止日期不能早于起始日期或今天"));
            } else if (validTo.isAfter(validFrom.plusMonths(maxMonths).minusDays(1))) {
                v.add(RuleViolation.of("validTo", validTo.toString(), "consent-too-long",
                        "授权有效期最长 " + maxMonths + " 个月（至 " + validFrom.plusMonths(maxMonths).minusDays(1) + "），不得长期或终身授权"));
            }
        }
        if (!Text.isBlank(evidenceSm3) && !evidenceSm3.strip().matches("(?i)[0-9a-f]{64}")) {
            v.add(RuleViolation.of("evidence.sm3", evidenceSm3, "sm3", "证据的 SM3 摘要应为 64 位十六进制"));
        }
        if (!v.isEmpty()) {
            throw new RuleViolationException("个人授权不符合要求", v);
        }
        return new Consent(null, subjectId, grantee.strip(), matters.stream().map(String::strip).toList(), validFrom, validTo,
                evidenceFile.strip(), evidenceSm3.strip().toLowerCase(java.util.Locale.ROOT), Status.ACTIVE, null, null);
    }

    /**
     * Why this consent does not allow the query, if it does not: revoked, not yet or no longer valid, for another
     * department, another matter or another person.
     */
    Optional<String> refusal(long subject, String department, String matter, LocalDate day) {
        if (status == Status.REVOKED) {
            return Optional.of("该授权已于 " + revokedAt + " 撤回");
        }
        if (day.isBefore(validFrom) || day.isAfter(validTo)) {
            return Optional.of("该授权的有效期为 " + validFrom + " 至 " + validTo);
        }
        if (subjectId != subject) {
            return Optional.of("该授权不是查询对象本人作出的");
        }
        if (!grantee.equals(department)) {
            return Optional.of("该授权的被授权部门不是本部门");
        }
        if (!matters.contains(matter)) {
            return Optional.of("该授权不包括事项 " + matter);
        }
        return Optional.empty();
    }

    /** The person withdraws it (or staff record the withdrawal): queries after it are refused. */
    void revoke(String reason, Instant at) {
        if (status == Status.REVOKED) {
            throw RuleViolationException.of("status", status.name(), "not-active", "该授权已撤回");
        }
        if (Text.isBlank(reason)) {
            throw RuleViolationException.of("reason", null, "reason-required", "请写明撤回的原因或方式（如本人书面撤回）");
        }
        status = Status.REVOKED;
        revokedAt = at;
        revocationReason = reason.strip();
    }

    Long id() {
        return id;
    }

    long subjectId() {
        return subjectId;
    }

    String grantee() {
        return grantee;
    }

    List<String> matters() {
        return matters;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    LocalDate validTo() {
        return validTo;
    }

    String evidenceFile() {
        return evidenceFile;
    }

    String evidenceSm3() {
        return evidenceSm3;
    }

    Status status() {
        return status;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    String revocationReason() {
        return revocationReason;
    }
}

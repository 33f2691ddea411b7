package gongxin.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import gongxin.measures.Measure;

/**
 * Which measures apply to a subject for a matter on a day, from its hits (credit-rules §4): each measure triggered by a
 * hit in force applies, with the hits that triggered it; what would have applied but does not is listed with why.
 * <ul>
 *   <li>a penalty the rules exempt (简易程序, 首违不罚) is no hit, and its measures are named as not applied;</li>
 *   <li>a minor's dishonesty never triggers punishment (Administrative Penalty Law art. 30 and the city plans);</li>
 *   <li>a hit under objection is shown, its measures suspended until the objection is decided (NDRC Order 36, art. 29);</li>
 *   <li>an organisation's legal representative's own entries count for it (落实到人);</li>
 *   <li>incentives are for the trustworthy: none while dishonesty counts against the subject;</li>
 *   <li>a hit that stopped counting in the last year (revoked, removed, repaired, publicity ended) is named with its
 *   reason, so that the caseworker sees why nothing applies.</li>
 * </ul>
 */
final class CheckEvaluation {

    /**
     * A measure that applies, and the hits that triggered it.
     *
     * @param grade the subject's evaluation grade, when the grade triggered it (分级分类监管)
     */
    record Applied(Measure measure, List<Long> triggeredBy, String grade) {
    }

    /** A measure that would have applied to a hit, and why it does not. */
    record NotApplied(String code, long hitId, String reason) {
    }

    record Result(List<Hit> hits, List<Applied> applied, List<NotApplied> notApplied) {
    }

    private CheckEvaluation() {
    }

    /**
     * @param hits every hit of the subject (and of its legal representative, marked), whatever its days
     * @param measures the measures in force for the matter on {@code day}
     * @param grade the subject's evaluation grade on {@code day}, if it has one: a measure may be triggered by it
     */
    static Result evaluate(List<Hit> hits, List<Measure> measures, LocalDate day, String grade) {
        List<Hit> inForce = hits.stream().filter(h -> h.inForce(day) && h.exemption() == null).toList();
        boolean dishonestyCounts = inForce.stream().anyMatch(h -> h.dishonesty() && !h.minor() && !h.suspended(day));
        Map<String, List<Long>> applied = new LinkedHashMap<>();
        Map<String, String> byGrade = new LinkedHashMap<>();
        List<NotApplied> notApplied = new ArrayList<>();
        for (Measure m : measures) {
            if (m.triggeredByGrade(grade)) {
                if (m.kind() == Measure.Kind.INCENTIVE && dishonestyCounts) {
                    notApplied.add(new NotApplied(m.code(), 0, "主体存在有效的失信信息，不适用激励措施（评价等级 " + grade + "）"));
                } else {
                    applied.computeIfAbsent(m.code(), k -> new ArrayList<>());
                    byGrade.put(m.code(), grade);
                }
            }
            for (Hit h : hits) {
                if (!triggers(m, h)) {
                    continue;
                }
                if (h.inForce(day) && h.kind() == gongxin.entries.EntryKind.RECORD && !m.recentEnough(h.decidedOn(), day)) {
                    // in force, but older than the measure's own time limit (一年内受到严重行政处罚: 12 months)
                    notApplied.add(new NotApplied(m.code(), h.sourceId(), "该措施只适用于决定之日起 " + m.withinMonths()
                            + " 个月内的记录（" + h.decidedOn() + " 作出）"));
                } else if (h.inForce(day)) {
                    String reason = why(m, h, day, dishonestyCounts);
                    if (reason == null) {
                        applied.computeIfAbsent(m.code(), k -> new ArrayList<>()).add(h.sourceId());
                    } else {
                        notApplied.add(new NotApplied(m.code(), h.sourceId(), reason));
                    }
                } else if (h.endedRecently(day) && !h.repaired()) {
                    // repaired information is no longer shared nor used (NDRC Order 36, art. 3): not even as a reason
                    notApplied.add(new NotApplied(m.code(), h.sourceId(), ended(h)));
                }
            }
        }
        Function<String, Measure> byCode = code -> measures.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
        List<Applied> out = applied.entrySet().stream()
                .map(e -> new Applied(byCode.apply(e.getKey()), e.getValue(), byGrade.get(e.getKey()))).toList();
        return new Result(inForce, out, notApplied);
    }

    private static boolean triggers(Measure m, Hit h) {
        if (h.legalRepresentative() && (m.kind() == Measure.Kind.INCENTIVE || !h.dishonesty())) {
            return false;
        }
        // an organisation's listing binds its legal representative only where the measure says so (落实到人, as data)
        if (h.via() == Hit.Via.REPRESENTED_ORGANISATION
                && (!m.reachesRepresentatives() || !h.dishonesty() || h.kind() != gongxin.entries.EntryKind.LIST_ENTRY)) {
            return false;
        }
        Measure.Kind wanted = h.nature() == gongxin.entries.EntryNature.TRUSTWORTHY ? Measure.Kind.INCENTIVE : Measure.Kind.PUNISHMENT;
        return m.kind() == wanted && m.triggeredBy(h.kind(), h.code(), h.severity());
    }

    private static String why(Measure m, Hit h, LocalDate day, boolean dishonestyCounts) {
        if (h.exemption() != null) {
            String exemption = switch (h.exemption()) {
                case "SIMPLIFIED_PROCEDURE" -> "简易程序";
                case "FIRST_OFFENCE_NOT_PENALISED" -> "首违不罚";
                default -> h.exemption();
            };
            return "依法不作为失信信息（" + exemption + "），不适用惩戒措施";
        }
        if (h.minor()) {
            return "未成年人的失信信息不触发惩戒措施";
        }
        if (h.suspended(day)) {
            return "异议已受理（" + h.suspendedSince() + " 起），核查期间相关措施暂停适用";
        }
        if (m.kind() == Measure.Kind.INCENTIVE && dishonestyCounts) {
            return "主体存在有效的失信信息，不适用激励措施";
        }
        return null;
    }

    private static String ended(Hit h) {
        String reason = h.endedReason();
        String on = "（" + h.validTo() + "）";
        if (reason.startsWith("REMOVED:")) {
            return switch (reason.substring("REMOVED:".length())) {
                case "REPAIRED" -> "已信用修复，移出名单" + on;
                case "BASIS_REVOKED" -> "认定依据已撤销，移出名单" + on;
                case "COURT_DECISION" -> "依人民法院裁判移出名单" + on;
                case "UPSTREAM_REMOVED" -> "名单来源已删除" + on;
                case "OBJECTION" -> "经异议核实，移出名单" + on;
                case "EXPIRED" -> "名单期限届满移出" + on;
                case "DISHONESTY" -> "因新的失信信息移出激励名单" + on;
                default -> "已移出名单" + on;
            };
        }
        return switch (reason) {
            case "REVOKED" -> "决定已撤销" + on;
            case "PUBLICITY_ENDED" -> "公示期已满，不再作为失信信息使用" + on;
            case "REPAIRED" -> "已信用修复" + on;
            case "FLAGGED" -> "因新的失信信息停止激励" + on;
            case "EXPIRED" -> "名单期限届满" + on;
            default -> "已不再有效" + on;
        };
    }
}

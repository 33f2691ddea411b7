package gongxin.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import gongxin.catalog.RuleSets;
import gongxin.catalog.StatutoryDeadline;
import gongxin.identity.Caller;
import gongxin.identity.Departments;
import gongxin.platform.OfficialDocument;
import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryRef;
import gongxin.entries.RepairTerms;
import gongxin.shared.NotFoundException;
import gongxin.shared.NotPermittedException;
import gongxin.shared.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * The credit repair notice served together with a penalty decision (两书同达, 国办发〔2025〕22号 and NDRC Order 36;
 * credit-rules §6): for one record, when repair becomes possible (its minimum publicity period under the rule set that
 * applies), the conditions, the materials, where to apply, that it is free, the statutory deadlines and when the
 * publicity ends by itself. Drawn from the stored record each time, so the same record gives the same text.
 */
@Component
class RepairNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CreditEntries entries;
    private final RuleSets ruleSets;
    private final Departments departments;
    private final Clock clock;
    private final gongxin.audit.AuditLog audit;

    RepairNotices(CreditEntries entries, RuleSets ruleSets, Departments departments, gongxin.audit.AuditLog audit, Clock clock) {
        this.audit = audit;
        this.entries = entries;
        this.ruleSets = ruleSets;
        this.departments = departments;
        this.clock = clock;
    }

    /** The notice for a credit entry of the caller's department (or any, for the credit office). */
    byte[] render(Caller caller, EntryRef ref, gongxin.audit.Purpose purpose) {
        String field = ref.kind().idField();
        CreditEntry r = entries.find(ref).orElseThrow(() -> new NotFoundException(ref.kind().label() + " " + ref.id() + " 不存在"));
        if (!caller.mayActFor(r.department()) && !caller.seesEveryDepartment()) {
            throw NotPermittedException.of(field, Long.toString(ref.id()), "not-determining-department",
                    "只有作出决定的部门可以出具该信息的信用修复告知书");
        }
        audit.recordRead("repair_notice", ref.toString(), purpose, java.util.Map.of("department", r.department()));
        RepairTerms terms = entries.repairTerms(ref);
        if (!terms.repairable()) {
            throw RuleViolationException.of(field, Long.toString(ref.id()), terms.rule(), terms.reason());
        }
        LocalDate decided = r.date();
        int accept = days("REPAIR_ACCEPTANCE", decided);
        int decide = days("REPAIR_DECISION", decided);
        int extension = days("REPAIR_DECISION_COMPLEX_EXTENSION", decided);

        String department = departments.nameOf(r.department());
        OfficialDocument doc = OfficialDocument.start(department, "信用修复告知书", ref.kind().label() + "编号：" + r.id());
        doc.line("关联决定书文号：" + (r.documentNumber() == null ? "—" : r.documentNumber()));
        doc.line(r.subject().name() + (r.subject().creditCode() == null ? "" : "（统一社会信用代码 " + r.subject().creditCode() + "）") + "：");
        doc.paragraph("本机关于 " + DAY.format(decided) + " 作出的上述决定，将依法在信用网站公示"
                + (r.windowEnd() == null ? "" : "至 " + DAY.format(r.windowEnd())) + "。根据信用修复相关规定，现将信用修复事项一并告知如下：");
        doc.paragraph("一、可申请修复的时间：" + (terms.minimumMonths() == null || terms.minimumMonths() == 0
                ? "履行决定规定的义务后即可申请。"
                : "最短公示期 " + terms.minimumMonths() + " 个月届满后，即自 " + DAY.format(terms.earliestDate()) + " 起，可申请信用修复（依据："
                        + terms.ruleSet() + "）。"));
        doc.paragraph("二、修复条件：已履行决定规定的义务（如缴清罚款）、纠正失信行为、消除不良影响，并作出信用承诺。");
        doc.paragraph("三、申请材料：信用修复申请（网上填写）、信用承诺（平台提供承诺书）、已履行义务和纠正失信行为的证明材料。");
        doc.paragraph("四、申请途径：示例市公共信用信息平台“修复与异议申请”栏目（/rights/apply?" + ref.kind().idField() + "=" + r.id()
                + "），无需注册；也可向本机关书面申请。信用修复不收取任何费用。");
        doc.paragraph("五、办理时限：本机关自收到申请之日起 " + accept + " 个工作日内决定是否受理，受理后 " + decide
                + " 个工作日内作出决定；情况复杂的，可延长 " + extension + " 个工作日。修复后，该信息在信用网站、信用报告和联合奖惩核查中同步停止公示和使用，历史记录依法保存。");
        if (r.windowEnd() != null) {
            doc.paragraph("六、公示期至 " + DAY.format(r.windowEnd()) + " 届满，期满自动停止公示，无须申请。");
        }
        doc.paragraph("如认为公示信息有误，可随时提出异议；提出后该信息标注“异议处理中”，本机关受理后至核查决定作出前，据其实施的惩戒措施暂停适用。");
        doc.signature(department, DAY.format(LocalDate.now(clock)));
        return doc.finish();
    }

    private int days(String code, LocalDate on) {
        // a decision before the deadlines were in force is told the deadlines of today
        return ruleSets.deadline(code, on).or(() -> ruleSets.deadline(code, LocalDate.now(clock)))
                .map(StatutoryDeadline::workingDays).orElseThrow(() -> new IllegalStateException("no deadline " + code));
    }
}

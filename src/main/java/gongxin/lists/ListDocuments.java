package gongxin.lists;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import gongxin.identity.Departments;
import gongxin.platform.OfficialDocument;
import gongxin.records.Records;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolationException;
import gongxin.shared.SubjectCategory;
import org.springframework.stereotype.Component;

/**
 * The documents of a case, as PDF with the bundled Chinese font: the prior notice (告知书), the decision (认定决定书) and
 * the credit repair notice served with it (信用修复告知书, 两书同达). Each is drawn from the stored case, so the same case
 * gives the same text; the parts the law requires are listed with each method.
 */
@Component
class ListDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** The document kinds, by the path they are served under. */
    enum Kind {
        NOTICE("notice.pdf", "严重失信主体名单列入告知书"),
        DECISION("decision.pdf", "严重失信主体名单认定决定书"),
        REPAIR_NOTICE("repair-notice.pdf", "信用修复告知书");

        final String file;
        final String title;

        Kind(String file, String title) {
            this.file = file;
            this.title = title;
        }
    }

    private final Departments departments;

    private final gongxin.catalog.RuleSets ruleSets;
    private final java.time.Clock clock;

    ListDocuments(Departments departments, gongxin.catalog.RuleSets ruleSets, java.time.Clock clock) {
        this.departments = departments;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /** The working days to verify an objection, as the deadline table has them on the day of the notice. */
    private int verificationDays(ListCase c) {
        java.time.LocalDate on = c.servedOn() != null ? c.servedOn() : java.time.LocalDate.now(clock);
        return ruleSets.workingDays(ListCase.OBJECTION_VERIFICATION, on);
    }

    byte[] render(Kind kind, ListCases.CaseView view) {
        ListCase c = view.listCase();
        boolean available = switch (kind) {
            case NOTICE -> c.servedOn() != null || (c.status() == ListCase.Status.PROPOSED && c.approved());
            case DECISION, REPAIR_NOTICE -> c.entry().isPresent();
        };
        if (!available) {
            throw new NotFoundException(kind == Kind.NOTICE ? "认定提议审核通过后才生成告知书" : "作出认定决定后才生成该文书");
        }
        return switch (kind) {
            case NOTICE -> notice(view);
            case DECISION -> decision(view);
            case REPAIR_NOTICE -> repairNotice(view);
        };
    }

    /**
     * The prior notice: who, what the department intends and why (facts, the records it rests on, the legal basis), the
     * measures that would follow, the right to state a case and object, the period in working days and its last day,
     * whom to contact (国办发〔2020〕49号 art. (七): 告知 before listing; the city plans).
     */
    private byte[] notice(ListCases.CaseView view) {
        ListCase c = view.listCase();
        ListType type = c.type();
        return pdf(Kind.NOTICE, view, doc -> {
            doc.line(subjectLine(view) + "：");
            doc.paragraph("经查，" + c.facts() + "。");
            doc.paragraph("上述事实有以下生效法律文书为据：" + basisText(view.basis()) + "。");
            doc.paragraph("依据" + type.basis() + "，本机关拟将你（单位）列入" + type.name() + "，列入后将依法采取以下措施："
                    + String.join("；", type.measures()) + "。");
            String deadline = c.statementDeadline() == null ? "送达之日起 " + type.statementWorkingDays() + " 个工作日内"
                    : "自本告知书送达之日起 " + type.statementWorkingDays() + " 个工作日内（即 " + DAY.format(c.statementDeadline().date()) + " 前）";
            doc.paragraph("根据相关规定，你（单位）享有陈述、申辩和提出异议的权利。如有陈述、申辩或异议，请于" + deadline
                    + "向本机关书面提出，并提交相关证据材料；对异议，本机关将在收到之日起 " + verificationDays(c) + " 个工作日内核实并书面答复。"
                    + "陈述申辩期内，本机关不作出列入决定。逾期未提出的，视为放弃陈述、申辩的权利。");
            ListCaseRepository.Contact contact = view.stored().contact();
            doc.paragraph("联系人：" + (contact == null || contact.name() == null ? "（认定部门信用工作人员）" : contact.name())
                    + "　联系电话：" + (contact == null || contact.phone() == null ? "（见认定部门公开电话）" : contact.phone()));
            signature(doc, type, c.servedOn());
        });
    }

    /**
     * The decision: facts, basis, the statements received and how they were handled, the measures, the period on the
     * list and when the entry may be removed early, the conditions of removal, and the remedies (Administrative
     * Reconsideration Law art. 20: 60 days; Administrative Litigation Law art. 46: six months).
     */
    private byte[] decision(ListCases.CaseView view) {
        ListCase c = view.listCase();
        ListType type = c.type();
        ListCase.Entry e = c.entry().orElseThrow();
        return pdf(Kind.DECISION, view, doc -> {
            doc.line("文号：" + e.documentNumber());
            doc.line(subjectLine(view) + "：");
            doc.paragraph("本机关于 " + DAY.format(c.servedOn()) + " 向你（单位）送达了列入告知书。经查，" + c.facts() + "。"
                    + "认定依据的生效法律文书：" + basisText(view.basis()) + "。");
            List<ListCase.Statement> statements = c.statements();
            if (statements.isEmpty()) {
                doc.paragraph("你（单位）在陈述申辩期内未提出陈述、申辩或异议。");
            } else {
                for (ListCase.Statement s : statements) {
                    String handled = s.late() ? "（逾期提出，已记录）"
                            : s.resolution() == null ? "（已记录）"
                            : "（经核实，" + (s.resolution() == ListCase.Resolution.ACCEPTED ? "异议成立" : "异议不成立") + "：" + s.reason() + "）";
                    doc.paragraph("你（单位）于 " + DAY.format(s.receivedOn()) + " 提出" + (s.objection() ? "异议" : "陈述申辩") + "："
                            + s.text() + handled);
                }
            }
            doc.paragraph("依据" + type.basis() + "，本机关决定将你（单位）列入" + type.name() + "，列入日期为 "
                    + DAY.format(e.listedOn()) + "，列入期限至 " + DAY.format(e.endsOn()) + " 届满，期满自动移出。");
            doc.paragraph("列入期间依法采取以下措施：" + String.join("；", type.measures()) + "。");
            doc.paragraph("移出条件：" + (type.removalConditions() == null ? "列入期满自动移出；依法可提前移出的，按信用修复规定办理。"
                    : type.removalConditions()) + "自 " + DAY.format(e.removableFrom()) + " 起可申请信用修复（详见同时送达的信用修复告知书）。");
            doc.paragraph("如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。");
            signature(doc, type, e.listedOn());
        });
    }

    /**
     * The repair notice served with the decision (两书同达): from which day and on what conditions repair is possible,
     * what to submit, where to apply, that it is free, and that the entry ends by itself at the end of its period.
     */
    private byte[] repairNotice(ListCases.CaseView view) {
        ListCase c = view.listCase();
        ListType type = c.type();
        ListCase.Entry e = c.entry().orElseThrow();
        return pdf(Kind.REPAIR_NOTICE, view, doc -> {
            doc.line("关联决定书文号：" + e.documentNumber());
            doc.line(subjectLine(view) + "：");
            doc.paragraph("本机关已于 " + DAY.format(e.listedOn()) + " 将你（单位）列入" + type.name() + "。根据信用修复相关规定，现将信用修复事项告知如下：");
            doc.paragraph("一、可申请修复的时间：列入满最短期限后，即自 " + DAY.format(e.removableFrom()) + " 起，可申请信用修复。");
            doc.paragraph("二、修复条件：" + (type.removalConditions() == null ? "已纠正失信行为、履行法定义务、消除不良影响。"
                    : type.removalConditions()));
            doc.paragraph("三、申请材料：信用修复申请书、守信承诺书（平台提供模板），以及已履行法定义务、纠正失信行为的证明材料。");
            doc.paragraph("四、申请途径：可通过示例市信用网站“信用修复”栏目在线申请，也可向本机关书面申请；信用修复不收取任何费用。");
            doc.paragraph("五、办理时限：认定部门自收到申请之日起 3 个工作日内决定是否受理，受理后 7 个工作日内作出决定。");
            doc.paragraph("六、列入期限至 " + DAY.format(e.endsOn()) + " 届满，期满自动移出，无须申请。");
            signature(doc, type, e.listedOn());
        });
    }

    private interface Content {
        void write(OfficialDocument document);
    }

    private byte[] pdf(Kind kind, ListCases.CaseView view, Content content) {
        OfficialDocument document = OfficialDocument.start(departmentName(view.listCase().type().departmentCode()), kind.title,
                "案件编号：" + view.stored().id());
        content.write(document);
        return document.finish();
    }

    private void signature(OfficialDocument doc, ListType type, LocalDate date) {
        doc.signature(departmentName(type.departmentCode()), date == null ? null : DAY.format(date));
    }

    private String departmentName(String code) {
        return departments.nameOf(code);
    }

    private static String subjectLine(ListCases.CaseView view) {
        var s = view.subject();
        if (s.category() == SubjectCategory.NATURAL_PERSON) {
            return s.name() + "（身份证号码 " + s.idNumberMasked() + "）";
        }
        return s.name() + "（统一社会信用代码 " + s.creditCode() + "）";
    }

    private static String basisText(List<Records.RecordSummary> basis) {
        if (basis.isEmpty()) {
            throw RuleViolationException.of("basis", null, "basis-required", "案件没有依据记录");
        }
        return String.join("；", basis.stream().map(r -> (r.decisionNumber() == null ? "记录 " + r.id() : r.decisionNumber())
                + "（" + DAY.format(r.decisionDate()) + "）").toList());
    }
}

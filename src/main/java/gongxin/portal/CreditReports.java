package gongxin.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import gongxin.audit.AuditLog;
import gongxin.audit.Purpose;
import gongxin.identity.Caller;
import gongxin.identity.Scope;
import gongxin.platform.GongxinProperties;
import gongxin.shared.NotFoundException;
import gongxin.shared.RuleViolationException;
import gongxin.shared.Sm3;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit reports as PDF in Chinese with the bundled WenQuanYi Micro Hei font: the full public report, and the special
 * report that replaces certificates of no violations (专项信用报告, 发改财金〔2025〕565号). Each has a number, an issue
 * time, the SM3 hash of its bytes and the platform's SM2 signature over them; both are kept, so that anyone holding a
 * number and a file can check that the platform issued exactly that file.
 */
@Service
class CreditReports {

    enum Kind {
        FULL("公共信用信息报告"), SPECIAL("专项信用报告（代替无违法违规记录证明）");

        final String title;

        Kind(String title) {
            this.title = title;
        }
    }

    /** Sections a special report covers (发改财金〔2025〕565号: penalties incl. simplified procedure, lists). */
    static final Set<Section> SPECIAL_SECTIONS = EnumSet.of(Section.PENALTY, Section.SERIOUS_DISHONESTY, Section.ABNORMAL);

    /** @param purpose why a special report is asked for (required for it, and audited); ignored for a full report */
    /** @param matter what a system obtains a SPECIAL report for: its department needs a sharing duty for it */
    record Request(String code, Kind kind, LocalDate from, LocalDate to, List<String> domains, String purpose, String matter) {

        Request(String code, Kind kind, LocalDate from, LocalDate to, List<String> domains, String purpose) {
            this(code, kind, from, to, domains, purpose, null);
        }
    }

    record Issued(String number, Instant issuedAt, String sm3, String signature, byte[] pdf) {
    }

    /**
     * @param valid the number exists and, when a file was given, the file is the one issued (hash and signature match)
     */
    record Verification(String number, boolean valid, String kind, String subjectName, Instant issuedAt, String sm3,
                        String message) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Digits and capitals without 0/O, 1/I/L: read aloud or typed from paper without mistakes. */
    private static final char[] NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    private final PublicCredit credit;
    private final PortalRepository repository;
    private final PlatformKeys keys;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final SubjectGrades grades;
    private final gongxin.sharing.QueryRecords queryRecords;
    private final gongxin.identity.Departments departments;
    private final gongxin.sharing.Duties duties;

    CreditReports(PublicCredit credit, PortalRepository repository, PlatformKeys keys, AuditLog audit, Clock clock,
                  GongxinProperties properties, SubjectGrades grades, gongxin.sharing.QueryRecords queryRecords,
                  gongxin.identity.Departments departments, gongxin.sharing.Duties duties) {
        this.duties = duties;
        this.grades = grades;
        this.queryRecords = queryRecords;
        this.departments = departments;
        this.audit = audit;
        this.credit = credit;
        this.repository = repository;
        this.keys = keys;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @Transactional
    Issued issue(Request request) {
        Kind kind = request.kind() == null ? Kind.FULL : request.kind();
        Purpose purpose = kind == Kind.SPECIAL ? mayObtainSpecialReport(Caller.current(), request.purpose()) : null;
        if (kind == Kind.SPECIAL && Caller.current().kind() == Caller.Kind.API_CLIENT) {
            duties.require(Caller.current(), request.matter());
        }
        LocalDate today = credit.today();
        PublicCredit.SubjectView view = credit.subject(request.code())
                .orElseThrow(() -> new NotFoundException("未找到统一社会信用代码为“" + request.code() + "”的主体"));
        if (view.subject().category() == gongxin.shared.SubjectCategory.NATURAL_PERSON) {
            throw RuleViolationException.of("code", request.code(), "organisation-only",
                    "自然人的信用报告须本人身份核验后在线下窗口办理");
        }
        LocalDate from = request.from();
        LocalDate to = request.to() == null ? today : request.to();
        if (kind == Kind.SPECIAL) {
            if (from == null) {
                from = to.minusYears(3);
            }
            if (from.isAfter(to)) {
                throw RuleViolationException.of("from", from.toString(), "period", "报告期起始日不能晚于截止日");
            }
            if (to.isAfter(today)) {
                throw RuleViolationException.of("to", to.toString(), "not-future", "报告期截止日不能晚于今天");
            }
        }
        List<String> domains = request.domains() == null ? List.of() : request.domains();
        Instant issuedAt = clock.instant();
        String number = newNumber(today);
        byte[] pdf = render(number, issuedAt, kind, view, from, to, domains, today);
        String sm3 = Sm3.hex(pdf);
        String signature = keys.sign(pdf);
        repository.saveReport(new PortalRepository.Report(number, kind.name(), view.subject().id(), view.name(),
                kind == Kind.SPECIAL ? from : null, kind == Kind.SPECIAL ? to : null, domains, issuedAt, sm3, signature, pdf.length));
        if (kind == Kind.SPECIAL) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", kind.name());
            details.put("subject", view.subject().publicId());
            details.put("from", String.valueOf(from));
            details.put("to", String.valueOf(to));
            details.put("domains", domains);
            audit.recordSubjectsRead("REPORT", "credit_report", number, purpose, details, request.matter(),
                    grades.registryId(view.subject()).map(List::of).orElse(List.of()));
        }
        return new Issued(number, issuedAt, sm3, signature, pdf);
    }

    /**
     * A special report (信用代证) lists what is not public: penalties under the simplified procedure, 轻微 ones, ended
     * windows. It is for the subject itself or for an authority (发改财金〔2025〕565号), so it is issued only to staff at
     * a service window (who checked the applicant's identity there) or to a system with the {@code share} scope, each
     * with a declared purpose; the public gets the full report of public information. A subject proving its own
     * identity online is not supported yet.
     */
    static Purpose mayObtainSpecialReport(Caller caller, String purpose) {
        boolean window = caller.kind() == Caller.Kind.STAFF;
        boolean system = caller.kind() == Caller.Kind.API_CLIENT && caller.scopes().contains(Scope.SHARE);
        if (!window && !system) {
            throw new AccessDeniedException("专项信用报告仅向服务窗口工作人员或具有共享权限并说明用途的系统出具");
        }
        return window ? Purpose.requiredText(purpose, "purpose") : Purpose.required(purpose, Purpose.HEADER);
    }

    /**
     * {@code XY}, the issue date and 12 random characters (60 bits): a number tells nobody which other numbers exist,
     * so the verification page cannot be used to list who obtained reports.
     */
    static String newNumber(LocalDate today) {
        StringBuilder number = new StringBuilder("XY").append(today.toString().replace("-", ""));
        for (int i = 0; i < 12; i++) {
            number.append(NUMBER_ALPHABET[RANDOM.nextInt(NUMBER_ALPHABET.length)]);
        }
        return number.toString();
    }

    /** @param file the file to compare, read once as a stream; {@code null} to check the number only */
    Verification verify(String number, InputStream file) throws IOException {
        Optional<PortalRepository.Report> found = repository.report(number == null ? "" : number.trim().toUpperCase());
        if (found.isEmpty()) {
            return new Verification(number, false, null, null, null, null, "本平台未出具该编号的信用报告");
        }
        PortalRepository.Report r = found.get();
        if (file == null) {
            return new Verification(r.number(), true, r.kind(), r.subjectName(), r.issuedAt(), r.sm3(),
                    "编号有效；如需核对文件内容，请上传报告文件");
        }
        PlatformKeys.FileCheck check = keys.check(file, r.signature());
        boolean same = check.sm3().equals(r.sm3()) && check.signatureValid();
        return new Verification(r.number(), same, r.kind(), r.subjectName(), r.issuedAt(), r.sm3(),
                same ? "文件与本平台出具的报告一致，签名有效" : "文件与该编号的报告不一致，可能被修改过");
    }

    String publicKeyPem() {
        return keys.publicKeyPem();
    }

    private byte[] render(String number, Instant issuedAt, Kind kind, PublicCredit.SubjectView view, LocalDate from,
                          LocalDate to, List<String> domains, LocalDate today) {
        BaseFont base = gongxin.platform.CjkFont.get();
        Font title = new Font(base, 18, Font.BOLD);
        Font heading = new Font(base, 13, Font.BOLD);
        Font text = new Font(base, 10);
        Font small = new Font(base, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        document.addTitle(kind.title + " " + number);
        document.addCreator("公信 · 示例市公共信用信息平台");
        document.open();
        Paragraph head = new Paragraph(kind.title, title);
        head.setAlignment(Element.ALIGN_CENTER);
        head.setSpacingAfter(12);
        document.add(head);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        PdfPTable meta = table(2, new float[]{1, 3});
        row(meta, text, "报告编号", number);
        row(meta, text, "出具时间", time.format(issuedAt));
        row(meta, text, "出具机构", "示例市公共信用信息平台");
        row(meta, text, "主体名称", view.name());
        row(meta, text, "主体类型", view.categoryLabel());
        if (view.subject().creditCode() != null) {
            row(meta, text, "统一社会信用代码", view.subject().creditCode());
        }
        if (kind == Kind.SPECIAL) {
            row(meta, text, "报告期", from + " 至 " + to);
            row(meta, text, "查询领域", domains.isEmpty() ? "全部领域" : String.join("、", domains));
        }
        document.add(meta);

        if (kind == Kind.FULL) {
            if (!view.basic().isEmpty()) {
                document.add(new Paragraph("基本信息", heading));
                PdfPTable basic = table(2, new float[]{1, 3});
                view.basic().forEach(f -> row(basic, text, f.name(), f.value()));
                document.add(basic);
            }
            for (Map.Entry<Section, List<PublicCredit.EntryView>> section : view.sections().entrySet()) {
                if (section.getKey() == Section.BASIC) {
                    continue;
                }
                document.add(new Paragraph(section.getKey().label() + "（" + section.getValue().size() + "）", heading));
                if (section.getValue().isEmpty()) {
                    document.add(new Paragraph("无公示信息", text));
                }
                for (PublicCredit.EntryView e : section.getValue()) {
                    entry(document, text, e);
                }
            }
        } else {
            List<PublicCredit.EntryView> found = credit.specialEntries(view.subject(), from, to, domains);
            for (Section section : SPECIAL_SECTIONS) {
                List<PublicCredit.EntryView> in = found.stream().filter(e -> e.section() == section).toList();
                document.add(new Paragraph(section.label() + "（" + in.size() + "）", heading));
                if (in.isEmpty()) {
                    document.add(new Paragraph("报告期内未发现" + section.label() + "记录。", text));
                }
                for (PublicCredit.EntryView e : in) {
                    entry(document, text, e);
                }
            }
            evaluation(document, heading, text, view);
            queries(document, heading, text, view, time);
            document.add(new Paragraph("行政强制措施、刑事判决：本平台暂未归集，本报告不作说明。", text));
        }
        Paragraph foot = new Paragraph("本报告依据示例市公共信用信息平台截至出具时间归集的信息生成，仅反映该时点已公示（专项报告为报告期内已归集）的信息。"
                + "核验方式：访问本平台“报告核验”页面（/reports/verify），输入报告编号并上传本文件；"
                + "平台以 SM3 计算文件摘要并用平台 SM2 公钥核验签名。", small);
        foot.setSpacingBefore(16);
        document.add(foot);
        document.close();
        return out.toByteArray();
    }

    /** Section 评价: the subject's grade today under the model in force, indicator by indicator (issue 22). */
    private void evaluation(Document document, Font heading, Font text, PublicCredit.SubjectView view) {
        document.add(new Paragraph("信用评价", heading));
        java.util.Optional<gongxin.evaluation.Grades.Explained> grade = grades.of(view.subject(), LocalDate.now(clock));
        if (grade.isEmpty()) {
            document.add(new Paragraph("该主体暂无公共信用综合评价。", text));
            return;
        }
        gongxin.evaluation.Grades.Explained g = grade.get();
        PdfPTable table = table(2, new float[]{1, 3});
        row(table, text, "评价等级", g.grade());
        row(table, text, "评价分数", Integer.toString(g.score()));
        row(table, text, "评价模型", g.model() + "（评价日 " + g.asOf() + "）");
        for (gongxin.evaluation.Grades.Explained.Line line : g.lines()) {
            row(table, text, line.name(), (line.points() > 0 ? "+" : "") + line.points() + "：" + String.join("；", line.entries()));
        }
        if (g.override() != null) {
            row(table, text, g.override().name(), String.join("；", g.override().entries()));
        }
        document.add(table);
    }

    /**
     * Section 查询记录 (issue 24; the Shanghai and Henan reports): who read the subject's non-public information, the
     * newest 50 reads, without those an investigation still restricts.
     */
    private void queries(Document document, Font heading, Font text, PublicCredit.SubjectView view, DateTimeFormatter time) {
        document.add(new Paragraph("查询记录", heading));
        List<gongxin.sharing.QueryRecords.Line> lines = grades.registryId(view.subject())
                .map(id -> queryRecords.of(id, LocalDate.now(clock), 50)).orElse(List.of());
        if (lines.isEmpty()) {
            document.add(new Paragraph("暂无非公开信息查询记录。", text));
            return;
        }
        PdfPTable table = table(4, new float[]{2, 3, 2, 2});
        for (gongxin.sharing.QueryRecords.Line l : lines) {
            cell(table, text, time.format(l.at()));
            cell(table, text, l.department() == null ? "—" : departments.nameOf(l.department()));
            cell(table, text, channel(l.channel()) + (l.matter() == null ? "" : "（" + l.matter() + "）"));
            cell(table, text, "REFUSED".equals(l.outcome()) ? "已拒绝" : "已查询");
        }
        document.add(table);
    }

    private static String channel(String channel) {
        return switch (channel) {
            case "QUERY" -> "共享查询";
            case "CHECK" -> "联合奖惩核查";
            case "REPORT" -> "专项信用报告";
            case "LOOKUP" -> "主体查询";
            case "EVALUATION" -> "信用评价查询";
            default -> channel;
        };
    }

    private static void entry(Document document, Font text, PublicCredit.EntryView e) {
        PdfPTable table = table(2, new float[]{1, 3});
        row(table, text, "信息项", e.itemName() + (e.underObjection() ? "（异议处理中）" : ""));
        row(table, text, "决定文书号", e.decisionNumber());
        row(table, text, "决定日期", String.valueOf(e.decisionDate()));
        row(table, text, "决定机关", e.departmentName());
        for (PublicCredit.Field f : e.fields()) {
            if (!f.name().contains("决定书文号") && !f.name().contains("决定日期")) {
                row(table, text, f.name(), f.value());
            }
        }
        document.add(table);
    }

    private static PdfPTable table(int columns, float[] widths) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setWidths(widths);
        table.setSpacingBefore(6);
        table.setSpacingAfter(8);
        return table;
    }

    private static void cell(PdfPTable table, Font font, String value) {
        table.addCell(new PdfPCell(new Phrase(value == null ? "" : value, font)));
    }

    private static void row(PdfPTable table, Font font, String name, String value) {
        PdfPCell label = new PdfPCell(new Phrase(name == null ? "" : name, font));
        label.setGrayFill(0.93f);
        table.addCell(label);
        table.addCell(new PdfPCell(new Phrase(value == null ? "" : value, font)));
    }

    static List<String> domainsOf(List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            raw.stream().filter(d -> d != null && !d.isBlank()).map(String::trim).forEach(out::add);
        }
        return out;
    }
}

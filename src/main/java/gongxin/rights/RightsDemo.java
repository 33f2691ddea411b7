package gongxin.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import gongxin.entries.CreditEntries;
import gongxin.entries.CreditEntry;
import gongxin.entries.EntryDetail;
import gongxin.entries.EntryStatus;
import gongxin.identity.Caller;
import gongxin.identity.Scope;
import gongxin.platform.ClusterLock;
import gongxin.platform.DemoProperties;
import gongxin.subjects.SubjectCard;
import gongxin.subjects.SubjectReference;
import gongxin.subjects.Subjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the demo city's market regulator a queue, after the demo records and list cases are in: a repair application
 * waiting for acceptance and an accepted objection whose record is marked on the website and suspended in checks.
 */
@Component
class RightsDemo {

    private static final Logger log = LoggerFactory.getLogger(RightsDemo.class);
    private static final String SAMR = "CITY-SAMR";

    private final DemoProperties demo;
    private final Rights rights;
    private final CreditEntries entries;
    private final Subjects subjects;
    private final JdbcClient jdbc;
    private final ClusterLock lock;
    private final Clock clock;

    RightsDemo(DemoProperties demo, Rights rights, CreditEntries entries, Subjects subjects, JdbcClient jdbc,
               ClusterLock lock, Clock clock) {
        this.demo = demo;
        this.rights = rights;
        this.entries = entries;
        this.subjects = subjects;
        this.jdbc = jdbc;
        this.lock = lock;
        this.clock = clock;
    }

    @EventListener(gongxin.platform.DemoDataRequested.class)
    @Order(120)
    void seed() {
        if (!demo.enabled()) {
            return;
        }
        lock.runExclusively("seed-rights", () -> {
            if (jdbc.sql("select not exists (select 1 from rights.application)").query(Boolean.class).single()) {
                seedApplications();
            }
            return null;
        });
    }

    /** A one-page PDF saying what it stands for (the demo has no real scans). */
    static byte[] demoPdf(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.lowagie.text.Document document = new com.lowagie.text.Document();
        com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
        document.open();
        document.add(new com.lowagie.text.Paragraph(text));
        document.close();
        return out.toByteArray();
    }

    private void seedApplications() {
        LocalDate today = LocalDate.now(clock);
        List<CreditEntry> candidates = new ArrayList<>();
        Set<Long> companies = new LinkedHashSet<>();
        // dishonesty penalties of the market regulator, repairable today, one per company, the oldest first
        entries.each(EntryDetail.MEASURES, e -> {
            if (candidates.size() < 50 && "XZCF".equals(e.code()) && SAMR.equals(e.department()) && e.dishonesty()
                    && e.objectable() && e.status() == EntryStatus.PUBLISHED && !e.underObjection()
                    && companies.add(e.subjectId())) {
                candidates.add(e);
            }
        });
        candidates.removeIf(e -> !entries.repairTerms(e.ref()).possibleOn(today)
                || subjects.card(e.subjectId()).map(SubjectCard::creditCode).isEmpty());
        candidates.subList(Math.min(2, candidates.size()), candidates.size()).clear();
        if (candidates.size() < 2) {
            log.info("Demo rights: not enough repairable market-regulation penalties to seed applications");
            return;
        }
        Rights.Submitted repair = rights.submit(RightsApplication.Kind.REPAIR, request(candidates.get(0),
                "罚款已于决定后十日内缴清，违法广告已全部下架并建立广告审核制度", true),
                List.of(new Proof.Upload(ProofKind.IDENTITY, "营业执照（副本）.pdf", "application/pdf", demoPdf("Business licence (demo)")),
                        new Proof.Upload(ProofKind.PERFORMANCE, "罚款缴纳凭证.pdf", "application/pdf", demoPdf("Fine paid (demo)"))), null, null);
        Rights.Submitted objection = rights.submit(RightsApplication.Kind.OBJECTION, request(candidates.get(1),
                "公示的罚款金额与处罚决定书不符：决定书为罚款五千元", false), List.of(), null, null);
        Caller system = new Caller("api:示例市数据归集系统", Caller.Kind.API_CLIENT, SAMR, Set.of(SAMR), Set.of(), Set.of(Scope.SUBMIT));
        rights.accept(system, objection.number(), true, null, null);
        log.info("Seeded demo rights applications: repair {} waiting for acceptance, objection {} accepted", repair.number(),
                objection.number());
    }

    private Rights.Request request(CreditEntry e, String statement, boolean commitment) {
        SubjectCard card = subjects.card(e.subjectId()).orElseThrow();
        String representative = card.legalRepresentativeName() != null ? card.legalRepresentativeName() : "法定代表人";
        return new Rights.Request(new SubjectReference(card.creditCode(), card.name(), null), representative, e.ref(),
                "办公室", "0510-85551234", commitment, statement);
    }
}

package gongxin.lists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import gongxin.calendar.Calendars;
import gongxin.identity.Caller;
import gongxin.identity.Role;
import gongxin.identity.Scope;
import gongxin.platform.ClusterLock;
import gongxin.platform.DemoProperties;
import gongxin.records.CreditRecord;
import gongxin.records.RecordQuery;
import gongxin.records.RecordStatus;
import gongxin.records.Records;
import gongxin.shared.CreditCode;
import gongxin.subjects.SubjectReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the demo city's market regulator cases at every stage, after the demo records are in: one company listed (on
 * the public list page, with its documents), one in its statement period with an objection to verify (on the deadline
 * board), one proposed by the operator and waiting for the reviewer; two of the courts' judgment debtors; and an
 * A-grade taxpayer list.
 */
@Component
class ListCasesDemo {

    private static final Logger log = LoggerFactory.getLogger(ListCasesDemo.class);
    private static final String SAMR = "CITY-SAMR";

    private final DemoProperties demo;
    private final ListCases cases;
    private final ListImports listImports;
    private final Records records;
    private final Calendars calendars;
    private final JdbcClient jdbc;
    private final ClusterLock lock;
    private final Clock clock;

    ListCasesDemo(DemoProperties demo, ListCases cases, ListImports listImports, Records records, Calendars calendars,
                  JdbcClient jdbc, ClusterLock lock, Clock clock) {
        this.demo = demo;
        this.cases = cases;
        this.listImports = listImports;
        this.records = records;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.lock = lock;
        this.clock = clock;
    }

    @EventListener(gongxin.platform.DemoDataRequested.class)
    @Order(110)
    void seed() {
        if (!demo.enabled()) {
            return;
        }
        lock.runExclusively("seed-list-cases", () -> {
            boolean empty = jdbc.sql("select not exists (select 1 from lists.list_case) and not exists (select 1 from lists.list_entry)")
                    .query(Boolean.class).single();
            boolean types = jdbc.sql("select exists (select 1 from lists.list_type where code in ('SAMR-SERIOUS', 'TAX-A'))")
                    .query(Boolean.class).single();
            if (empty && types) {
                seedCases();
                seedRedList();
            }
            return null;
        });
    }

    private void seedCases() {
        LocalDate today = LocalDate.now(clock);
        var calendar = calendars.current();
        // the market regulator's published penalties of organisations, decided long enough ago for a whole procedure
        List<CreditRecord> candidates = new ArrayList<>();
        Set<String> companies = new LinkedHashSet<>();
        for (CreditRecord r : records.search(new RecordQuery(List.of(SAMR), "XZCF", RecordStatus.PUBLISHED, null, 0, 500)).items()) {
            if (r.dishonest() && r.subjectCreditCode() != null && r.decisionDate().isBefore(today.minusDays(90))
                    && companies.add(r.subjectCreditCode())) {
                candidates.add(r);
            }
        }
        if (candidates.size() < 3) {
            log.info("Demo list cases: not enough market-regulation penalties to seed cases");
            return;
        }
        Caller system = new Caller("api:示例市数据归集系统", Caller.Kind.API_CLIENT, SAMR, Set.of(SAMR), Set.of(), Set.of(Scope.SUBMIT));
        Caller operator = new Caller("operator", Caller.Kind.STAFF, SAMR, Set.of(SAMR), Set.of(Role.OPERATOR), Set.of());
        Caller reviewer = new Caller("reviewer", Caller.Kind.STAFF, SAMR, Set.of(SAMR), Set.of(Role.REVIEWER), Set.of());

        CreditRecord listed = candidates.get(0);
        long first = cases.propose(system, proposal(listed, "在行政处罚决定作出后拒不履行，且在一年内因同类违法行为再次受到处罚，情节严重"), null);
        cases.approve(reviewer, first);
        LocalDate served = listed.decisionDate().plusDays(14);
        LocalDate deadline = cases.notify(system, first, served).date();
        LocalDate decided = calendar.addWorkingDays(deadline, 1).date();
        cases.decide(system, first, decided, "示市监认〔" + decided.getYear() + "〕1号");

        CreditRecord objected = candidates.get(1);
        long second = cases.propose(system, proposal(objected, "食品经营中多次使用超过保质期的原料，造成严重社会影响"), null);
        cases.approve(reviewer, second);
        LocalDate servedRecently = calendar.addWorkingDays(today, -9).date();
        cases.notify(system, second, servedRecently);
        cases.receive(system, second, calendar.addWorkingDays(today, -8).date(), "当事人称涉案原料已全部召回，请求不予列入", true);

        cases.propose(operator, proposal(candidates.get(2), "拒不配合监督检查，隐匿、销毁违法证据"), null);
        log.info("Seeded demo list cases: one listed, one with an objection to verify, one waiting for approval");

        if (candidates.size() >= 5) {
            StringBuilder csv = new StringBuilder("被执行人名称,统一社会信用代码,执行案号,发布日期\n");
            for (int i = 3; i < 5; i++) {
                CreditRecord r = candidates.get(i);
                csv.append(r.subjectName()).append(',').append(r.subjectCreditCode()).append(",（").append(today.getYear())
                        .append("）示0201执").append(100 + i).append("号,").append(today.minusDays(20L * i)).append('\n');
            }
            Caller court = new Caller("api:示例市数据归集系统", Caller.Kind.API_CLIENT, "CITY-COURT", Set.of("CITY-COURT"), Set.of(),
                    Set.of(Scope.SUBMIT));
            try {
                ListImports.Imported imported = listImports.importFile(court, "COURT-DEBTOR", "最高人民法院失信被执行人名单（示例）",
                        today, "demo-court-debtors.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
                log.info("Seeded the demo upstream list: {} of {} accepted", imported.accepted(), imported.rows());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private void seedRedList() {
        StringBuilder csv = new StringBuilder("统一社会信用代码,纳税人名称\n");
        String[] names = {"示例市诚信精密制造有限公司", "示例市守正会计师事务所有限公司", "示例市恒信物流有限公司"};
        for (int i = 0; i < names.length; i++) {
            String org = String.format("%08d", 88_000_001 + i);
            String first17 = "91329900" + org + CreditCode.organizationCodeCheckCharacter(org);
            csv.append(first17).append(CreditCode.checkCharacter(first17)).append(',').append(names[i]).append('\n');
        }
        Caller tax = new Caller("api:示例市数据归集系统", Caller.Kind.API_CLIENT, "CITY-TAX", Set.of("CITY-TAX"), Set.of(), Set.of(Scope.SUBMIT));
        try {
            ListImports.Imported imported = listImports.importFile(tax, "TAX-A", "示例市税务局 2026 年度纳税信用 A 级纳税人名单（示例）",
                    LocalDate.now(clock), "demo-tax-a.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            log.info("Seeded the demo red list: {} of {} accepted", imported.accepted(), imported.rows());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ListCases.Proposal proposal(CreditRecord r, String facts) {
        return new ListCases.Proposal("SAMR-SERIOUS", new SubjectReference(r.subjectCreditCode(), null, null), List.of(r.id()), facts,
                new ListCaseRepository.Contact("示例市市场监督管理局信用监管科", "0510-81234567"));
    }
}

package gongxin.sharing;

import java.time.Clock;
import java.util.List;

import gongxin.entries.EntryKind;
import gongxin.platform.ClusterLock;
import gongxin.platform.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's sharing duties (示例数据): market regulation reads for licensing and supervision by statute; the
 * development and reform commission reads for fiscal support and honours, which need a person's consent; human
 * resources reads for appointments by statute, records and lists only.
 */
@Component
class SharingDemo {

    private static final Logger log = LoggerFactory.getLogger(SharingDemo.class);

    private final DemoProperties demo;
    private final SharingRepository repository;
    private final ClusterLock lock;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SharingDemo(DemoProperties demo, SharingRepository repository, ClusterLock lock, TransactionTemplate transactions, Clock clock) {
        this.demo = demo;
        this.repository = repository;
        this.lock = lock;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(gongxin.platform.DemoDataRequested.class)
    @Order(130)
    void seed() {
        if (!demo.enabled()) {
            return;
        }
        lock.runExclusively("seed-sharing", () -> transactions.execute(s -> {
            if (repository.anyDuty()) {
                return null;
            }
            java.util.Set<EntryKind> all = java.util.Set.of(EntryKind.values());
            java.util.Set<EntryKind> dishonesty = java.util.Set.of(EntryKind.RECORD, EntryKind.LIST_ENTRY, EntryKind.COMMITMENT_BREACH);
            var at = clock.instant();
            repository.replaceDuties("CITY-SAMR", List.of(
                    new Duty("CITY-SAMR", "LICENSING", all, "《中华人民共和国行政许可法》；《市场主体登记管理条例》（示例）", true),
                    new Duty("CITY-SAMR", "SUPERVISION", dishonesty, "《优化营商环境条例》第五十三条：以信用为基础的分级分类监管（示例）", true)),
                    at, "demo");
            repository.replaceDuties("CITY-NDRC", List.of(
                    new Duty("CITY-NDRC", "FISCAL-SUPPORT", all, "财政资金申报审核中的信用审查（示例；须个人授权）", false),
                    new Duty("CITY-NDRC", "HONOURS", all, "评优评先信用审查（示例；须个人授权）", false)),
                    at, "demo");
            repository.replaceDuties("CITY-HRSS", List.of(
                    new Duty("CITY-HRSS", "APPOINTMENT", java.util.Set.of(EntryKind.RECORD, EntryKind.LIST_ENTRY),
                            "《中华人民共和国公司法》第一百七十八条：任职资格（示例）", true)),
                    at, "demo");
            log.info("Seeded the demo city's sharing duties");
            return null;
        }));
    }
}

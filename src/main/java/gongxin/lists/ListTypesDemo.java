package gongxin.lists;

import java.util.List;

import gongxin.platform.ClusterLock;
import gongxin.platform.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo city's list types, marked as examples in their names' sources: the market regulator's list of serious
 * violations, a food-safety list, the courts' list of dishonest judgment debtors (kept upstream, imported), and the
 * A-grade taxpayers as a red list. Periods follow the measures cited; a city sets its own.
 */
@Component
@Order(30)
class ListTypesDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ListTypesDemo.class);

    static final List<ListType.Draft> EXAMPLES = List.of(
            new ListType.Draft("SAMR-SERIOUS", "市场监督管理严重违法失信名单", "DISHONESTY", "MARKET_ORDER", "CITY-SAMR",
                    "《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）",
                    List.of("纳入重点监管，提高检查比例和频次", "限制参加政府采购、工程招投标", "限制获得财政资金支持", "限制评优评先"),
                    10, 12, 36, "列入满一年，已履行行政处罚决定并提交信用修复申请，经认定部门审核可提前移出；列入满三年自动移出", false,
                    List.of("XZCF"), List.of("CITY-SAMR", "CNTY-SAMR")),
            new ListType.Draft("FOOD-SAFETY", "食品安全严重违法生产经营者黑名单", "DISHONESTY", "HEALTH_SAFETY", "CITY-SAMR",
                    "《中华人民共和国食品安全法》第一百三十五条；《市场监督管理严重违法失信名单管理办法》",
                    List.of("依法限制从事食品生产经营管理工作", "纳入重点监管", "限制获得财政资金支持"),
                    10, 12, 36, "列入满一年且已纠正失信行为、履行法定义务的，可申请信用修复提前移出", false,
                    List.of("XZCF"), List.of("CITY-SAMR", "CNTY-SAMR")),
            new ListType.Draft("COURT-DEBTOR", "失信被执行人名单", "DISHONESTY", "DEFYING_DUTIES", "CITY-COURT",
                    "《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）",
                    List.of("限制高消费", "限制担任法定代表人、董事、监事、高级管理人员", "限制参加政府采购、工程招投标"),
                    null, 0, 36, "履行生效法律文书确定的义务、与申请执行人达成和解并履行，或人民法院决定删除的，由人民法院删除", true,
                    null, null),
            new ListType.Draft("TAX-A", "纳税信用A级纳税人名单", "RED", null, "CITY-TAX", "《纳税信用管理办法》（国家税务总局公告2014年第40号）",
                    List.of("绿色通道优先办理", "容缺受理", "减少日常检查频次"),
                    null, 0, 12, "评价年度届满，或三年内出现失信记录的，即时移出", false, null, null));

    private final DemoProperties demo;
    private final ListTypes types;
    private final ListTypeRepository repository;
    private final ClusterLock lock;

    ListTypesDemo(DemoProperties demo, ListTypes types, ListTypeRepository repository, ClusterLock lock) {
        this.demo = demo;
        this.types = types;
        this.repository = repository;
        this.lock = lock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        lock.runExclusively("seed-list-types", () -> {
            if (repository.isEmpty()) {
                EXAMPLES.forEach(types::create);
                log.info("Seeded {} example list types", EXAMPLES.size());
            }
            return null;
        });
    }
}

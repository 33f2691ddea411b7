package gongxin.measures;

import java.time.LocalDate;
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
 * The demo city's measure lists: examples of the national list's three categories (credit-rules §4 gives the categories
 * and examples, not the authoritative 14 entries, so each is marked {@code example}), a local addition, and incentive
 * measures for the trustworthy. The credit office replaces them by importing its own workbook.
 */
@Component
@Order(40)
class MeasuresDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MeasuresDemo.class);
    private static final LocalDate NATIONAL_2021 = LocalDate.of(2022, 1, 1);
    private static final List<String> DISHONESTY_LISTS = List.of("SAMR-SERIOUS", "FOOD-SAFETY", "COURT-DEBTOR");

    static final List<Measure.Draft> EXAMPLES = List.of(
            new Measure.Draft("NAT-1-PROCUREMENT-BAN", "限制参加政府采购活动", "PUNISHMENT", 1, "NATIONAL",
                    "依法限制参加政府采购活动", "列入严重失信主体名单的法人和非法人组织及其法定代表人",
                    "《中华人民共和国政府采购法》第二十二条；《中华人民共和国政府采购法实施条例》第十九条", "财政部门、采购人、采购代理机构",
                    true, true, DISHONESTY_LISTS, List.of(), List.of(), List.of("GOV-PROCUREMENT"), NATIONAL_2021, null,
                    List.of(), List.of(), null, true),
            new Measure.Draft("NAT-1-BIDDING-BAN", "限制参与依法必须招标项目的投标", "PUNISHMENT", 1, "NATIONAL",
                    "依法限制参与依法必须进行招标的工程建设项目投标活动", "列入严重失信主体名单的主体",
                    "《中华人民共和国招标投标法实施条例》第六十七条、第六十八条", "发展改革、住房城乡建设、交通运输、水利等部门",
                    true, true, DISHONESTY_LISTS, List.of(), List.of(), List.of("BIDDING"), NATIONAL_2021, null),
            new Measure.Draft("NAT-1-POST-BAN", "限制担任法定代表人、董事、监事、高级管理人员", "PUNISHMENT", 1, "NATIONAL",
                    "依法限制担任相关企业法定代表人、董事、监事、高级管理人员", "失信被执行人",
                    "《最高人民法院关于限制被执行人高消费及有关消费的若干规定》；《中华人民共和国公司法》第一百七十八条", "市场监管部门",
                    true, true, List.of("COURT-DEBTOR"), List.of(), List.of(), List.of("APPOINTMENT", "MARKET-ACCESS"), NATIONAL_2021, null),
            new Measure.Draft("NAT-1-LAND-BAN", "限制参与国有土地使用权出让", "PUNISHMENT", 1, "NATIONAL",
                    "依法限制参加国有土地使用权招标拍卖挂牌出让", "失信被执行人",
                    "《最高人民法院关于公布失信被执行人名单信息的若干规定》第十一条", "自然资源部门",
                    true, true, List.of("COURT-DEBTOR"), List.of(), List.of(), List.of("LAND"), NATIONAL_2021, null),
            new Measure.Draft("NAT-2-FISCAL-RESTRICT", "限制申请财政性资金项目", "PUNISHMENT", 2, "NATIONAL",
                    "在申请财政性资金项目时从严审核或不予支持", "严重失信主体；受到严重行政处罚的主体",
                    "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）", "财政部门及各项目主管部门",
                    false, true, DISHONESTY_LISTS, List.of("XZCF"), List.of("SERIOUS"), List.of("FISCAL-SUPPORT"), NATIONAL_2021, null),
            new Measure.Draft("NAT-2-HONOURS-BAN", "不得参加评优评先", "PUNISHMENT", 2, "NATIONAL",
                    "在评优评先、表彰奖励中不予推荐或取消资格", "严重失信主体",
                    "《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）", "各级评比表彰主管部门",
                    true, true, DISHONESTY_LISTS, List.of(), List.of(), List.of("HONOURS"), NATIONAL_2021, null),
            new Measure.Draft("NAT-2-SUPERVISION", "列为重点监管对象", "PUNISHMENT", 2, "NATIONAL",
                    "提高“双随机、一公开”抽查比例和频次，实施重点监管", "严重失信主体；受到行政处罚的主体",
                    "《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）", "各行业主管部门",
                    false, true, DISHONESTY_LISTS, List.of("XZCF"), List.of("ORDINARY", "SERIOUS"), List.of("SUPERVISION"), NATIONAL_2021, null,
                    List.of(), List.of("D")),
            new Measure.Draft("NAT-3-CREDIT-RATING", "作为信用评价和授信的参考", "PUNISHMENT", 3, "NATIONAL",
                    "金融机构、信用服务机构等市场主体可依法自主参考，不得强制", "严重失信主体",
                    "《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）", "市场和社会主体自主决定",
                    false, true, DISHONESTY_LISTS, List.of(), List.of(), List.of("FISCAL-SUPPORT", "GOV-PROCUREMENT"), NATIONAL_2021, null),
            new Measure.Draft("LOC-LICENSING-REVIEW", "行政许可从严审查", "PUNISHMENT", 2, "LOCAL",
                    "办理行政许可时不适用告知承诺制，实行从严审查", "严重失信主体；一年内受到严重行政处罚的主体",
                    "《示例市社会信用体系建设实施方案》（示例）；《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》",
                    "各行政许可实施机关", true, false, DISHONESTY_LISTS, List.of("XZCF"), List.of("SERIOUS"), List.of("LICENSING"),
                    LocalDate.of(2024, 1, 1), null, List.of(Measure.ANY_MATTER), List.of(), 12),
            new Measure.Draft("INC-GREEN-CHANNEL", "绿色通道优先办理", "INCENTIVE", null, "NATIONAL",
                    "在政务服务中开辟绿色通道，优先办理", "守信激励对象",
                    "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）", "各政务服务部门",
                    false, true, List.of("TAX-A"), List.of(), List.of(), List.of("GOV-SERVICE", "LICENSING"), NATIONAL_2021, null,
                    List.of(), List.of("A")),
            new Measure.Draft("INC-TOLERANT-ACCEPTANCE", "容缺受理", "INCENTIVE", null, "LOCAL",
                    "非关键材料缺失时先行受理，限期补正", "守信激励对象",
                    "《示例市社会信用体系建设实施方案》（示例）", "各政务服务部门",
                    false, false, List.of("TAX-A"), List.of(), List.of(), List.of("GOV-SERVICE", "LICENSING"), LocalDate.of(2024, 1, 1), null),
            new Measure.Draft("INC-FEWER-INSPECTIONS", "降低抽查比例和频次", "INCENTIVE", null, "NATIONAL",
                    "在“双随机、一公开”监管中合理降低抽查比例和频次", "守信激励对象",
                    "《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）", "各行业主管部门",
                    false, true, List.of("TAX-A"), List.of(), List.of(), List.of("SUPERVISION"), NATIONAL_2021, null));

    private final DemoProperties demo;
    private final MeasureService measures;
    private final MeasureRepository repository;
    private final ClusterLock lock;

    MeasuresDemo(DemoProperties demo, MeasureService measures, MeasureRepository repository, ClusterLock lock) {
        this.demo = demo;
        this.measures = measures;
        this.repository = repository;
        this.lock = lock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        lock.runExclusively("seed-measures", () -> {
            if (repository.isEmpty()) {
                measures.importAll(EXAMPLES);
                log.info("Seeded {} example measures", EXAMPLES.size());
            }
            return null;
        });
    }
}

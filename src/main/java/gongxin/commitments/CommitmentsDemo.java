package gongxin.commitments;

import java.util.List;

import gongxin.identity.Caller;
import gongxin.identity.Role;
import gongxin.platform.ClusterLock;
import gongxin.platform.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo city's commitment matters (examples): the market regulator's 告知承诺 for a food business licence, which
 * excludes listed subjects and unrepaired breaches, and a public commitment of honest operation.
 */
@Component
@Order(45)
class CommitmentsDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CommitmentsDemo.class);

    static final List<Example> EXAMPLES = List.of(
            new Example("SAMR-FOOD-LICENCE", new CommitmentMatter.Draft("食品经营许可告知承诺（示例）", "CITY-SAMR", "APPROVAL",
                    "本主体已知晓食品经营许可的条件、标准和要求，承诺所提交的材料真实有效，现有条件符合许可要求，"
                            + "并同意许可机关在 20 个工作日内进行核查。如承诺不实，愿意承担撤销许可、记入信用记录等法律责任。",
                    20, "SERIOUS", List.of("LISTED", "BREACHED"), null)),
            new Example("SAMR-HONEST-OPERATION", new CommitmentMatter.Draft("诚信经营主动承诺（示例）", "CITY-SAMR", "PUBLIC",
                    "本主体承诺依法诚信经营，不制售假冒伪劣商品，不进行虚假宣传，自愿接受社会监督；违反承诺的，愿意接受失信记录与约束。",
                    60, "ORDINARY", List.of(), null)));

    record Example(String code, CommitmentMatter.Draft draft) {
    }

    private final DemoProperties demo;
    private final Commitments commitments;
    private final CommitmentRepository repository;
    private final ClusterLock lock;

    CommitmentsDemo(DemoProperties demo, Commitments commitments, CommitmentRepository repository, ClusterLock lock) {
        this.demo = demo;
        this.commitments = commitments;
        this.repository = repository;
        this.lock = lock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        lock.runExclusively("seed-commitments", () -> {
            if (repository.noMatters()) {
                Caller office = new Caller("demo", Caller.Kind.STAFF, "CITY-NDRC", java.util.Set.of("CITY-NDRC"),
                        java.util.Set.of(Role.ADMIN), java.util.Set.of());
                EXAMPLES.forEach(e -> commitments.putMatter(office, e.code(), e.draft()));
                log.info("Seeded {} example commitment matters", EXAMPLES.size());
            }
            return null;
        });
    }
}

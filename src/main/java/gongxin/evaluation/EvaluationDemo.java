package gongxin.evaluation;

import java.util.Set;

import gongxin.identity.Caller;
import gongxin.identity.Role;
import gongxin.platform.ClusterLock;
import gongxin.platform.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo city's model {@code CITY-2026}, and a first run over every subject once the demo data is in. */
@Component
class EvaluationDemo {

    private static final Logger log = LoggerFactory.getLogger(EvaluationDemo.class);

    private final DemoProperties demo;
    private final Evaluations evaluations;
    private final EvaluationRepository repository;
    private final ClusterLock lock;
    private final boolean working;

    EvaluationDemo(DemoProperties demo, Evaluations evaluations, EvaluationRepository repository, ClusterLock lock,
                   @org.springframework.beans.factory.annotation.Value("${gongxin.evaluation.worker:true}") boolean working) {
        this.working = working;
        this.demo = demo;
        this.evaluations = evaluations;
        this.repository = repository;
        this.lock = lock;
    }

    @EventListener(gongxin.platform.DemoDataRequested.class)
    @Order(130)
    void seed() {
        if (!demo.enabled()) {
            return;
        }
        lock.runExclusively("seed-evaluation", () -> {
            if (repository.noModels()) {
                Caller office = new Caller("demo", Caller.Kind.STAFF, "CITY-NDRC", Set.of("CITY-NDRC"), Set.of(Role.ADMIN), Set.of());
                evaluations.putModel(office, "CITY-2026", DemoModel.cityModel());
                if (working) {
                    evaluations.startRun(office);
                }
                log.info("Seeded the demo evaluation model CITY-2026{}", working ? " and started a run over every subject" : "");
            }
            return null;
        });
    }
}

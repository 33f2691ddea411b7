package gongxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rules of the house that the compiler does not check. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("gongxin");

    private static final Set<String> CLOCK_TYPES = Set.of("java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.Instant", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.Year", "java.time.YearMonth");

    @Test
    void time_comes_from_the_injected_clock() {
        ArchRule rule = noClasses().should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("now() without a Clock") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getName().equals("now") && CLOCK_TYPES.contains(call.getTargetOwner().getName())
                        && call.getTarget().getRawParameterTypes().isEmpty();
            }
        }).orShould().callMethod(System.class, "currentTimeMillis")
                .because("time must come from the injected Clock so that rules can be tested on any date");
        rule.check(MAIN);
    }

    @Test
    void controllers_use_only_their_own_module_repositories() {
        ArchRule rule = classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should(new ArchCondition<JavaClass>("depend only on repositories of their own package") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        controller.getDirectDependenciesFromSelf().stream()
                                .filter(d -> d.getTargetClass().isAnnotatedWith(Repository.class))
                                .filter(d -> !d.getTargetClass().getPackageName().equals(controller.getPackageName()))
                                .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
                    }
                })
                .andShould().onlyDependOnClassesThat(DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(org.springframework.jdbc.core.simple.JdbcClient.class)
                                .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(org.springframework.jdbc.core.JdbcTemplate.class))))
                .because("controllers go through their module's services and repositories");
        rule.check(MAIN);
    }

    /**
     * After-commit consumers of a batch run one after another on the committing thread; one without a place in
     * {@code CreditEntriesChanged.Consumers} would run last, after the website and the check index (ADR 0034).
     */
    @Test
    void every_consumer_of_a_committed_batch_declares_its_place_in_the_order() {
        ArchRule rule = methods().that().areAnnotatedWith(org.springframework.transaction.event.TransactionalEventListener.class)
                .and(new DescribedPredicate<JavaMethod>("take a batch's event") {
                    @Override
                    public boolean test(JavaMethod method) {
                        return method.getRawParameterTypes().stream().anyMatch(t ->
                                t.isEquivalentTo(gongxin.entries.CreditEntriesChanged.class)
                                        || t.getName().equals("gongxin.records.RecordsIngested"));
                    }
                })
                .should().beAnnotatedWith(org.springframework.core.annotation.Order.class)
                .because("the website, the check index and the grade queue of a large batch must not wait on an unordered consumer");
        rule.check(MAIN);
    }

    @Test
    void every_endpoint_states_who_may_call_it() {
        ArchRule rule = methods().that().areAnnotatedWith(GetMapping.class).or().areAnnotatedWith(PostMapping.class)
                .or().areAnnotatedWith(PutMapping.class).or().areAnnotatedWith(DeleteMapping.class)
                .or().areAnnotatedWith(PatchMapping.class).or().areAnnotatedWith(RequestMapping.class)
                .should(new ArchCondition<JavaMethod>("be covered by @PreAuthorize on the method or its class") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean covered = method.isAnnotatedWith(PreAuthorize.class)
                                || method.getOwner().isAnnotatedWith(PreAuthorize.class);
                        if (!covered) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " has no @PreAuthorize"));
                        }
                    }
                })
                .because("role checks on every endpoint: forgetting one must fail the build, not open the endpoint");
        rule.check(MAIN);
    }

    @Test
    void the_shared_kernel_is_plain_java() {
        noClasses().that().resideInAPackage("gongxin.shared..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("value types carry national standards and must be usable anywhere")
                .check(MAIN);
    }
}

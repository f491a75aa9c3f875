package io.crmkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.impl.db.Dialect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of DESIGN.md and STYLE.md, checked on the compiled classes of sdk-api and sdk-impl.
 *
 * <p>Rules the code keeps today fail on any violation. Rules the architecture reshape is still bringing the code to
 * are frozen ({@link FreezingArchRule}): the violations known when the rule was written are stored in
 * {@code src/test/resources/archunit-store}, any new one fails the test, and each one fixed leaves the store for
 * good.
 */
class LayerRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.crmkit");
        // sdk-api comes as a jar or a folder depending on how Maven runs: a rule over no classes would pass vacuously.
        assertThat(classes.contain(Actor.class)).as("sdk-api imported").isTrue();
        assertThat(classes.contain(CrmKit.class)).as("sdk-impl imported").isTrue();
    }

    @Test
    void theApiDependsOnTheJdkAndItselfOnly() {
        ArchRule rule = classes().that().resideInAPackage("io.crmkit.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.crmkit.api..", "java..")
                .because("sdk-api is the public contract: no third-party types and nothing of the implementation");
        rule.check(classes);
    }

    @Test
    void theImplementationNeverReachesTheEntryPoint() {
        ArchRule rule = noClasses().that().resideInAPackage("io.crmkit.impl..")
                .should().dependOnClassesThat().resideInAPackage("io.crmkit")
                .because("io.crmkit.CrmKit wires the services; a service that reaches it depends on every other one");
        rule.check(classes);
    }

    @Test
    void conceptPackagesGetTheirCollaboratorsNotTheKitContext() {
        ArchRule rule = noClasses().that().resideInAPackage("io.crmkit.impl.*..")
                .should().dependOnClassesThat().resideInAPackage("io.crmkit.impl")
                .because("each service gets exactly what it uses in its constructor (explicit wiring)");
        FreezingArchRule.freeze(rule).check(classes);
    }

    @Test
    void onlyTheDialectKnowsWhichDatabaseItIs() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.crmkit.impl.db..")
                .should().accessField(Dialect.class, Dialect.H2.name())
                .orShould().accessField(Dialect.class, Dialect.POSTGRESQL.name())
                .orShould().accessField(Dialect.class, Dialect.MARIADB.name())
                .because("every dialect difference lives in Dialect; services never test which database they are on");
        rule.check(classes);
    }

    @Test
    void noServiceListsOrSwitchesOnTheDialects() {
        // A switch on an enum compiles to a lookup table filled from values() and ordinal().
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.crmkit.impl.db..")
                .should().callMethod(Dialect.class, "values")
                .orShould().callMethod(Dialect.class, "valueOf", String.class)
                .orShould().callMethod(Dialect.class, "ordinal")
                .orShould().callMethod(Dialect.class, "name")
                .because("a service that picks its SQL by the dialect's name or position tests which database it is on;"
                        + " ask Dialect for the difference by what it does");
        rule.check(classes);
    }
}

package io.crmkit.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The module boundary seen from outside sdk-impl: the starter is a host of the SDK like any other, so it uses
 * {@code io.crmkit.CrmKit} and the API only, never {@code io.crmkit.impl}, which may change in any release.
 */
class StarterBoundaryTest {

    @Test
    void theStarterUsesTheEntryPointAndTheApiOnly() {
        JavaClasses starter = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.crmkit.spring");
        // A rule over no classes would pass vacuously.
        assertThat(starter.contain(CurrentActorCrm.class)).as("starter imported").isTrue();
        ArchRule rule = noClasses().that().resideInAPackage("io.crmkit.spring..")
                .should().dependOnClassesThat().resideInAPackage("io.crmkit.impl..")
                .because("only io.crmkit and io.crmkit.api.. are the SDK's API; io.crmkit.impl is not");
        rule.check(starter);
    }
}

package io.crmkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConfigurationException;
import io.crmkit.api.error.PermissionDeniedException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

/** The Crm bean acts as whoever the ActorResolver says acts now, call by call; without one, start-up fails. */
@ExtendWith(OutputCaptureExtension.class)
class ActorResolutionTest {

    private static final Actor AGENT_A = Actor.of("tenant-a", "agent-1", Permission.ALL);
    private static final Actor AGENT_B = Actor.of("tenant-b", "agent-2", Permission.ALL);

    private final AtomicReference<Actor> signedIn = new AtomicReference<>(AGENT_A);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmKitAutoConfiguration.class))
            .withBean(DataSource.class, TestDatabases::newDataSource);

    @Configuration(proxyBeanMethods = false)
    static class HostCrm {
        @Bean
        Crm hostCrm(CrmKit kit) {
            return kit.as(AGENT_B);
        }
    }

    private ApplicationContextRunner withResolver() {
        return runner.withBean(ActorResolver.class, () -> signedIn::get);
    }

    @Test
    void eachCallActsAsTheActorTheResolverReturnsThen() {
        withResolver().run(context -> {
            Crm crm = context.getBean(Crm.class);
            long id = crm.customers().create(CustomerDraft.builder().name("Lan").build()).id();
            assertThat(crm.customers().get(id).createdBy()).isEqualTo("agent-1");

            signedIn.set(AGENT_B);

            assertThat(crm.actor()).isEqualTo(AGENT_B);
            assertThat(crm.customers().find(id)).isEmpty();
            signedIn.set(AGENT_A);
            assertThat(crm.customers().find(id)).isPresent();
        });
    }

    @Test
    void checksThePermissionsOfTheCurrentActor() {
        signedIn.set(Actor.of("tenant-a", "viewer", Permission.READ));
        withResolver().run(context -> assertThatThrownBy(() -> context.getBean(Crm.class).customers()
                .create(CustomerDraft.builder().name("Lan").build()))
                .isInstanceOf(PermissionDeniedException.class));
    }

    @Test
    void withoutAResolverStartUpFailsShowingHowToDefineOne() {
        runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("actorResolver: no ActorResolver bean")
                    .hasMessageContaining("@Bean ActorResolver actorResolver() {")
                    .hasMessageContaining("return () -> Actor.of(")
                    .hasMessageContaining("crmkit.dev-actor.enabled=true");
        });
    }

    @Test
    void theDevActorPropertyActsAsOneTenantWithEveryPermissionAndWarns(CapturedOutput output) {
        runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
                .withPropertyValues("crmkit.dev-actor.enabled=true").run(context -> {
                    Crm crm = context.getBean(Crm.class);
                    assertThat(crm.actor()).isEqualTo(Actor.of("default", "dev", Permission.ALL));
                    long id = crm.customers().create(CustomerDraft.builder().name("Lan").build()).id();
                    Crm sameTenant = context.getBean(CrmKit.class).as(Actor.of("default", "someone", Permission.READ));
                    assertThat(sameTenant.customers().find(id)).isPresent();
                });

        assertThat(output).contains("WARN").contains("crmkit.dev-actor.enabled=true")
                .contains("every permission");
    }

    @Test
    void theDevActorPropertyWinsOverSpringSecurity() {
        runner.withPropertyValues("crmkit.dev-actor.enabled=true").run(context -> assertThat(
                context.getBean(Crm.class).actor()).isEqualTo(Actor.of("default", "dev", Permission.ALL)));
    }

    @Test
    void theApplicationsResolverWinsOverTheDevActorAndSpringSecurity() {
        withResolver().withPropertyValues("crmkit.dev-actor.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(ActorResolver.class);
            assertThat(context.getBean(Crm.class).actor()).isEqualTo(AGENT_A);
        });
        withResolver().run(context -> {
            assertThat(context).hasSingleBean(ActorResolver.class);
            assertThat(context.getBean(Crm.class).actor()).isEqualTo(AGENT_A);
        });
    }

    @Test
    void aResolverThatReturnsNullGetsAnErrorSayingSo() {
        runner.withBean(ActorResolver.class, () -> () -> null).run(context -> assertThatThrownBy(
                () -> context.getBean(Crm.class).customers())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ActorResolver")
                .hasMessageContaining("returned null"));
    }

    @Test
    void whatTheResolverThrowsReachesTheCaller() {
        runner.withBean(ActorResolver.class, () -> () -> {
            throw new SecurityException("nobody is signed in");
        }).run(context -> assertThatThrownBy(() -> context.getBean(Crm.class).customers())
                .isInstanceOf(SecurityException.class).hasMessage("nobody is signed in"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnCrm() {
        runner.withUserConfiguration(HostCrm.class).run(context -> {
            assertThat(context).hasSingleBean(Crm.class);
            assertThat(context.getBean(Crm.class).actor()).isEqualTo(AGENT_B);
        });
    }
}

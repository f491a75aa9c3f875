package io.crmkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.PermissionDeniedException;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * With Spring Security on the class path and no resolver of the application's, each call acts as the user signed in
 * on the calling thread: tenant and permissions from their authorities (or the tenant from a claim of their token).
 * Nobody signed in, or no tenant, is a refusal, never an actor with every permission.
 */
class SpringSecurityActorsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrmKitAutoConfiguration.class))
            .withBean(DataSource.class, TestDatabases::newDataSource);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void mapsTheSignedInUsersAuthoritiesToTenantAndPermissions() {
        signIn(user("lan", "ROLE_USER", "TENANT_shop-a", "CRM_READ", "CRM_WRITE"));

        runner.run(context -> {
            Crm crm = context.getBean(Crm.class);
            assertThat(crm.actor()).isEqualTo(Actor.of("shop-a", "lan", Permission.READ, Permission.WRITE));
            long id = crm.customers().create(CustomerDraft.builder().name("Lan").build()).id();
            assertThat(crm.customers().get(id).createdBy()).isEqualTo("lan");
            assertThatThrownBy(() -> crm.customers().delete(id))
                    .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("DELETE");

            signIn(user("minh", "TENANT_shop-b", "CRM_READ"));
            assertThat(crm.customers().find(id)).as("another tenant's customer").isEmpty();
        });
    }

    @Test
    void ignoresAuthoritiesThatNameNoPermission() {
        signIn(user("lan", "TENANT_shop-a", "CRM_READ", "CRM_EVERYTHING", "crm_WRITE", "CRM_"));

        runner.run(context -> assertThat(context.getBean(Crm.class).actor().permissions())
                .containsExactly(Permission.READ));
    }

    @Test
    void readsTheAuthorityPrefixesFromProperties() {
        signIn(user("lan", "TENANT_ignored", "ORG:shop-a", "PERM:EXPORT"));

        runner.withPropertyValues("crmkit.security.tenant-authority-prefix=ORG:",
                "crmkit.security.permission-authority-prefix=PERM:").run(context -> assertThat(
                context.getBean(Crm.class).actor()).isEqualTo(Actor.of("shop-a", "lan", Permission.EXPORT)));
    }

    @Test
    void takesTheTenantFromTheClaimOfATokenWhenOneIsNamed() {
        Jwt token = Jwt.withTokenValue("token").header("alg", "none").subject("lan").claim("org", "shop-a")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        signIn(new JwtAuthenticationToken(token, AuthorityUtils.createAuthorityList("CRM_READ"), "lan"));

        runner.withPropertyValues("crmkit.security.tenant-claim=org").run(context -> assertThat(
                context.getBean(Crm.class).actor()).isEqualTo(Actor.of("shop-a", "lan", Permission.READ)));
        runner.run(context -> assertThatThrownBy(() -> context.getBean(Crm.class).customers())
                .as("without the property, the claim is not read").isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("no tenant"));
    }

    @Test
    void refusesEveryCallWhenNobodyIsSignedIn() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(Crm.class).customers())
                    .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("without signing in");
        });
    }

    @Test
    void refusesAnAnonymousUser() {
        signIn(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", "TENANT_shop-a", "CRM_READ")));

        runner.run(context -> assertThatThrownBy(() -> context.getBean(Crm.class).filters())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("without signing in"));
    }

    @Test
    void refusesAnAuthenticationNotYetAuthenticated() {
        signIn(UsernamePasswordAuthenticationToken.unauthenticated("lan", "password"));

        runner.run(context -> assertThatThrownBy(() -> context.getBean(Crm.class).customers())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("without signing in"));
    }

    @Test
    void refusesAUserWithoutATenant() {
        signIn(user("lan", "ROLE_USER", "CRM_READ"));

        runner.run(context -> assertThatThrownBy(() -> context.getBean(Crm.class).customers())
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("'lan'").hasMessageContaining("no tenant").hasMessageContaining("TENANT_"));
    }

    @Test
    void refusesAUserOfSeveralTenants() {
        signIn(user("lan", "TENANT_shop-a", "TENANT_shop-b", "CRM_READ"));

        runner.run(context -> assertThatThrownBy(() -> context.getBean(Crm.class).customers())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("several tenants"));
    }

    @Test
    void refusesATenantTheKitCannotStore() {
        signIn(user("lan", "TENANT_shop a; drop", "CRM_READ"));

        runner.run(context -> assertThatThrownBy(() -> context.getBean(Crm.class).customers())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("tenantId"));
    }

    @Test
    void theApplicationsResolverWins() {
        signIn(user("lan", "TENANT_shop-a", "CRM_READ"));
        Actor own = Actor.of("own", "job", Permission.READ);

        runner.withBean(ActorResolver.class, () -> () -> own).run(context -> {
            assertThat(context).hasSingleBean(ActorResolver.class);
            assertThat(context.getBean(Crm.class).actor()).isEqualTo(own);
        });
    }

    @Test
    void failsStartUpNamingAnEmptyPrefix() {
        runner.withPropertyValues("crmkit.security.tenant-authority-prefix=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("crmkit.security.tenant-authority-prefix");
        });
    }

    private static Authentication user(String name, String... authorities) {
        return new TestingAuthenticationToken(name, "password", AuthorityUtils.createAuthorityList(authorities));
    }

    private static void signIn(Authentication user) {
        SecurityContextHolder.getContext().setAuthentication(user);
    }
}

package io.crmkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.error.PermissionDeniedException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The resolver alone, on hand-made {@link Authentication}s (Mockito stubs): the shapes an application's own
 * authentication may take that Spring's token classes do not, such as an authority whose text is null or a
 * principal without a name. Each is an actor or the documented {@link PermissionDeniedException}, never another
 * exception and never an actor with more than the user's permissions.
 */
class SpringSecurityActorResolverTest {

    private final SpringSecurityActorResolver resolver = new SpringSecurityActorResolver(new CrmKitProperties.Security());

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAuthorityWithoutTextIsIgnored() {
        signIn(user("lan", true, "TENANT_shop-a", null, "CRM_READ"));

        assertThat(resolver.currentActor()).isEqualTo(Actor.of("shop-a", "lan", Permission.READ));
    }

    @Test
    void aUserWithOnlyATenantActsWithNoPermission() {
        signIn(user("lan", true, "TENANT_shop-a"));

        Actor actor = resolver.currentActor();

        assertThat(actor.tenantId()).isEqualTo("shop-a");
        assertThat(actor.permissions()).isEmpty();
    }

    @Test
    void theSameTenantTwiceIsOneTenant() {
        signIn(user("lan", true, "TENANT_shop-a", "TENANT_shop-a", "CRM_EXPORT"));

        assertThat(resolver.currentActor()).isEqualTo(Actor.of("shop-a", "lan", Permission.EXPORT));
    }

    @Test
    void anAuthenticationThatSaysItIsNotAuthenticatedIsRefusedBeforeItsAuthoritiesAreRead() {
        Authentication user = mock(Authentication.class);
        when(user.isAuthenticated()).thenReturn(false);
        signIn(user);

        assertThatThrownBy(resolver::currentActor).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("without signing in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "line\nbreak"})
    void aNameTheKitCannotStoreIsRefusedNamingTheRule(String name) {
        signIn(user(name, true, "TENANT_shop-a", "CRM_READ"));

        assertThatThrownBy(resolver::currentActor).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("actorId");
    }

    @Test
    void aNullNameIsRefusedLikeABlankOne() {
        signIn(user(null, true, "TENANT_shop-a", "CRM_READ"));

        assertThatThrownBy(resolver::currentActor).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("actorId");
    }

    @Test
    void aTokenWithoutTheNamedClaimFallsBackToTheTenantAuthority() {
        CrmKitProperties.Security settings = new CrmKitProperties.Security();
        settings.setTenantClaim("tenant");
        SpringSecurityActorResolver byClaim = new SpringSecurityActorResolver(settings);
        Jwt token = Jwt.withTokenValue("t").header("alg", "none").claim("sub", "lan").build();
        Authentication user = user("lan", true, "TENANT_shop-a", "CRM_READ");
        when(user.getPrincipal()).thenReturn(token);
        signIn(user);

        assertThat(byClaim.currentActor()).isEqualTo(Actor.of("shop-a", "lan", Permission.READ));
    }

    @Test
    void aPrincipalThatIsNoTokenFallsBackToTheTenantAuthority() {
        CrmKitProperties.Security settings = new CrmKitProperties.Security();
        settings.setTenantClaim("tenant");
        Authentication user = user("lan", true, "TENANT_shop-a", "CRM_READ");
        when(user.getPrincipal()).thenReturn("lan");
        signIn(user);

        assertThat(new SpringSecurityActorResolver(settings).currentActor())
                .isEqualTo(Actor.of("shop-a", "lan", Permission.READ));
    }

    private static Authentication user(String name, boolean authenticated, String... authorities) {
        Authentication user = mock(Authentication.class);
        when(user.getName()).thenReturn(name);
        when(user.isAuthenticated()).thenReturn(authenticated);
        List<GrantedAuthority> granted = Arrays.stream(authorities)
                .map(authority -> (GrantedAuthority) () -> authority)
                .toList();
        Collection<? extends GrantedAuthority> asReturned = granted;
        when(user.getAuthorities()).thenAnswer(invocation -> asReturned);
        return user;
    }

    private static void signIn(Authentication user) {
        SecurityContextHolder.getContext().setAuthentication(user);
    }
}

package io.crmkit.spring;

import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.util.ClassUtils;

/**
 * The {@link ActorResolver} of applications with Spring Security and no resolver of their own: each call acts as
 * the user signed in on the calling thread ({@link SecurityContextHolder}).
 *
 * <ul>
 *   <li>actor id: {@link Authentication#getName()};</li>
 *   <li>tenant: the claim named by {@code crmkit.security.tenant-claim} of the user's token (a JWT, an OpenID
 *       Connect ID token, an introspected token) when that property is set and the token has the claim; otherwise
 *       the one authority starting with {@code crmkit.security.tenant-authority-prefix} ({@code TENANT_shop-a}:
 *       tenant {@code shop-a});</li>
 *   <li>permissions: the authorities made of {@code crmkit.security.permission-authority-prefix} and the name of a
 *       {@link Permission} ({@code CRM_READ}, {@code CRM_EXPORT}...); other authorities are ignored.</li>
 * </ul>
 *
 * <p>Nobody signed in (no authentication, an anonymous one, one not authenticated), no tenant, several tenants, or
 * a tenant or name the kit cannot store: a {@link PermissionDeniedException}, before anything is read or written.
 */
final class SpringSecurityActorResolver implements ActorResolver {

    /** Whether spring-security-oauth2-core, whose tokens carry claims, is on the class path. */
    private static final boolean TOKENS = ClassUtils.isPresent("org.springframework.security.oauth2.core.ClaimAccessor",
            SpringSecurityActorResolver.class.getClassLoader());

    /** Every permission by its name, looked up on each call: the resolver runs for every service call. */
    private static final Map<String, Permission> BY_NAME = Arrays.stream(Permission.values())
            .collect(Collectors.toUnmodifiableMap(Permission::name, permission -> permission));

    private final String tenantPrefix;
    private final String permissionPrefix;
    private final String tenantClaim;

    SpringSecurityActorResolver(CrmKitProperties.Security settings) {
        this.tenantPrefix = settings.getTenantAuthorityPrefix();
        this.permissionPrefix = settings.getPermissionAuthorityPrefix();
        this.tenantClaim = settings.getTenantClaim() == null || settings.getTenantClaim().isBlank()
                ? null : settings.getTenantClaim();
    }

    @Override
    public Actor currentActor() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            throw denied("anonymous", "use the customer module without signing in");
        }
        String name = user.getName();
        String tenant = tenant(user);
        try {
            return Actor.of(tenant, name, permissions(user));
        } catch (ValidationException e) {
            throw denied(name, "act as this user of tenant '" + tenant + "' (" + e.getMessage() + ")");
        }
    }

    private String tenant(Authentication user) {
        if (tenantClaim != null && TOKENS) {
            String claimed = TokenClaims.find(user.getPrincipal(), tenantClaim);
            if (claimed != null) {
                return claimed;
            }
        }
        List<String> tenants = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(tenantPrefix))
                .map(authority -> authority.substring(tenantPrefix.length())).distinct().toList();
        if (tenants.isEmpty()) {
            throw denied(user.getName(), "use the customer module with no tenant (no authority " + tenantPrefix
                    + "<tenant>" + (tenantClaim == null ? "" : ", no claim '" + tenantClaim + "'") + ")");
        }
        if (tenants.size() > 1) {
            throw denied(user.getName(), "act for several tenants at once (" + tenants + ")");
        }
        return tenants.get(0);
    }

    private Set<Permission> permissions(Authentication user) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (GrantedAuthority granted : user.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority != null && authority.startsWith(permissionPrefix)) {
                Permission permission = BY_NAME.get(authority.substring(permissionPrefix.length()));
                if (permission != null) {
                    permissions.add(permission);
                }
            }
        }
        return permissions;
    }

    /** Every call needs at least to read: the permission named when the user cannot act at all. */
    private static PermissionDeniedException denied(String actorId, String what) {
        return new PermissionDeniedException(Permission.READ, actorId, what);
    }

    /** Kept apart so that the resolver loads without spring-security-oauth2-core. */
    private static final class TokenClaims {

        static String find(Object principal, String claim) {
            return principal instanceof ClaimAccessor token ? token.getClaimAsString(claim) : null;
        }
    }
}

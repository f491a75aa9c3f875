package io.crmkit.samples.web;

import io.crmkit.api.Permission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample's users, from {@code sample.users.<name>.password|tenant|permissions} (see
 * {@code application.properties}: a manager of tenant {@code shop-a} with every permission and a read-only viewer of
 * tenant {@code shop-b}). Their passwords are documented demo values, kept only encoded (see {@link SampleSecurity}).
 *
 * @param users each user by name
 */
@ConfigurationProperties("sample")
record DemoUsers(Map<String, User> users) {

    DemoUsers {
        users = users == null ? Map.of() : new LinkedHashMap<>(users);
    }

    /** @return the tenants of the users, each once */
    List<String> tenants() {
        return users.values().stream().map(User::tenant).distinct().toList();
    }

    /**
     * A user.
     *
     * @param password    the password to sign in with
     * @param tenant      the tenant whose customers the user works on
     * @param permissions what the user may do there
     */
    record User(String password, String tenant, Set<Permission> permissions) {

        User {
            permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        }
    }
}

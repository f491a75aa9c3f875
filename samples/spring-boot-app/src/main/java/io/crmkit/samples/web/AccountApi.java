package io.crmkit.samples.web;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user as the SDK sees them, for the page's header. */
@RestController
class AccountApi {

    private final Crm crm;

    AccountApi(Crm crm) {
        this.crm = crm;
    }

    /** @return the user, their tenant and their permissions */
    @GetMapping("/api/me")
    Account me() {
        Actor actor = crm.actor();
        return new Account(actor.actorId(), actor.tenantId(), List.copyOf(actor.permissions()));
    }

    /** A signed-in user. */
    record Account(String user, String tenant, List<Permission> permissions) {
    }
}

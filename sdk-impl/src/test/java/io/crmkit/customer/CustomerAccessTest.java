package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.CustomerService;
import io.crmkit.api.customer.IdentityType;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Permissions and tenant scoping of every customer operation. */
class CustomerAccessTest {

    private static Map<String, Consumer<CustomerService>> operations(long id) {
        return Map.ofEntries(
                Map.entry("create", s -> s.create(CustomerDraft.builder().name("New").build())),
                Map.entry("get", s -> s.get(id)),
                Map.entry("find", s -> s.find(id)),
                Map.entry("update", s -> s.update(id, CustomerPatch.builder(1).name("Changed").build())),
                Map.entry("delete", s -> s.delete(id)),
                Map.entry("findByPhone", s -> s.findByPhone("+84912000001")),
                Map.entry("findByEmail", s -> s.findByEmail("lan@example.com")),
                Map.entry("findByExternalId", s -> s.findByExternalId("erp-1")),
                Map.entry("findByIdentity", s -> s.findByIdentity(IdentityType.PHONE, "+84912000001")),
                Map.entry("markVerified", s -> s.markVerified(id, IdentityType.PHONE, "+84912000001")),
                Map.entry("addTags", s -> s.addTags(id, List.of("x"))),
                Map.entry("removeTags", s -> s.removeTags(id, List.of("vip"))),
                Map.entry("identifyAsValid", s -> s.identifyAsValid(id)),
                Map.entry("assign", s -> s.assign(id, "agent-9")),
                Map.entry("recycleToPool", s -> s.recycleToPool(id)));
    }

    private static Permission needed(String operation) {
        return switch (operation) {
            case "get", "find", "findByPhone", "findByEmail", "findByExternalId", "findByIdentity" -> Permission.READ;
            case "delete" -> Permission.DELETE;
            default -> Permission.WRITE;
        };
    }

    private static Customer lan(Crm crm) {
        return crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912000001")
                .email("lan@example.com").externalId("erp-1").tag("vip").build());
    }

    @DbTest
    void everyOperationWithoutItsPermissionIsRefusedNamingItAndChangesNothing(TestDb db) {
        Customer lan = lan(db.crm());
        List<Integer> before = db.allCounts();

        operations(lan.id()).forEach((name, operation) -> {
            Permission permission = needed(name);
            EnumSet<Permission> others = EnumSet.allOf(Permission.class);
            others.remove(permission);
            Crm crm = db.kit().as(Actor.of(db.tenant(), "agent-2", others));

            PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class,
                    () -> operation.accept(crm.customers()));

            assertThat(e).as(name).isNotNull();
            assertThat(e.missing()).as(name).isEqualTo(permission);
            assertThat(e.getMessage()).as(name).contains("actor 'agent-2' may not", "missing permission " + permission);
        });
        assertThat(db.allCounts()).isEqualTo(before);
        assertThat(db.crm().customers().get(lan.id())).isEqualTo(lan);
    }

    @DbTest
    void anActorWithNoPermissionCanDoNothing(TestDb db) {
        Crm none = db.kit().as(Actor.of(db.tenant(), "nobody", List.of()));

        assertThatThrownBy(() -> none.customers().create(CustomerDraft.builder().name("x").build()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> none.customers().find(1L)).isInstanceOf(PermissionDeniedException.class);
        assertThat(db.count("customer")).isZero();
    }

    @DbTest
    void aCustomerOfAnotherTenantIsNotFoundByAnyOperationAndStaysUnchanged(TestDb db) {
        Customer lan = lan(db.crm());
        CustomerService other = db.otherTenant().customers();

        operations(lan.id()).forEach((name, operation) -> {
            if (name.equals("create")) {
                return;
            }
            if (name.startsWith("find")) {
                assertThat(name.equals("find") ? other.find(lan.id()) : findOther(other, name)).as(name).isEmpty();
                return;
            }
            assertThatThrownBy(() -> operation.accept(other)).as(name).isInstanceOf(NotFoundException.class);
        });
        assertThat(db.crm().customers().get(lan.id())).isEqualTo(lan);
    }

    private static java.util.Optional<Customer> findOther(CustomerService other, String name) {
        return switch (name) {
            case "findByPhone" -> other.findByPhone("+84912000001");
            case "findByEmail" -> other.findByEmail("lan@example.com");
            case "findByExternalId" -> other.findByExternalId("erp-1");
            default -> other.findByIdentity(IdentityType.PHONE, "+84912000001");
        };
    }
}

package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.error.StateTransitionException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;

class CustomerStatusTest {

    private static Customer newCustomer(Crm crm) {
        return crm.customers().create(CustomerDraft.builder().name("Flow").build());
    }

    @DbTest
    void followsTheFlowFromNewToValidToAssignedToPoolAndBack(TestDb db) {
        Crm crm = db.crm();
        Customer customer = newCustomer(crm);
        assertThat(customer.status()).isEqualTo(CustomerStatus.NEW);

        Customer valid = crm.customers().identifyAsValid(customer.id());
        assertThat(valid.status()).isEqualTo(CustomerStatus.TO_BE_ASSIGNED);

        Customer assigned = crm.customers().assign(customer.id(), "agent-5");
        assertThat(assigned.status()).isEqualTo(CustomerStatus.ASSIGNED);
        assertThat(assigned.ownerId()).contains("agent-5");

        Customer reassigned = crm.customers().assign(customer.id(), "agent-6");
        assertThat(reassigned.ownerId()).contains("agent-6");

        Customer pooled = crm.customers().recycleToPool(customer.id());
        assertThat(pooled.status()).isEqualTo(CustomerStatus.POOL);
        assertThat(pooled.ownerId()).isEmpty();

        Customer claimed = crm.customers().assign(customer.id(), "agent-7");
        assertThat(claimed.status()).isEqualTo(CustomerStatus.ASSIGNED);
        assertThat(claimed.version()).isEqualTo(6);
        assertThat(crm.customers().get(customer.id())).isEqualTo(claimed);
    }

    @DbTest
    void aNewCustomerCanBeRecycledStraightToThePool(TestDb db) {
        Crm crm = db.crm();
        assertThat(crm.customers().recycleToPool(newCustomer(crm).id()).status()).isEqualTo(CustomerStatus.POOL);
    }

    @DbTest
    void refusesToIdentifyACustomerThatIsNotNewAndChangesNothing(TestDb db) {
        Crm crm = db.crm();
        Customer customer = newCustomer(crm);
        crm.customers().identifyAsValid(customer.id());
        Customer assigned = crm.customers().assign(customer.id(), "agent-5");

        assertThatThrownBy(() -> crm.customers().identifyAsValid(customer.id()))
                .isInstanceOf(StateTransitionException.class)
                .hasMessage("cannot identify as valid customer " + customer.id() + ": its status is ASSIGNED, and "
                        + "identify as valid is allowed only from [NEW]");
        assertThat(crm.customers().get(customer.id())).isEqualTo(assigned);
    }

    @DbTest
    void refusesToAssignANewCustomerBeforeItIsIdentified(TestDb db) {
        Crm crm = db.crm();
        Customer customer = newCustomer(crm);

        assertThatThrownBy(() -> crm.customers().assign(customer.id(), "agent-5"))
                .isInstanceOf(StateTransitionException.class)
                .hasMessageContaining("its status is NEW")
                .hasMessageContaining("[ASSIGNED, POOL, TO_BE_ASSIGNED]");
        assertThat(crm.customers().get(customer.id()).status()).isEqualTo(CustomerStatus.NEW);
    }

    @DbTest
    void refusesToRecycleACustomerAlreadyInThePool(TestDb db) {
        Crm crm = db.crm();
        Customer customer = newCustomer(crm);
        crm.customers().recycleToPool(customer.id());

        assertThatThrownBy(() -> crm.customers().recycleToPool(customer.id()))
                .isInstanceOf(StateTransitionException.class).hasMessageContaining("its status is POOL");
    }

    @DbTest
    void assigningNeedsAnOwner(TestDb db) {
        Crm crm = db.crm();
        Customer customer = newCustomer(crm);
        crm.customers().identifyAsValid(customer.id());

        assertThatThrownBy(() -> crm.customers().assign(customer.id(), "  "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ownerId");
        assertThatThrownBy(() -> crm.customers().assign(customer.id(), "x".repeat(65)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 64");
    }

    @DbTest
    void aCustomerCreatedWithAnOwnerStartsAssigned(TestDb db) {
        Customer customer = db.crm().customers().create(CustomerDraft.builder().name("Owned").ownerId("agent-3")
                .build());

        assertThat(customer.status()).isEqualTo(CustomerStatus.ASSIGNED);
        assertThat(customer.ownerId()).contains("agent-3");
    }

    @DbTest
    void theLifecycleStageChangesByHandWithinTheConfiguredStages(TestDb db) {
        Crm crm = db.crm();
        Customer customer = newCustomer(crm);
        assertThat(customer.stage()).isEqualTo("lead");

        Customer prospect = crm.customers().update(customer.id(), CustomerPatch.builder(1).stage("customer").build());
        assertThat(prospect.stage()).isEqualTo("customer");

        assertThatThrownBy(() -> crm.customers().update(customer.id(), CustomerPatch.builder(2).stage("gold").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'gold' is not one of the lifecycle");
        assertThatThrownBy(() -> crm.customers().update(customer.id(), CustomerPatch.builder(2).stage(null).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("stage: cannot be cleared");
    }

    @DbTest
    void assigningWithoutThePermissionIsRefusedBeforeTheOwnerIsChecked(TestDb db) {
        Customer customer = newCustomer(db.crm());

        assertThatThrownBy(() -> db.crm(io.crmkit.api.Permission.READ).customers().assign(customer.id(), " "))
                .isInstanceOf(io.crmkit.api.error.PermissionDeniedException.class);
    }
}

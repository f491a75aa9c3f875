package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.IdentityType;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.util.List;

@ShardedToo
class CustomerIdentityTest {

    @DbTest
    void aPhoneThatAnotherCustomerHasInAnyNotationIsAConflictNamingThatCustomer(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84 912 345 678").build());
        List<Integer> before = db.allCounts();

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> crm.customers().create(
                CustomerDraft.builder().name("Other").phone("0912-345-678").build()));

        assertThat(e.conflictingId()).contains(lan.id());
        assertThat(e.getMessage()).contains("phone '+84912345678' already belongs to customer " + lan.id());
        assertThat(e.code()).isEqualTo("conflict");
        assertThat(db.allCounts()).isEqualTo(before);
    }

    @DbTest
    void emailsAreUniqueRegardlessOfCaseAndSpaces(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().email("Lan@Example.com").build());

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> crm.customers().create(
                CustomerDraft.builder().email("  lan@example.COM ").build()));

        assertThat(e.conflictingId()).contains(lan.id());
    }

    @DbTest
    void externalIdsOpenIdsAndChannelAccountsAreUniquePerTenant(TestDb db) {
        Crm crm = db.crm();
        Customer first = crm.customers().create(CustomerDraft.builder().name("A").externalId("erp-1")
                .wechatOpenId("open-1").channel("whatsapp", "wa-1").build());

        assertThatThrownBy(() -> crm.customers().create(CustomerDraft.builder().name("B").externalId("erp-1").build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("external id 'erp-1'");
        assertThatThrownBy(() -> crm.customers().create(CustomerDraft.builder().name("B").wechatOpenId("open-1")
                .build())).isInstanceOf(ConflictException.class).hasMessageContaining("wechat openid 'open-1'");
        assertThatThrownBy(() -> crm.customers().create(CustomerDraft.builder().name("B").channel("whatsapp", "wa-1")
                .build())).isInstanceOf(ConflictException.class).hasMessageContaining("channel:whatsapp 'wa-1'");
        assertThat(crm.customers().create(CustomerDraft.builder().name("C").channel("web", "wa-1").build())
                .channels()).hasSize(1);
        assertThat(db.count("customer")).isEqualTo(2);
        assertThat(first.verified()).isTrue();
    }

    @DbTest
    void anotherTenantMayHoldTheSameIdentities(TestDb db) {
        db.crm().customers().create(CustomerDraft.builder().phone("+84912345678").email("a@b.co").build());

        Customer elsewhere = db.otherTenant().customers().create(CustomerDraft.builder().phone("+84912345678")
                .email("a@b.co").build());

        assertThat(elsewhere.phones()).containsExactly("+84912345678");
    }

    @DbTest
    void findsACustomerByPhoneInAnyCommonNotation(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().phone("+84912345678").build());

        for (String notation : List.of("+84912345678", "0912 345 678", "(091) 234-5678", "+84 912.345.678",
                "0084912345678")) {
            assertThat(crm.customers().findByPhone(notation)).as(notation).map(Customer::id).contains(lan.id());
        }
        assertThat(crm.customers().findByPhone("0912 345 679")).isEmpty();
        assertThat(crm.customers().findByPhone("not a phone")).isEmpty();
    }

    @DbTest
    void findsACustomerByEmailExternalIdAndChannel(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().email("lan@example.com").externalId("erp-7")
                .channel("whatsapp", "wa-7").build());

        assertThat(crm.customers().findByEmail(" LAN@example.com")).map(Customer::id).contains(lan.id());
        assertThat(crm.customers().findByExternalId("erp-7")).map(Customer::id).contains(lan.id());
        assertThat(crm.customers().findByIdentity(IdentityType.CHANNEL, "whatsapp:wa-7")).map(Customer::id)
                .contains(lan.id());
        assertThat(crm.customers().findByIdentity(IdentityType.CHANNEL, "web:wa-7")).isEmpty();
        assertThat(crm.customers().findByIdentity(IdentityType.CHANNEL, "no-colon")).isEmpty();
        assertThat(crm.customers().findByIdentity(IdentityType.WECHAT_OPENID, "erp-7")).isEmpty();
    }

    @DbTest
    void anUpdateThatTakesAnotherCustomersPhoneIsAConflictAndChangesNothing(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912000001").build());
        Customer minh = crm.customers().create(CustomerDraft.builder().name("Minh").phone("+84912000002").build());

        ConflictException e = catchThrowableOfType(ConflictException.class, () -> crm.customers().update(minh.id(),
                CustomerPatch.builder(1).name("Minh 2").phones(List.of("+84912000002", "0912000001")).build()));

        assertThat(e.conflictingId()).contains(lan.id());
        assertThat(crm.customers().get(minh.id())).isEqualTo(minh);
    }

    @DbTest
    void aVerifiedIdentityStaysVerifiedWhenOtherIdentitiesChange(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().phone("+84912000001").build());
        Customer verified = crm.customers().markVerified(lan.id(), IdentityType.PHONE, "+84912000001");

        Customer updated = crm.customers().update(lan.id(), CustomerPatch.builder(verified.version())
                .phones(List.of("+84912000002", "+84912000001")).emails(List.of("lan@example.com")).build());

        assertThat(updated.identities()).extracting(identity -> identity.value() + "=" + identity.verified())
                .containsExactly("+84912000002=false", "+84912000001=true", "lan@example.com=false");
    }

    @DbTest
    void verifyingAnIdentityTheCustomerDoesNotHaveIsNotFound(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().phone("+84912000001").build());

        assertThatThrownBy(() -> crm.customers().markVerified(lan.id(), IdentityType.EMAIL, "x@y.co"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("has no email 'x@y.co'");
        assertThat(crm.customers().get(lan.id()).version()).isEqualTo(1);
    }

    @DbTest
    void aReleasedIdentityCanBeTakenByAnotherCustomer(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912000001").build());
        crm.customers().update(lan.id(), CustomerPatch.builder(1).phones(List.of()).build());

        Customer minh = crm.customers().create(CustomerDraft.builder().name("Minh").phone("+84912000001").build());

        assertThat(crm.customers().findByPhone("+84912000001")).map(Customer::id).contains(minh.id());
    }
}

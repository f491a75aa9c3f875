package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Channel;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.customer.IdentityType;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.time.LocalDate;
import java.util.List;

class CustomerCrudTest {

    @DbTest
    void createsACustomerWithEveryBuiltInFieldAndReadsItBackUnchanged(TestDb db) {
        Crm crm = db.crm();
        Customer created = crm.customers().create(CustomerDraft.builder()
                .name("  Nguyễn Thị Lan ")
                .nickname("Lan")
                .gender(Gender.FEMALE)
                .birthday(LocalDate.of(1990, 5, 31))
                .company("Lotus Trading")
                .address(Address.of("Vietnam", "Ha Noi", "Hanoi", "Hoan Kiem", "12 Hang Bac"))
                .phone("0912 345 678")
                .phone("+84 (24) 3825 1234")
                .email(" Lan.Nguyen@Example.COM ")
                .channel("whatsapp", "+84912345678")
                .externalId("erp-1001")
                .wechatOpenId("o6_bmjrPTlm6_2sgVt7hMZOPfL2M")
                .remark("met at the fair")
                .source("web form")
                .stage("prospect")
                .tag("vip").tag("hanoi").tag("vip")
                .build());

        Customer read = crm.customers().get(created.id());

        assertThat(read).isEqualTo(created);
        assertThat(read.name()).isEqualTo("Nguyễn Thị Lan");
        assertThat(read.phones()).containsExactly("+84912345678", "+842438251234");
        assertThat(read.emails()).containsExactly("lan.nguyen@example.com");
        assertThat(read.channels()).containsExactly(Channel.of("whatsapp", "+84912345678"));
        assertThat(read.externalId()).contains("erp-1001");
        assertThat(read.wechatOpenId()).contains("o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
        assertThat(read.tags()).containsExactly("hanoi", "vip");
        assertThat(read.status()).isEqualTo(CustomerStatus.NEW);
        assertThat(read.stage()).isEqualTo("prospect");
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.createdBy()).isEqualTo("agent-1");
        assertThat(read.address().detail()).isEqualTo("12 Hang Bac");
    }

    @DbTest
    void aCustomerCreatedFromAPhoneAloneIsUnverifiedUntilThePhoneIsVerified(TestDb db) {
        Crm crm = db.crm();
        Customer created = crm.customers().create(CustomerDraft.builder().phone("+84 912 345 679").build());
        assertThat(created.verified()).isFalse();
        assertThat(created.stage()).isEqualTo("lead");

        Customer verified = crm.customers().markVerified(created.id(), IdentityType.PHONE, "0912345679");

        assertThat(verified.verified()).isTrue();
        assertThat(verified.identities()).containsExactly(new Identity(IdentityType.PHONE, "", "+84912345679", true));
        assertThat(verified.version()).isEqualTo(2);
    }

    @DbTest
    void updatesOnlyThePatchedFieldsAndBumpsTheVersion(TestDb db) {
        Crm crm = db.crm();
        Customer created = crm.customers().create(CustomerDraft.builder().name("Minh").company("Old Co")
                .phone("+84912000001").remark("keep me").build());

        Customer updated = crm.customers().update(created.id(), CustomerPatch.builder(created.version())
                .company("New Co").emails(List.of("minh@example.com")).build());

        assertThat(updated.company()).isEqualTo("New Co");
        assertThat(updated.remark()).isEqualTo("keep me");
        assertThat(updated.phones()).containsExactly("+84912000001");
        assertThat(updated.emails()).containsExactly("minh@example.com");
        assertThat(updated.version()).isEqualTo(2);
        assertThat(crm.customers().get(created.id())).isEqualTo(updated);
    }

    @DbTest
    void anUpdateFromAStaleVersionIsRefusedAndChangesNothing(TestDb db) {
        Crm crm = db.crm();
        Customer created = crm.customers().create(CustomerDraft.builder().name("Minh").build());
        crm.customers().update(created.id(), CustomerPatch.builder(1).name("Minh 2").build());

        assertThatThrownBy(() -> crm.customers().update(created.id(), CustomerPatch.builder(1).name("Minh 3").build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("version 2");
        assertThat(crm.customers().get(created.id()).name()).isEqualTo("Minh 2");
    }

    @DbTest
    void deletesACustomerWithEverythingItOwned(TestDb db) {
        Crm crm = db.crm();
        Customer created = crm.customers().create(CustomerDraft.builder().name("Gone").phone("+84912000002")
                .email("gone@example.com").tag("x").build());

        crm.customers().delete(created.id());

        assertThat(crm.customers().find(created.id())).isEmpty();
        assertThat(crm.customers().findByPhone("+84912000002")).isEmpty();
        assertThat(db.count("identity")).isZero();
        assertThat(db.count("tag")).isZero();
        assertThatThrownBy(() -> crm.customers().delete(created.id())).isInstanceOf(NotFoundException.class);
    }
}

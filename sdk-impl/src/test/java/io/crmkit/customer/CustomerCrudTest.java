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
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.time.LocalDate;
import java.util.List;

@ShardedToo
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
        crm.fields().define(FieldDraft.builder("colors", FieldType.MULTIPLE_CHOICE).options("red", "blue").build());
        Customer created = crm.customers().create(CustomerDraft.builder().name("Gone").phone("+84912000002")
                .email("gone@example.com").tag("x").custom("colors", List.of("red", "blue")).build());
        Customer kept = crm.customers().create(CustomerDraft.builder().name("Kept").tag("x")
                .custom("colors", List.of("red")).build());
        assertThat(db.count("custom_value")).isEqualTo(3);

        crm.customers().delete(created.id());

        assertThat(crm.customers().find(created.id())).isEmpty();
        assertThat(crm.customers().findByPhone("+84912000002")).isEmpty();
        assertThat(db.count("customer")).isEqualTo(1);
        assertThat(db.count("identity")).isZero();
        assertThat(db.count("tag")).isEqualTo(1);
        assertThat(db.count("custom_value")).isEqualTo(1);
        assertThat(crm.customers().get(kept.id())).isEqualTo(kept);
        assertThatThrownBy(() -> crm.customers().delete(created.id())).isInstanceOf(NotFoundException.class);
    }

    @DbTest
    void anEmptyPatchFromAStaleVersionIsAConflictToo(TestDb db) {
        Crm crm = db.crm();
        Customer created = crm.customers().create(CustomerDraft.builder().name("Minh").build());
        crm.customers().update(created.id(), CustomerPatch.builder(1).name("Minh 2").build());

        assertThat(crm.customers().update(created.id(), CustomerPatch.builder(2).build()).version()).isEqualTo(2);
        assertThatThrownBy(() -> crm.customers().update(created.id(), CustomerPatch.builder(1).build()))
                .isInstanceOf(ConflictException.class);
    }

    @DbTest
    void changesThatChangeNothingKeepTheVersionAndWriteNoAudit(TestDb db) {
        Crm crm = db.crm();
        Customer created = crm.customers().create(CustomerDraft.builder().name("Same").phone("+84912000003")
                .tag("vip").build());
        Customer verified = crm.customers().markVerified(created.id(), IdentityType.PHONE, "+84912000003");
        int audits = db.count("audit");

        assertThat(crm.customers().markVerified(created.id(), IdentityType.PHONE, "0912000003")).isEqualTo(verified);
        assertThat(crm.customers().removeTags(created.id(), List.of("not-there")).version()).isEqualTo(2);
        assertThat(crm.customers().addTags(created.id(), List.of("vip")).version()).isEqualTo(2);
        assertThat(db.count("audit")).isEqualTo(audits);
    }

    @DbTest
    void anUpdateLeavesCustomValuesItDoesNotMentionAsTheyWereEvenWhenTheFieldChangedSince(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE).options("gold", "silver").build());
        crm.fields().define(FieldDraft.builder("note", FieldType.TEXT).maxLength(20).build());
        Customer created = crm.customers().create(CustomerDraft.builder().name("Old values")
                .custom("tier", "silver").custom("note", "x".repeat(20)).build());
        crm.fields().update("tier", io.crmkit.api.field.FieldUpdate.of(1).withOptions(List.of("gold")));
        crm.fields().update("note", io.crmkit.api.field.FieldUpdate.of(1).withMaxLength(5));

        Customer updated = crm.customers().update(created.id(), CustomerPatch.builder(1).remark("unrelated").build());

        assertThat(updated.custom()).containsEntry("tier", "silver").containsEntry("note", "x".repeat(20));
        assertThatThrownBy(() -> crm.customers().update(created.id(), CustomerPatch.builder(2).custom("tier", "silver")
                .build())).isInstanceOf(io.crmkit.api.error.ValidationException.class);
    }
}

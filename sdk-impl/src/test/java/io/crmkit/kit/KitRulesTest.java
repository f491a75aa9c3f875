package io.crmkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDatabases;
import io.crmkit.testing.TestDb;
import java.util.List;
import java.util.Optional;

/** The rules a host plugs into its kit: address data, phone region, lifecycle stages. */
class KitRulesTest {

    /** Knows one city; says what it does not know. */
    private static final AddressDirectory HANOI_ONLY = address -> {
        if (!address.country().equals("Vietnam")) {
            return Optional.of("no country '" + address.country() + "'");
        }
        if (!address.city().isEmpty() && !address.city().equals("Hanoi")) {
            return Optional.of("no city '" + address.city() + "' in province '" + address.province() + "'");
        }
        return Optional.empty();
    };

    private static Crm crm(CrmKit kit) {
        return kit.as(Actor.of("rules", "agent", Permission.ALL));
    }

    @DbTest
    void theAddressDirectoryDecidesWhichAddressesAreValid(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> builder.addressDirectory(HANOI_ONLY))) {
            Crm crm = crm(kit);
            assertThat(crm.customers().create(CustomerDraft.builder().name("Ok")
                    .address(Address.of("Vietnam", "Ha Noi", "Hanoi", "", "12 Hang Bac")).build()).address().city())
                    .isEqualTo("Hanoi");
            assertThat(crm.customers().create(CustomerDraft.builder().name("Detail only")
                    .address(Address.of("", "", "", "", "somewhere")).build()).address().detail())
                    .isEqualTo("somewhere");

            ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.customers().create(
                    CustomerDraft.builder().name("Bad").address(Address.of("Vietnam", "Ha Noi", "Hanoii", "", ""))
                            .build()));

            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("address");
                assertThat(error.code()).isEqualTo("not_allowed");
                assertThat(error.message()).isEqualTo(
                        "address: not in the address directory: no city 'Hanoii' in province 'Ha Noi'");
            });
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void withoutADefaultRegionOnlyInternationalPhonesAreAccepted(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> { })) {
            Crm crm = crm(kit);
            assertThat(crm.customers().create(CustomerDraft.builder().phone("+84 912 345 678").build()).phones())
                    .containsExactly("+84912345678");

            ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.customers().create(
                    CustomerDraft.builder().phone("0912 345 679").build()));

            assertThat(e.errors()).extracting(FieldError::message).containsExactly("phones[0]: '0912 345 679' has no "
                    + "country code (such as +84) and the kit has no default phone region");
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void customLifecycleStagesReplaceTheDefaults(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> builder.lifecycleStages(List.of("cold", "warm", "won")))) {
            Crm crm = crm(kit);
            assertThat(crm.customers().create(CustomerDraft.builder().name("S").build()).stage()).isEqualTo("cold");
            assertThat(crm.customers().create(CustomerDraft.builder().name("S").stage("won").build()).stage())
                    .isEqualTo("won");
            assertThat(catchThrowableOfType(ValidationException.class, () -> crm.customers().create(
                    CustomerDraft.builder().name("S").stage("lead").build())).getMessage())
                    .contains("'lead' is not one of the lifecycle stages [cold, warm, won]");
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void aKitOwningItsPoolReadsAndWritesOnEveryDatabase(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = CrmKit.builder().jdbcUrl(TestDatabases.url(db.name()), null, null).tablePrefix(prefix)
                .maxPoolSize(2).build()) {
            Crm crm = crm(kit);
            for (int i = 0; i < 5; i++) {
                long id = crm.customers().create(CustomerDraft.builder().name("Owned " + i).build()).id();
                assertThat(crm.customers().get(id).name()).isEqualTo("Owned " + i);
                assertThat(crm.customers().update(id, CustomerPatch.builder(1).remark("seen").build()).version())
                        .isEqualTo(2);
                assertThatThrownBy(() -> crm.customers().update(id, CustomerPatch.builder(1).remark("x").build()))
                        .isInstanceOf(ConflictException.class);
            }
            assertThat(db.column("SELECT COUNT(*) FROM " + prefix + "customer WHERE remark = ?", "seen"))
                    .containsExactly("5");
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void aChangedConfigurationDoesNotBlockEditsOfOtherFields(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try {
            long id;
            try (CrmKit before = db.newKit(prefix, builder -> builder.addressDirectory(address -> Optional.empty()))) {
                id = crm(before).customers().create(CustomerDraft.builder().name("Old").stage("churned")
                        .address(Address.of("Vietnam", "Ha Noi", "Hanoii", "", "")).build()).id();
            }
            try (CrmKit after = db.newKit(prefix, builder -> builder.lifecycleStages(List.of("lead", "won"))
                    .addressDirectory(HANOI_ONLY))) {
                Crm crm = crm(after);
                assertThat(crm.customers().update(id, CustomerPatch.builder(1).remark("still editable").build())
                        .stage()).isEqualTo("churned");
                assertThatThrownBy(() -> crm.customers().update(id, CustomerPatch.builder(2).stage("churned")
                        .build())).isInstanceOf(ValidationException.class);
                assertThatThrownBy(() -> crm.customers().update(id, CustomerPatch.builder(2)
                        .address(Address.of("Vietnam", "Ha Noi", "Hanoii", "", "x")).build()))
                        .isInstanceOf(ValidationException.class).hasMessageContaining("no city 'Hanoii'");
            }
        } finally {
            db.dropTables(prefix);
        }
    }
}

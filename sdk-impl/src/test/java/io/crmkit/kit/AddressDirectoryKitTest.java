package io.crmkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.AddressDirectories;
import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.AddressOption;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.io.ImportFailure;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Addresses checked against the kit's address data: a host's CSV directory and the ISO 3166 default. */
class AddressDirectoryKitTest {

    private static final String DIRECTORY = String.join("\n",
            "country_code,country_name,province_code,province_name,city_code,city_name,area_code,area_name",
            "VN,Vietnam,HN,Ha Noi,HN-HN,Hanoi,HN-BD,Ba Dinh",
            "VN,Vietnam,HN,Ha Noi,HN-SS,Soc Son,,",
            "VN,Vietnam,HP,Hai Phong,HP-HP,Hai Phong,,");

    private static Crm crm(CrmKit kit) {
        return kit.as(Actor.of("addresses", "agent", Permission.ALL));
    }

    private static void withKit(TestDb db, Consumer<CrmKit.Builder> settings, Consumer<CrmKit> test) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, settings)) {
            test.accept(kit);
        } finally {
            db.dropTables(prefix);
        }
    }

    private static void withCsvDirectory(TestDb db, Consumer<CrmKit> test) {
        withKit(db, builder -> builder.addressDirectory(AddressDirectories.fromCsv(new StringReader(DIRECTORY))), test);
    }

    @DbTest
    void aCreateWithACityTheDirectoryDoesNotKnowFailsNamingTheNearestCities(TestDb db) {
        withCsvDirectory(db, kit -> {
            Crm crm = crm(kit);

            ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.customers().create(
                    CustomerDraft.builder().name("Lan").address(Address.of("Vietnam", "Ha Noi", "Hanoii", "", ""))
                            .build()));

            assertThat(e.errors()).singleElement().isEqualTo(FieldError.of("address", "not_allowed",
                    "address: not in the address directory: no city 'Hanoii' in province 'Ha Noi'; nearest: Hanoi,"
                            + " Soc Son"));
            assertThat(crm.filters().count(Filter.isNotEmpty("createdAt"))).isZero();
        });
    }

    @DbTest
    void aKnownAddressIsWrittenAsTypedAndAnUpdateToAnUnknownOneFails(TestDb db) {
        withCsvDirectory(db, kit -> {
            Crm crm = crm(kit);
            long id = crm.customers().create(CustomerDraft.builder().name("Lan")
                    .address(Address.of("vn", "ha noi", "Hanoi", "Ba Dinh", "12 Kim Ma")).build()).id();

            ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.customers().update(id,
                    CustomerPatch.builder(1).address(Address.of("VN", "HN", "Hanoi", "Hoan Kiem", "")).build()));

            assertThat(e.errors()).extracting(FieldError::message).containsExactly("address: not in the address"
                    + " directory: no area 'Hoan Kiem' in city 'Hanoi'; nearest: Ba Dinh");
            assertThat(crm.customers().get(id).address())
                    .isEqualTo(Address.of("vn", "ha noi", "Hanoi", "Ba Dinh", "12 Kim Ma"));
        });
    }

    @DbTest
    void anImportRowWithAnUnknownAddressFailsAndTheOthersAreImported(TestDb db) throws IOException {
        Path file = Files.createTempFile("addresses", ".csv");
        try {
            Files.writeString(file, String.join("\r\n", "name,country,province,city",
                    "Lan,Vietnam,Ha Noi,Hanoi", "Minh,Vietnam,Hai Phong,Hai Phong", "Hoa,Vietnam,Ha Noi,Saigon",
                    "Tuan,Vietnam,Ha Noi,") + "\r\n", StandardCharsets.UTF_8);
            withCsvDirectory(db, kit -> {
                Crm crm = crm(kit);

                ImportResult result = crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build());

                assertThat(List.of(result.created(), result.failed())).containsExactly(3L, 1L);
                ImportFailure failure = result.failures().get(0);
                assertThat(failure.row()).isEqualTo(4);
                assertThat(failure.reasons()).singleElement().asString().isEqualTo("address: not in the address"
                        + " directory: no city 'Saigon' in province 'Ha Noi'; nearest: Hanoi, Soc Son");
                assertThat(crm.filters().search(Query.where(Filter.eq("name", "Hoa"))).items()).isEmpty();
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @DbTest
    void theDefaultKnowsTheIsoCountriesAndAnyTextBelowThem(TestDb db) {
        withKit(db, builder -> { }, kit -> {
            Crm crm = crm(kit);
            assertThat(kit.addressDirectory().options(List.of()).options()).contains(AddressOption.of("VN", "Vietnam"));
            assertThat(crm.customers().create(CustomerDraft.builder().name("Lan")
                    .address(Address.of("VN", "Anywhere", "Any city", "", "")).build()).address().province())
                    .isEqualTo("Anywhere");
            assertThat(crm.customers().create(CustomerDraft.builder().name("No country")
                    .address(Address.of("", "", "Vinh", "", "")).build()).address().city()).isEqualTo("Vinh");

            ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.customers().create(
                    CustomerDraft.builder().name("Bad").address(Address.of("Vietnamm", "", "", "", "")).build()));

            assertThat(e.errors()).extracting(FieldError::message).singleElement().asString()
                    .startsWith("address: not in the address directory: no country 'Vietnamm'; nearest: Vietnam");
        });
    }
}

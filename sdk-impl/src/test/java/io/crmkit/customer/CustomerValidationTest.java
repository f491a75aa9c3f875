package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.AddressDirectory;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

class CustomerValidationTest {

    /** 80 code points, 160 UTF-16 units: the limit counts what a person sees. */
    private static final String EMOJI_80 = "😀".repeat(80);

    private static String text(int length) {
        return "x".repeat(length);
    }

    private static ValidationException createFails(Crm crm, CustomerDraft draft) {
        return catchThrowableOfType(ValidationException.class, () -> crm.customers().create(draft));
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @DbTest
    void acceptsEveryTextFieldAtItsLimitCountedInCodePoints(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        // No ISO 3166 country is 80 characters long: the default address directory would refuse the country.
        try (CrmKit kit = db.newKit(prefix, builder -> builder.addressDirectory(AddressDirectory.ANY))) {
            acceptsEveryTextFieldAtItsLimit(kit.as(Actor.of(db.tenant(), "agent-1", Permission.ALL)));
        } finally {
            db.dropTables(prefix);
        }
    }

    private static void acceptsEveryTextFieldAtItsLimit(Crm crm) {
        String emoji64 = "😀".repeat(64);
        Customer customer = crm.customers().create(CustomerDraft.builder()
                .name(EMOJI_80).nickname(EMOJI_80).company(EMOJI_80).remark(EMOJI_80)
                .address(Address.of(EMOJI_80, EMOJI_80, EMOJI_80, EMOJI_80, EMOJI_80))
                .source(emoji64).ownerId(emoji64).tag(emoji64).externalId(text(255)).wechatOpenId(text(255))
                .channel("web", text(255))
                .build());

        Customer read = crm.customers().get(customer.id());
        assertThat(read).isEqualTo(customer);
        assertThat(List.of(read.name(), read.nickname(), read.company(), read.remark(), read.address().country(),
                read.address().province(), read.address().city(), read.address().area(), read.address().detail()))
                .containsOnly(EMOJI_80);
        assertThat(List.of(read.source(), read.ownerId().orElseThrow(), read.tags().get(0))).containsOnly(emoji64);
        assertThat(read.externalId()).contains(text(255));
        assertThat(read.channels().get(0).account()).isEqualTo(text(255));
    }

    @DbTest
    void rejectsEveryTextFieldOnePastItsLimitListingEachOneAndWritesNothing(TestDb db) {
        ValidationException e = createFails(db.crm(), CustomerDraft.builder()
                .name(EMOJI_80 + "😀").nickname(text(81)).company(text(81)).remark(text(81))
                .address(Address.of(text(81), text(81), text(81), text(81), text(81)))
                .source(text(65)).externalId(text(256)).wechatOpenId(text(256))
                .channel("web", text(256))
                .build());

        assertThat(fields(e)).containsExactlyInAnyOrder("name", "nickname", "company", "remark", "address.country",
                "address.province", "address.city", "address.area", "address.detail", "source", "externalId",
                "wechatOpenId", "channels[0].account");
        assertThat(e.errors()).allSatisfy(error -> assertThat(error.code()).isEqualTo("too_long"));
        assertThat(e.errors().get(0).message()).isEqualTo("name: at most 80 characters, got 81");
        assertThat(e.errors().get(0).limit()).contains("80");
        assertThat(db.allCounts()).containsOnly(0);
    }

    @DbTest
    void acceptsThreePhonesAndRejectsAFourth(TestDb db) {
        Crm crm = db.crm();
        Customer three = crm.customers().create(CustomerDraft.builder().name("Three")
                .phones(List.of("+84912000001", "+84912000002", "+84912000003")).build());
        assertThat(three.phones()).hasSize(3);

        ValidationException e = createFails(crm, CustomerDraft.builder().name("Four")
                .phones(List.of("+84912000011", "+84912000012", "+84912000013", "+84912000014")).build());

        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("phones", "too_many"));
        assertThat(e.getMessage()).contains("phones: at most 3 phones per customer, got 4");
        assertThat(db.count("customer")).isEqualTo(1);
    }

    @DbTest
    void acceptsAPhoneOfTwentyCharactersAsTypedAndRejectsTwentyOne(TestDb db) {
        String twenty = "+84" + " ".repeat(8) + "912345678";
        String twentyOne = "+84" + " ".repeat(9) + "912345678";
        assertThat(twenty).hasSize(20);

        Customer customer = db.crm().customers().create(CustomerDraft.builder().phone(twenty).build());
        assertThat(customer.phones()).containsExactly("+84912345678");

        ValidationException e = createFails(db.crm(), CustomerDraft.builder().phone(twentyOne).build());
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("phones[0]");
            assertThat(error.code()).isEqualTo("too_long");
            assertThat(error.limit()).contains("20");
        });
    }

    @DbTest
    void acceptsTwoEmailsOfUpTo128CharactersAndRejectsAThirdOrALongerOne(TestDb db) {
        String email128 = "a".repeat(64) + "@" + "b".repeat(59) + ".com";
        String email129 = "a".repeat(64) + "@" + "b".repeat(60) + ".com";
        assertThat(email128).hasSize(128);

        Customer customer = db.crm().customers().create(CustomerDraft.builder()
                .emails(List.of(email128, "second@example.com")).build());
        assertThat(customer.emails()).containsExactly(email128, "second@example.com");

        ValidationException e = createFails(db.crm(), CustomerDraft.builder()
                .emails(List.of("x@example.com", email129, "z@example.com")).build());
        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("emails", "too_many"),
                tuple("emails[1]", "too_long"));
    }

    @DbTest
    void acceptsTwoChannelAccountsAndRejectsAThirdAndABadChannelName(TestDb db) {
        Customer customer = db.crm().customers().create(CustomerDraft.builder().name("Chan")
                .channel("web", "lan-web").channel("whatsapp", "+84912345678").build());
        assertThat(customer.channels()).hasSize(2);

        ValidationException e = createFails(db.crm(), CustomerDraft.builder().name("Chan")
                .channel("web", "a").channel("whatsapp", "b").channel("WeChat!", "c").build());
        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("channels", "too_many"),
                tuple("channels[2].name", "invalid"));
    }

    @DbTest
    void rejectsInvalidPhonesAndEmailsNamingTheValue(TestDb db) {
        ValidationException e = createFails(db.crm(), CustomerDraft.builder()
                .phone("hello").phone("+84 123").email("lan@").email("lan example.com").build());

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("phones[0]", "phones[1]", "emails[0]",
                "emails[1]");
        assertThat(e.errors()).allSatisfy(error -> assertThat(error.code()).isEqualTo("invalid"));
        assertThat(e.getMessage()).contains("'hello' is not a phone number", "'+84 123' is not a valid phone number",
                "'lan@' is not an email address");
    }

    @DbTest
    void rejectsTheSameNumberTwiceInDifferentNotations(TestDb db) {
        ValidationException e = createFails(db.crm(), CustomerDraft.builder()
                .phone("0912 345 678").phone("+84-912-345-678").build());

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("phones[1]");
            assertThat(error.code()).isEqualTo("duplicate");
            assertThat(error.message()).contains("same number as phones[0]");
        });
    }

    @DbTest
    void needsANamePhoneEmailOrExternalId(TestDb db) {
        ValidationException nothing = createFails(db.crm(), CustomerDraft.builder().nickname("only a nickname")
                .phone("  ").email("").build());
        assertThat(nothing.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("name");
            assertThat(error.code()).isEqualTo("required");
            assertThat(error.message()).contains("at least one of name, phone, email or external id");
        });

        assertThat(db.crm().customers().create(CustomerDraft.builder().externalId("erp-9").build()).externalId())
                .contains("erp-9");
        assertThat(db.crm().customers().create(CustomerDraft.builder().email("a@b.co").build()).emails())
                .containsExactly("a@b.co");
    }

    @DbTest
    void ignoresBlankListEntriesAsAnEmptyTextBoxWouldBe(TestDb db) {
        Customer customer = db.crm().customers().create(CustomerDraft.builder().name("Blank")
                .phones(List.of("", "  ", "+84912000001")).emails(List.of(" ")).channel("web", " ").build());

        assertThat(customer.phones()).containsExactly("+84912000001");
        assertThat(customer.emails()).isEmpty();
        assertThat(customer.channels()).isEmpty();
    }

    @DbTest
    void rejectsABirthdayInTheFutureOrBefore1900(TestDb db) {
        ValidationException future = createFails(db.crm(), CustomerDraft.builder().name("B")
                .birthday(LocalDate.now().plusYears(1)).build());
        ValidationException ancient = createFails(db.crm(), CustomerDraft.builder().name("B")
                .birthday(LocalDate.of(1899, 12, 31)).build());

        assertThat(future.errors()).extracting(FieldError::code).containsExactly("out_of_range");
        assertThat(ancient.errors()).extracting(FieldError::code).containsExactly("out_of_range");
        assertThat(db.crm().customers().create(CustomerDraft.builder().name("B").birthday(LocalDate.of(1900, 1, 1))
                .build()).birthday()).contains(LocalDate.of(1900, 1, 1));
    }

    @DbTest
    void rejectsAStageThatIsNotConfigured(TestDb db) {
        ValidationException e = createFails(db.crm(), CustomerDraft.builder().name("S").stage("vip").build());

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("stage");
            assertThat(error.code()).isEqualTo("not_allowed");
            assertThat(error.message()).contains("[lead, prospect, customer, churned]");
        });
    }

    @DbTest
    void rejectsLineBreaksAndOtherControlCharactersInSingleLineFields(TestDb db) {
        ValidationException e = createFails(db.crm(), CustomerDraft.builder().name("Lan\nDROP").company("A\u0000B")
                .build());

        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("name", "invalid"),
                tuple("company", "invalid"));
    }

    @DbTest
    void aRemarkMaySpanSeveralLinesOnCreateAndUpdateStoredWithLineFeeds(TestDb db) {
        Crm crm = db.crm();
        Customer created = crm.customers().create(CustomerDraft.builder().name("Lan")
                .remark("called twice\r\nprefers Zalo\r\rnot before 9").build());

        assertThat(crm.customers().get(created.id()).remark()).isEqualTo("called twice\nprefers Zalo\n\nnot before 9");
        Customer updated = crm.customers().update(created.id(), CustomerPatch.builder(created.version())
                .remark("first line\nsecond line").build());
        assertThat(crm.customers().get(created.id()).remark()).isEqualTo("first line\nsecond line")
                .isEqualTo(updated.remark());
        String eighty = "x".repeat(39) + "\r\n" + "x".repeat(40);
        assertThat(crm.customers().create(CustomerDraft.builder().name("At limit").remark(eighty).build()).remark())
                .hasSize(80);
        ValidationException tooLong = createFails(crm, CustomerDraft.builder().name("Past").remark(eighty + "x")
                .build());
        assertThat(tooLong.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("remark", "too_long"));
    }

    @DbTest
    void aRemarkRefusesTabsAndTheOtherControlCharactersStill(TestDb db) {
        ValidationException e = createFails(db.crm(), CustomerDraft.builder().name("Lan").remark("a\tb\nc").build());

        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(tuple("remark",
                "invalid"));
        assertThat(e.getMessage()).contains("other than line breaks");
    }

    @DbTest
    void everySingleLineFieldRefusesALineBreakOnCreateAndUpdateNamingTheField(TestDb db) {
        Crm crm = db.crm();
        ValidationException created = createFails(crm, CustomerDraft.builder().name("Lan\r\nLe").nickname("a\nb")
                .company("a\rb").address(Address.of("", "", "", "", "12\nTran Phu")).source("a\nb")
                .externalId("E\n1").wechatOpenId("o\n1").ownerId("agent\n1").build());
        assertThat(created.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("name", "invalid"), tuple("nickname", "invalid"), tuple("company", "invalid"),
                tuple("address.detail", "invalid"), tuple("source", "invalid"), tuple("externalId", "invalid"),
                tuple("wechatOpenId", "invalid"), tuple("ownerId", "invalid"));
        assertThat(created.errors()).allSatisfy(error -> assertThat(error.message()).contains("line breaks"));

        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").build());
        ValidationException updated = catchThrowableOfType(ValidationException.class, () -> crm.customers()
                .update(lan.id(), CustomerPatch.builder(lan.version()).name("Lan\nLe").company("A\r\nB")
                        .remark("fine\nhere").build()));
        assertThat(updated.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("name", "invalid"), tuple("company", "invalid"));
        assertThat(crm.customers().get(lan.id())).isEqualTo(lan);
    }

    @DbTest
    void keepsAnHttpsAvatarUrlAndRefusesAnyOtherWithoutWritingAnything(TestDb db) {
        Crm crm = db.crm();
        String longest = "https://cdn.example.com/" + "a".repeat(1000);
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").avatarUrl(longest).build());
        assertThat(crm.customers().get(lan.id()).avatarUrl()).isEqualTo(longest).hasSize(1024);

        ValidationException created = createFails(crm, CustomerDraft.builder().name("Binh")
                .avatarUrl("javascript:alert(1)").build());
        assertThat(created.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("avatarUrl", "invalid"));
        ValidationException tooLong = catchThrowableOfType(ValidationException.class, () -> crm.customers()
                .update(lan.id(), CustomerPatch.builder(lan.version()).avatarUrl(longest + "b").build()));
        assertThat(tooLong.errors()).extracting(FieldError::field, FieldError::code, FieldError::limit)
                .containsExactly(tuple("avatarUrl", "too_long", java.util.Optional.of("1024")));
        assertThat(db.count("customer")).isEqualTo(1);
        assertThat(crm.customers().get(lan.id())).isEqualTo(lan);

        Customer changed = crm.customers().update(lan.id(), CustomerPatch.builder(lan.version())
                .avatarUrl("https://cdn.example.com/lan-2.png").build());
        assertThat(changed.avatarUrl()).isEqualTo("https://cdn.example.com/lan-2.png");
        Customer cleared = crm.customers().update(lan.id(), CustomerPatch.builder(changed.version())
                .avatarUrl(null).build());
        assertThat(crm.customers().get(lan.id()).avatarUrl()).isEqualTo(cleared.avatarUrl()).isEqualTo("");
    }

    /**
     * Phone validity depends on the default region and on the phone library's numbering plans, which change between
     * versions: a stored phone the current plans call invalid must not block an edit that does not touch the phones.
     */
    @DbTest
    void aStoredPhoneTheNumberingPlansNoLongerAcceptDoesNotBlockOtherEdits(TestDb db) {
        Crm crm = db.crm();
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912345678").build());
        db.execute("UPDATE crm_identity SET id_value = '+84992039044' WHERE tenant_id = '" + db.tenant()
                + "' AND customer_id = " + lan.id());

        Customer edited = crm.customers().update(lan.id(), CustomerPatch.builder(lan.version()).company("Lotus")
                .build());
        BulkResult bulk = crm.bulk().run(Selection.ids(List.of(lan.id())), BulkOperation.edit(CustomerPatch
                .builder(0).nickname("L").build()));

        assertThat(edited.company()).isEqualTo("Lotus");
        assertThat(edited.phones()).containsExactly("+84992039044");
        assertThat(bulk.changed()).isEqualTo(1);
        ValidationException retyped = catchThrowableOfType(ValidationException.class, () -> crm.customers().update(
                lan.id(), CustomerPatch.builder(edited.version() + 1).phones(List.of("+84992039044")).build()));
        assertThat(retyped.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("phones[0]", "invalid"));
    }

    /** A tag holding an import cell's separator would come back from an export as two tags. */
    @DbTest
    void aNewTagMayNotHoldWhatSeparatesTagsInAnImportCellButAStoredOneStays(TestDb db) {
        Crm crm = db.crm();
        ValidationException created = createFails(crm, CustomerDraft.builder().name("Lan").tag("vip, new")
                .tag("ok").tag("a;b").tag("x\uFF0Cy").tag("p\u3001q").build());
        assertThat(created.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("tags[0]", "invalid"), tuple("tags[2]", "invalid"), tuple("tags[3]", "invalid"),
                tuple("tags[4]", "invalid"));
        assertThat(created.errors().get(0).message()).contains("separate tags");
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Lan").tag("vip").build());
        assertThatThrownBy(() -> crm.customers().addTags(lan.id(), List.of("new;hot")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tags[0]");
        assertThatThrownBy(() -> crm.bulk().run(Selection.ids(List.of(lan.id())),
                BulkOperation.addTags(List.of("a,b")))).isInstanceOf(ValidationException.class);

        db.execute("UPDATE crm_tag SET tag = 'vip, old' WHERE tenant_id = '" + db.tenant() + "'");
        Customer edited = crm.customers().update(lan.id(), CustomerPatch.builder(lan.version()).company("Lotus")
                .build());

        assertThat(edited.tags()).containsExactly("vip, old");
        assertThat(edited.company()).isEqualTo("Lotus");
    }

    @DbTest
    void storesHostileTextVerbatimAndHarmlessly(TestDb db) {
        String hostile = "Robert'); DROP TABLE crm_customer;-- %_\\";

        Customer customer = db.crm().customers().create(CustomerDraft.builder().name(hostile).remark("${prefix}")
                .tag("' OR '1'='1").build());

        Customer read = db.crm().customers().get(customer.id());
        assertThat(read.name()).isEqualTo(hostile);
        assertThat(read.remark()).isEqualTo("${prefix}");
        assertThat(read.tags()).containsExactly("' OR '1'='1");
        assertThat(db.count("customer")).isEqualTo(1);
    }

    @DbTest
    void defaultsGenderToUnknownAndKeepsAGivenOne(TestDb db) {
        assertThat(db.crm().customers().create(CustomerDraft.builder().name("G").build()).gender())
                .isEqualTo(Gender.UNKNOWN);
        assertThat(db.crm().customers().create(CustomerDraft.builder().name("G").gender(Gender.MALE).build())
                .gender()).isEqualTo(Gender.MALE);
    }

    @DbTest
    void reportsEveryProblemOfOneInputAtOnce(TestDb db) {
        ValidationException e = createFails(db.crm(), CustomerDraft.builder().name(text(81)).phone("nope")
                .email("bad@").stage("unknown").tag(" ").build());

        assertThat(fields(e)).containsExactly("name", "stage", "phones[0]", "emails[0]", "tags[0]");
        assertThat(e.getMessage()).startsWith("5 invalid fields: name: at most 80 characters, got 81");
        assertThat(e.code()).isEqualTo("validation");
    }

    @DbTest
    void anInvalidUpdateChangesNothing(TestDb db) {
        Crm crm = db.crm();
        Customer customer = crm.customers().create(CustomerDraft.builder().name("Keep").phone("+84912000001")
                .build());

        assertThatThrownBy(() -> crm.customers().update(customer.id(), CustomerPatch.builder(1).name(text(81))
                .phones(List.of("+84912000009", "x")).build()))
                .isInstanceOf(ValidationException.class);

        assertThat(crm.customers().get(customer.id())).isEqualTo(customer);
    }

    @DbTest
    void clearingEveryContactOfANamelessCustomerIsRefused(TestDb db) {
        Crm crm = db.crm();
        Customer customer = crm.customers().create(CustomerDraft.builder().phone("+84912000001").build());

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.customers()
                .update(customer.id(), CustomerPatch.builder(1).phones(List.of()).build()));

        assertThat(fields(e)).containsExactly("name");
        assertThat(crm.customers().get(customer.id()).phones()).containsExactly("+84912000001");
    }

    @DbTest
    void acceptsAHundredTagsOfUpTo64CharactersAndRejectsMore(TestDb db) {
        Crm crm = db.crm();
        List<String> ninetyNine = IntStream.range(0, 99).mapToObj(i -> "t" + i).toList();
        Customer customer = crm.customers().create(CustomerDraft.builder().name("T").tags(ninetyNine).tag(text(64))
                .tag("t1").build());
        assertThat(customer.tags()).hasSize(100);

        ValidationException e = createFails(crm, CustomerDraft.builder().name("T").tags(ninetyNine)
                .tag(text(65)).tag("one").tag("two").tag(" ").build());
        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("tags[99]", "too_long"),
                tuple("tags[102]", "required"),
                tuple("tags", "too_many"));
    }

    @DbTest
    void refusesTextThatADatabaseCouldNotStoreOrThatHidesWhatItSays(TestDb db) {
        ValidationException e = createFails(db.crm(), CustomerDraft.builder()
                .name("a\uD800b").nickname("one\u2028two").company("abc\u202Efed").remark("x\uDC00").build());

        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("name", "invalid"), tuple("nickname", "invalid"), tuple("company", "invalid"),
                tuple("remark", "invalid"));
        assertThat(e.getMessage()).contains("unpaired surrogate", "line and paragraph separators",
                "bidirectional override");
    }

    @DbTest
    void aNameOfInvisibleCharactersOnlyIsNoName(TestDb db) {
        ValidationException e = createFails(db.crm(), CustomerDraft.builder().name("\u200B\u200D \uFEFF").build());

        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(tuple("name", "required"));
    }

    @DbTest
    void aPatchReportsItsOwnProblemsTogetherWithTheValidationOfTheRest(TestDb db) {
        Crm crm = db.crm();
        Customer customer = crm.customers().create(CustomerDraft.builder().name("Patchy").build());

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.customers().update(
                customer.id(), CustomerPatch.builder(1).name(text(81)).stage(null).build()));

        assertThat(fields(e)).containsExactlyInAnyOrder("stage", "name");
    }
}

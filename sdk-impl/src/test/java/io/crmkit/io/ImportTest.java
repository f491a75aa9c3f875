package io.crmkit.io;

import static io.crmkit.impl.sheet.HandWrittenXlsx.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Channel;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFailure;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportMode;
import io.crmkit.api.io.ImportPreview;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.io.MatchKey;
import io.crmkit.api.io.TransferJob;
import io.crmkit.impl.sheet.HandWrittenXlsx;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;

@ShardedToo
class ImportTest {

    @TempDir
    Path dir;

    private Path csv(String name, String... lines) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportResult run(Crm crm, Path file) {
        return crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build());
    }

    private static long total(Crm crm) {
        return crm.filters().count(Filter.isNotEmpty("createdAt"));
    }

    private static Customer byPhone(Crm crm, String phone) {
        return crm.customers().findByPhone(phone).orElseThrow(() -> new AssertionError("no customer " + phone));
    }

    @DbTest
    void importsACsvWithTheSuggestedMappingAndTheImportSettings(TestDb db) {
        Crm crm = db.crm();
        long group = crm.filters().groups().create("Fair 2026").id();
        Path file = csv("fair.csv",
                "\uFEFFCustomer Name,Mobile,E-mail,Gender,Birthday,City,Tags,Notes",
                "An Nguyen,0912 345 678,AN@Example.com,male,1990-05-31,Hanoi,vip; fair,\"met at the booth, twice\"",
                "Binh Tran,+84 987 654 321,,female,,Hue,,",
                "Chi Le,,chi@example.com,unKnownSex,,,,");

        ImportResult result = crm.imports().run(ImportRequest.builder(ImportFile.of(file)).source("fair")
                .tag("imported").group(group).build());

        assertThat(List.of(result.rows(), result.created(), result.updated(), result.failed())).containsExactly(3L, 3L,
                0L, 0L);
        Customer an = byPhone(crm, "+84912345678");
        assertThat(an.name()).isEqualTo("An Nguyen");
        assertThat(an.emails()).containsExactly("an@example.com");
        assertThat(an.gender()).isEqualTo(Gender.MALE);
        assertThat(an.birthday()).contains(LocalDate.of(1990, 5, 31));
        assertThat(an.address().city()).isEqualTo("Hanoi");
        assertThat(an.remark()).isEqualTo("met at the booth, twice");
        assertThat(an.source()).isEqualTo("fair");
        assertThat(an.tags()).containsExactlyInAnyOrder("vip", "fair", "imported");
        assertThat(byPhone(crm, "0987654321").gender()).isEqualTo(Gender.FEMALE);
        assertThat(crm.filters().count(Filter.eq("group", group))).isEqualTo(3);
        assertThat(crm.imports().jobs().find(result.jobId())).get().satisfies(job -> {
            assertThat(job.state()).isEqualTo(TransferJob.State.DONE);
            assertThat(job.kind()).isEqualTo(TransferJob.Kind.IMPORT);
            assertThat(job.done()).isEqualTo(3);
            assertThat(job.total()).isEqualTo(3);
            assertThat(job.fileName()).isEqualTo("fair.csv");
        });
    }

    @DbTest
    void aTagsCellSplitsOnCommasSemicolonsCjkCommasAndLineBreaks(TestDb db) {
        Crm crm = db.crm();
        Path file = csv("tags.csv", "name,phone,tags,labels",
                "Comma,0912000001,\"vip, new\",",
                "Cjk,0912000002,vip\uFF0Cnew\u3001fair,",
                "Lines,0912000003,\"vip\r\nnew\nfair\rlast\",",
                "Repeats,0912000004,\" vip ;; new, vip ,\",new\u3001vip");

        ImportResult result = run(crm, file);

        assertThat(result.failures()).isEmpty();
        assertThat(byPhone(crm, "0912000001").tags()).containsExactlyInAnyOrder("vip", "new");
        assertThat(byPhone(crm, "0912000002").tags()).containsExactlyInAnyOrder("vip", "new", "fair");
        assertThat(byPhone(crm, "0912000003").tags()).containsExactlyInAnyOrder("vip", "new", "fair", "last");
        assertThat(byPhone(crm, "0912000004").tags()).containsExactlyInAnyOrder("vip", "new");
    }

    @DbTest
    void aTagThatBreaksTheTagRulesFailsItsRowNamingTheColumnAndTheTagAndKeepsTheRowWhole(TestDb db)
            throws IOException {
        Crm crm = db.crm();
        String tooLong = "x".repeat(65);
        Path file = csv("badtags.csv", "name,phone,Labels",
                "Good,0912000001,\"vip, new\"",
                "Long,0912000002,\"vip, " + tooLong + "\"",
                "Hidden,0912000003,\"ok; a\u202Eb\"",
                "Also good,0912000004,vip");

        ImportResult result = run(crm, file);

        assertThat(List.of(result.created(), result.failed())).containsExactly(2L, 2L);
        assertThat(result.failures().get(0).row()).isEqualTo(3);
        assertThat(result.failures().get(0).reasons()).singleElement().asString()
                .startsWith("tags: column 'Labels', tag 'xxxx").contains("at most 64 characters, got 65");
        assertThat(result.failures().get(1).row()).isEqualTo(4);
        assertThat(result.failures().get(1).reasons()).singleElement().asString()
                .startsWith("tags: column 'Labels', tag 'a").contains("bidirectional");
        assertThat(crm.customers().findByPhone("0912000002")).isEmpty();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        crm.imports().writeFailureReport(result.jobId(), FileFormat.CSV, report);
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("Long,0912000002,\"vip, " + tooLong + "\",3,");
    }

    @DbTest
    void moreTagsThanACustomerMayHaveFailTheRow(TestDb db) {
        Crm crm = db.crm();
        String tags = IntStream.rangeClosed(1, 101).mapToObj(i -> "t" + i).collect(Collectors.joining(", "));
        Path file = csv("many.csv", "name,tags", "Many,\"" + tags + "\"", "Few,\"t1, t1, t2\"");

        ImportResult result = run(crm, file);

        assertThat(List.of(result.created(), result.failed())).containsExactly(1L, 1L);
        assertThat(result.failures().get(0).reasons()).singleElement().asString().startsWith("tags:")
                .contains("at most 100 tags");
    }

    @DbTest
    void aChannelsColumnInTheExportsFormImportsChannelAccounts(TestDb db) {
        Crm crm = db.crm();
        Path file = csv("channels.csv", "name,phone,channels,Channel 2",
                "Two,0912000001,whatsapp:+84912345678; web:abc,",
                "Lines,0912000002,\"zalo : 0912000002\r\nweb:https://x.vn/u:1\",",
                "Twice,0912000003,web:twice,web:twice");

        ImportResult result = run(crm, file);

        assertThat(result.failures()).isEmpty();
        assertThat(byPhone(crm, "0912000001").channels()).containsExactly(Channel.of("whatsapp", "+84912345678"),
                Channel.of("web", "abc"));
        assertThat(byPhone(crm, "0912000002").channels()).containsExactly(Channel.of("zalo", "0912000002"),
                Channel.of("web", "https://x.vn/u:1"));
        assertThat(byPhone(crm, "0912000003").channels()).containsExactly(Channel.of("web", "twice"));
    }

    @DbTest
    void aMalformedChannelItemFailsItsRowNamingTheColumnAndTheItem(TestDb db) {
        Crm crm = db.crm();
        Path file = csv("badchannels.csv", "name,phone,Channel 1",
                "No colon,0912000001,whatsapp+84912345678",
                "Bad name,0912000002,WhatsApp:+84912345678",
                "Empty account,0912000003,web:; whatsapp:+84912345679",
                "Too many,0912000004,web:a; zalo:b; whatsapp:c",
                "Good,0912000005,web:good");

        ImportResult result = run(crm, file);

        assertThat(List.of(result.created(), result.failed())).containsExactly(1L, 4L);
        assertThat(result.failures()).extracting(ImportFailure::row).containsExactly(2L, 3L, 4L, 5L);
        assertThat(result.failures().get(0).reasons()).singleElement().asString()
                .startsWith("channels: column 'Channel 1', item 'whatsapp+84912345678': expected channel:account");
        assertThat(result.failures().get(1).reasons()).singleElement().asString()
                .startsWith("channels: column 'Channel 1', item 'WhatsApp:+84912345678': 'WhatsApp' is not a channel name");
        assertThat(result.failures().get(2).reasons()).singleElement().asString()
                .startsWith("channels: column 'Channel 1', item 'web:': the account after 'web:' is empty");
        assertThat(result.failures().get(3).reasons()).singleElement().asString()
                .startsWith("channels: at most 2 channel accounts");
        assertThat(crm.customers().findByPhone("0912000003")).isEmpty();
        assertThat(byPhone(crm, "0912000005").channels()).containsExactly(Channel.of("web", "good"));
    }

    @DbTest
    void anImportAddsChannelAccountsToTheMatchedCustomerAndRefusesOneAnotherCustomerHolds(TestDb db) {
        Crm crm = db.crm();
        Customer an = crm.customers().create(CustomerDraft.builder().name("An").phone("0912000001")
                .channel("web", "an").build());
        Customer binh = crm.customers().create(CustomerDraft.builder().name("Binh").phone("0912000002")
                .channel("zalo", "binh").build());
        Path file = csv("more.csv", "phone,channels", "0912000001,web:an; whatsapp:+84912000001",
                "0912000002,web:an");

        ImportResult result = run(crm, file);

        assertThat(List.of(result.updated(), result.failed())).containsExactly(1L, 1L);
        assertThat(crm.customers().get(an.id()).channels()).containsExactly(Channel.of("web", "an"),
                Channel.of("whatsapp", "+84912000001"));
        assertThat(result.failures().get(0).reasons()).singleElement().asString()
                .isEqualTo("channels: web:an belongs to customer " + an.id() + ", not to customer " + binh.id()
                        + " that the row matches");
        assertThat(crm.customers().get(binh.id()).channels()).containsExactly(Channel.of("zalo", "binh"));
    }

    @DbTest
    void aRemarkCellKeepsItsLinesAndALineBreakInASingleLineFieldFailsItsRow(TestDb db) {
        Crm crm = db.crm();
        Path file = csv("lines.csv", "name,phone,remark,company",
                "Lines,0912000001,\"called twice\r\nprefers Zalo\n=not a formula\",Acme",
                "\"Two\nlines\",0912000002,fine,",
                "Company,0912000003,,\"Acme\r\nLtd\"");

        ImportResult result = run(crm, file);

        assertThat(List.of(result.created(), result.failed())).containsExactly(1L, 2L);
        assertThat(byPhone(crm, "0912000001").remark()).isEqualTo("called twice\nprefers Zalo\n=not a formula");
        assertThat(result.failures()).as("a CSV row is numbered by its record's first line")
                .extracting(ImportFailure::row).containsExactly(5L, 7L);
        assertThat(result.failures().get(0).reasons()).singleElement().asString().startsWith("name:")
                .contains("line breaks");
        assertThat(result.failures().get(1).reasons()).singleElement().asString().startsWith("company:")
                .contains("line breaks");
    }

    @DbTest
    void previewSuggestsAMappingFromHeadersAndCustomFieldNames(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("vip_level", FieldType.NUMBER).label("VIP level").build());
        Path file = csv("p.csv", "customerName;cellPhone;Phone 2;e-mail;VIP Level;Shoe size", "An;0912345678;;a@b.vn;3;42");

        ImportPreview preview = crm.imports().preview(ImportFile.of(file).withDelimiter(';'));

        assertThat(preview.suggested()).containsEntry("customerName", "name").containsEntry("cellPhone", "phones")
                .containsEntry("Phone 2", "phones").containsEntry("e-mail", "emails")
                .containsEntry("VIP Level", "vip_level");
        assertThat(preview.unmapped()).containsExactly("Shoe size");
        assertThat(preview.sample()).containsExactly(List.of("An", "0912345678", "", "a@b.vn", "3", "42"));
        assertThat(preview.fields()).contains("name", "phones", "tags", "vip_level");
    }

    @DbTest
    void matchesExistingCustomersByIdThenPhoneThenEmailAndFillsOnlyNonEmptyCells(TestDb db) {
        Crm crm = db.crm();
        Customer byId = crm.customers().create(CustomerDraft.builder().name("By id").company("Old Co").build());
        Customer byPhone = crm.customers().create(CustomerDraft.builder().name("By phone").phone("0912000001")
                .company("Keep Co").build());
        Customer byEmail = crm.customers().create(CustomerDraft.builder().name("By email").email("e@x.vn").build());
        Customer same = crm.customers().create(CustomerDraft.builder().name("Same").phone("0912000003").build());
        Path file = csv("m.csv", "id,name,phone,email,company",
                byId.id() + ",,,,New Co",
                ",By phone 2,0912 000 001,,",
                ",,,E@X.VN,Mail Co",
                ",Same,0912000003,,",
                ",New one,0912000009,,");

        ImportResult result = run(crm, file);

        assertThat(List.of(result.created(), result.updated(), result.unchanged(), result.failed()))
                .containsExactly(1L, 3L, 1L, 0L);
        assertThat(crm.customers().get(byId.id()).company()).isEqualTo("New Co");
        assertThat(crm.customers().get(byId.id()).name()).isEqualTo("By id");
        Customer phone = crm.customers().get(byPhone.id());
        assertThat(phone.name()).isEqualTo("By phone 2");
        assertThat(phone.company()).as("an empty cell leaves the field as it is").isEqualTo("Keep Co");
        assertThat(crm.customers().get(byEmail.id()).company()).isEqualTo("Mail Co");
        assertThat(crm.customers().get(same.id()).version()).isEqualTo(same.version());
        assertThat(total(crm)).isEqualTo(5);
    }

    @DbTest
    void rowsOfOneFileThatMatchEachOtherAreOneCustomerAcrossChunks(TestDb db) {
        Crm crm = db.crm();
        List<String> lines = new java.util.ArrayList<>(List.of("name,phone,email,tags"));
        lines.add("First,0912111111,,a");
        IntStream.range(0, ImportService.CHUNK_ROWS + 100).forEach(i -> lines.add("Filler " + i + ",,filler" + i
                + "@x.vn,"));
        lines.add("Later,0912111111,first@x.vn,b");
        lines.add("Again,,first@x.vn,c");

        ImportResult result = run(crm, csv("same.csv", lines.toArray(String[]::new)));

        assertThat(result.failed()).as("%s", result.failures()).isZero();
        assertThat(result.created()).isEqualTo(ImportService.CHUNK_ROWS + 101);
        assertThat(result.updated()).isEqualTo(2);
        Customer first = byPhone(crm, "0912111111");
        assertThat(first.name()).isEqualTo("Again");
        assertThat(first.emails()).containsExactly("first@x.vn");
        assertThat(first.tags()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(crm.customers().findByEmail("first@x.vn")).get().extracting(Customer::id).isEqualTo(first.id());
    }

    @DbTest
    void identitiesOfOtherCustomersAreReportedInsideOneChunkAndAcrossChunksAndAgainstTheDatabase(TestDb db) {
        Crm crm = db.crm();
        Customer stored = crm.customers().create(CustomerDraft.builder().name("Stored").phone("0912000100")
                .externalId("ERP-9").build());
        List<String> lines = new java.util.ArrayList<>(List.of("name,phone,email,externalId"));
        lines.add("A,0912000101,a@x.vn,");
        lines.add("B,0912000102,b@x.vn,");
        lines.add("A twin,0912000101,a@x.vn,"); // the same customer as row 2, in the same chunk: an update
        lines.add("Clash,0912000101,b@x.vn,"); // matches A, and B holds the email: in the same chunk
        lines.add("Stolen,0912000103,c@x.vn,ERP-9"); // matches no one; the stored customer holds the external id
        IntStream.range(0, ImportService.CHUNK_ROWS).forEach(i -> lines.add("Filler " + i + ",,f" + i + "@x.vn,"));
        lines.add("Clash later,0912000102,a@x.vn,"); // matches B, and A holds the email: the next chunk
        lines.add("B again,0912000102,b@x.vn,");

        ImportResult result = run(crm, csv("owners.csv", lines.toArray(String[]::new)));

        Customer a = byPhone(crm, "0912000101");
        Customer b = byPhone(crm, "0912000102");
        assertThat(List.of(result.created(), result.updated(), result.failed())).as("%s", result.failures())
                .containsExactly(2L + ImportService.CHUNK_ROWS, 2L, 3L);
        assertThat(result.failures()).extracting(ImportFailure::row).containsExactly(5L, 6L,
                8L + ImportService.CHUNK_ROWS - 1);
        assertThat(result.failures().get(0).reasons()).containsExactly("emails: b@x.vn belongs to customer "
                + b.id() + ", not to customer " + a.id() + " that the row matches");
        assertThat(result.failures().get(1).reasons()).containsExactly("externalId: ERP-9 belongs to customer "
                + stored.id());
        assertThat(result.failures().get(2).reasons()).containsExactly("emails: a@x.vn belongs to customer "
                + a.id() + ", not to customer " + b.id() + " that the row matches");
        assertThat(a.name()).isEqualTo("A twin");
        assertThat(b.name()).isEqualTo("B again");
        assertThat(crm.customers().findByEmail("c@x.vn")).isEmpty();
        assertThat(total(crm)).isEqualTo(3 + ImportService.CHUNK_ROWS);
    }

    @DbTest
    void anIdTheTenantDoesNotHoldMatchesByPhoneOrCreatesUnlessTheImportMatchesById(TestDb db) {
        Crm crm = db.crm();
        Customer known = crm.customers().create(CustomerDraft.builder().name("Known").phone("0912000001").build());
        Customer elsewhere = db.otherTenant().customers().create(CustomerDraft.builder().name("Elsewhere").build());
        Path file = csv("ids.csv", "id,name,phone",
                elsewhere.id() + ",Known again,0912000001",
                (elsewhere.id() + 1) + ",New,0912000002");

        ImportResult byId = crm.imports().run(ImportRequest.builder(ImportFile.of(file)).matchBy(MatchKey.ID)
                .build());
        assertThat(byId.failed()).isEqualTo(2);
        assertThat(byId.failures()).extracting(ImportFailure::reasons).allSatisfy(reasons -> assertThat(reasons)
                .first().asString().startsWith("id: no customer"));
        ImportResult result = run(crm, file);

        assertThat(List.of(result.created(), result.updated(), result.failed())).containsExactly(1L, 1L, 0L);
        assertThat(crm.customers().get(known.id()).name()).isEqualTo("Known again");
        assertThat(byPhone(crm, "0912000002").id()).isNotIn(elsewhere.id(), elsewhere.id() + 1);
        assertThat(db.otherTenant().customers().get(elsewhere.id()).name()).isEqualTo("Elsewhere");
    }

    @DbTest
    void createOnlyAndUpdateOnlyFailTheRowsTheyDoNotTake(TestDb db) {
        Crm crm = db.crm();
        crm.customers().create(CustomerDraft.builder().name("Old").phone("0912000001").build());
        Path file = csv("modes.csv", "name,phone", "Old again,0912000001", "New,0912000002");

        ImportResult createOnly = crm.imports().run(ImportRequest.builder(ImportFile.of(file))
                .mode(ImportMode.CREATE_ONLY).build());
        assertThat(List.of(createOnly.created(), createOnly.failed())).as("%s", createOnly.failures())
                .containsExactly(1L, 1L);
        assertThat(createOnly.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.row()).isEqualTo(2);
            assertThat(failure.reasons()).singleElement().asString().contains("matches customer", "only creates");
        });

        Path other = csv("modes2.csv", "name,phone", "Old renamed,0912000001", "Unknown,0912000003");
        ImportResult updateOnly = crm.imports().run(ImportRequest.builder(ImportFile.of(other))
                .mode(ImportMode.UPDATE_ONLY).build());
        assertThat(List.of(updateOnly.updated(), updateOnly.failed())).containsExactly(1L, 1L);
        assertThat(updateOnly.failures().get(0).reasons().get(0)).contains("no customer matches", "only updates");
        assertThat(crm.customers().findByPhone("0912000003")).isEmpty();
    }

    @DbTest
    void anUpdateOnlyImportListsEveryReasonOfAnUnmatchedRowThatBreaksRules(TestDb db) {
        Crm crm = db.crm();
        crm.customers().create(CustomerDraft.builder().name("Old").phone("0912000001").build());
        Path file = csv("update-only-bad.csv", "name,phone,birthday", "Old renamed,0912000001,",
                "Nobody,not a phone,not a date");

        ImportResult result = crm.imports().run(ImportRequest.builder(ImportFile.of(file))
                .mode(ImportMode.UPDATE_ONLY).build());

        assertThat(List.of(result.updated(), result.failed())).as("%s", result.failures()).containsExactly(1L, 1L);
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.row()).isEqualTo(3);
            assertThat(failure.reasons()).anySatisfy(reason -> assertThat(reason).startsWith("birthday"))
                    .anySatisfy(reason -> assertThat(reason).startsWith("phones"));
        });
        assertThat(crm.imports().jobs().find(result.jobId()).orElseThrow().state()).isEqualTo(TransferJob.State.DONE);
        assertThat(total(crm)).isEqualTo(1);
    }

    @DbTest
    void aChosenMatchKeyDecidesAndConflictingIdentitiesFailTheRow(TestDb db) {
        Crm crm = db.crm();
        Customer a = crm.customers().create(CustomerDraft.builder().name("A").phone("0912000001")
                .externalId("ERP-1").build());
        Customer b = crm.customers().create(CustomerDraft.builder().name("B").email("b@x.vn").build());
        Path file = csv("keys.csv", "name,externalId,email,phone", "A by erp,ERP-1,,", "Clash,,b@x.vn,0912000001");

        ImportResult result = crm.imports().run(ImportRequest.builder(ImportFile.of(file))
                .matchBy(MatchKey.EXTERNAL_ID).build());

        assertThat(List.of(result.updated(), result.failed())).as("%s", result.failures()).containsExactly(1L, 1L);
        assertThat(crm.customers().get(a.id()).name()).isEqualTo("A by erp");
        assertThat(result.failures().get(0).reasons()).anySatisfy(reason -> assertThat(reason)
                .contains("emails: b@x.vn belongs to customer " + b.id()));
        assertThat(crm.customers().get(b.id()).phones()).isEmpty();
    }

    @DbTest
    void failedRowsDoNotStopTheImportAndTheReportKeepsEveryReason(TestDb db) throws IOException {
        Crm crm = db.crm();
        Path file = csv("bad.csv", "name,phone,gender,birthday,email",
                "Good,0912000001,male,,",
                "Bad phone,12,robot,31/05/1990,not-an-email",
                ",,,,",
                "Also good,0912000002,f,,",
                "Unknown id?,0912000003,,2999-01-01,");

        ImportResult result = run(crm, file);

        assertThat(List.of(result.rows(), result.created(), result.failed())).containsExactly(4L, 2L, 2L);
        ImportFailure bad = result.failures().get(0);
        assertThat(bad.reasons()).as("%s", bad).isNotEmpty();
        assertThat(bad.row()).isEqualTo(3);
        assertThat(bad.reasons()).hasSizeGreaterThanOrEqualTo(3).anySatisfy(r -> assertThat(r).startsWith("gender:"))
                .anySatisfy(r -> assertThat(r).startsWith("birthday:"));
        assertThat(result.failures().get(1).row()).isEqualTo(6);

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        crm.imports().writeFailureReport(result.jobId(), FileFormat.CSV, report);
        List<String> lines = report.toString(StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).isEqualTo("name,phone,gender,birthday,email,Row,Reasons");
        assertThat(lines.get(1)).startsWith("Bad phone,12,robot,31/05/1990,not-an-email,3,");
        assertThat(lines).hasSize(3);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        crm.imports().writeFailureReport(result.jobId(), FileFormat.XLSX, xlsx);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                xlsx.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Reasons");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Bad phone");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).contains("birthday");
        }
    }

    @DbTest
    void rowsThatRepeatARowNumberAreImportedUnderTheReadersOwnNumbersAndCanBeContinued(TestDb db) throws IOException {
        Crm crm = db.crm();
        StringBuilder rows = new StringBuilder("<row r=\"1\">" + inline("A1", "name") + inline("B1", "phone")
                + "</row>");
        List<Long> failing = new java.util.ArrayList<>();
        int count = 2 * ImportService.CHUNK_ROWS + 100;
        for (int i = 0; i < count; i++) {
            // The fourth row says it is row 1 (the header's), every hundredth repeats the number of the row before.
            boolean repeats = i == 3 || i % 100 == 50;
            String r = i == 3 ? "1" : String.valueOf(i % 100 == 50 ? i + 1 : i + 2);
            rows.append("<row r=\"").append(r).append("\">").append(inline("A" + r, "Customer " + i))
                    .append(inline("B" + r, repeats ? "12" : String.format("0912%06d", i))).append("</row>");
            if (repeats) {
                failing.add(i + 2L);
            }
        }
        Path file = HandWrittenXlsx.withRows(rows.toString()).writeTo(dir.resolve("repeats.xlsx"));
        ImportRequest request = ImportRequest.builder(ImportFile.of(file)).build();

        assertThatThrownBy(() -> crm.imports().run(request, (done, total) -> {
            if (done == ImportService.CHUNK_ROWS) {
                throw new IllegalStateException("the process dies");
            }
        })).hasMessageContaining("dies");
        ImportResult result = crm.imports().run(request);

        long created = count - failing.size();
        assertThat(List.of(result.rows(), result.created(), result.failed()))
                .containsExactly((long) count, created, (long) failing.size());
        assertThat(result.failures()).extracting(ImportFailure::row).containsExactlyElementsOf(failing);
        assertThat(total(crm)).isEqualTo(created);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        crm.imports().writeFailureReport(result.jobId(), FileFormat.CSV, report);
        List<String> lines = report.toString(StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).isEqualTo("name,phone,Row,Reasons");
        assertThat(lines.subList(1, lines.size())).extracting(line -> Long.valueOf(line.split(",")[2]))
                .containsExactlyElementsOf(failing);
        assertThat(lines.get(1)).startsWith("Customer 3,12,5,");
    }

    @DbTest
    void aFailedRowLongerThanTheStoredLimitIsReportedCut(TestDb db) {
        Crm crm = db.crm();
        String longest = "x".repeat(32_767);
        Path file = csv("long.csv", "name,remark,company", longest + "," + longest.replace('x', 'y') + ","
                + longest.replace('x', 'z'));

        ImportResult result = run(crm, file);

        assertThat(result.failed()).isEqualTo(1);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        crm.imports().writeFailureReport(result.jobId(), FileFormat.CSV, report);
        String row = report.toString(StandardCharsets.UTF_8).lines().toList().get(1);
        assertThat(row).startsWith(longest + "," + longest.replace('x', 'y') + ",zz,2,");
    }

    @DbTest
    void aDryRunCountsWhatItWouldDoAndWritesNoCustomer(TestDb db) {
        Crm crm = db.crm();
        crm.customers().create(CustomerDraft.builder().name("Old").phone("0912000001").build());
        Path file = csv("dry.csv", "name,phone", "Old renamed,0912000001", "New,0912000002", "New twice,0912000002",
                "Broken,abc");

        ImportResult result = crm.imports().run(ImportRequest.builder(ImportFile.of(file)).dryRun(true).build());

        assertThat(result.dryRun()).isTrue();
        assertThat(List.of(result.created(), result.updated(), result.failed())).containsExactly(1L, 2L, 1L);
        assertThat(total(crm)).isEqualTo(1);
        assertThat(byPhone(crm, "0912000001").name()).isEqualTo("Old");
        assertThat(run(crm, file).created()).as("a dry run is never continued").isEqualTo(1);
    }

    @DbTest
    void runningTheSameImportAgainContinuesAfterTheLastCommittedChunk(TestDb db) {
        Crm crm = db.crm();
        List<String> lines = new java.util.ArrayList<>(List.of("name"));
        int count = 2 * ImportService.CHUNK_ROWS + 200;
        IntStream.range(0, count).forEach(i -> lines.add("Customer " + i));
        Path file = csv("crash.csv", lines.toArray(String[]::new));
        ImportRequest request = ImportRequest.builder(ImportFile.of(file)).build();

        assertThatThrownBy(() -> crm.imports().run(request, (done, total) -> {
            if (done == ImportService.CHUNK_ROWS) {
                throw new IllegalStateException("the process dies");
            }
        })).hasMessageContaining("dies");
        assertThat(total(crm)).isEqualTo(ImportService.CHUNK_ROWS);
        TransferJob failed = crm.imports().jobs().latest().get(0);
        assertThat(failed.state()).isEqualTo(TransferJob.State.FAILED);
        assertThat(failed.done()).isEqualTo(ImportService.CHUNK_ROWS);

        ImportResult again = crm.imports().run(request);

        assertThat(again.jobId()).isEqualTo(failed.id());
        assertThat(List.of(again.rows(), again.created(), again.failed()))
                .containsExactly((long) count, (long) count, 0L);
        assertThat(total(crm)).as("no row imported twice").isEqualTo(count);
        assertThat(crm.imports().jobs().find(failed.id()).orElseThrow().state()).isEqualTo(TransferJob.State.DONE);
    }

    @DbTest
    void aCancelledImportKeepsItsCommittedRowsAndCanBeContinued(TestDb db) throws InterruptedException {
        Crm crm = db.crm();
        List<String> lines = new java.util.ArrayList<>(List.of("name"));
        int count = 2 * ImportService.CHUNK_ROWS + 100;
        IntStream.range(0, count).forEach(i -> lines.add("Customer " + i));
        ImportRequest request = ImportRequest.builder(ImportFile.of(csv("cancel.csv", lines.toArray(String[]::new))))
                .build();
        long[] job = new long[1];

        ImportResult stopped = crm.imports().run(request, (done, total) -> {
            job[0] = crm.imports().jobs().latest().get(0).id();
            crm.imports().jobs().cancel(job[0]);
        });

        assertThat(stopped.rows()).isEqualTo(ImportService.CHUNK_ROWS);
        assertThat(crm.imports().jobs().find(job[0]).orElseThrow().state()).isEqualTo(TransferJob.State.CANCELLED);
        assertThat(crm.imports().jobs().cancel(job[0])).as("not running").isFalse();
        long submitted = crm.imports().submit(request);
        assertThat(submitted).isEqualTo(job[0]);
        assertThat(crm.imports().jobs().await(submitted, Duration.ofSeconds(30)).state())
                .isEqualTo(TransferJob.State.DONE);
        assertThat(total(crm)).isEqualTo(count);
    }

    @DbTest
    void refusesMoreThan200000RowsBeforeWritingAnything(TestDb db) throws IOException {
        Crm crm = db.crm();
        Path file = dir.resolve("big.csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("name\n");
            for (int i = 0; i <= 200_000; i++) {
                out.write("c" + i + "\n");
            }
        }

        LimitExceededException e = catchThrowableOfType(LimitExceededException.class, () -> run(crm, file));

        assertThat(e).hasMessageContaining("more than 200000 data rows");
        assertThat(total(crm)).isZero();
    }

    @DbTest
    void aMappingThatDoesNotFitTheFileIsRefusedWithEveryReason(TestDb db) {
        Crm crm = db.crm();
        Path file = csv("map.csv", "Name,Phone,Other", "An,0912000001,x");

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.imports().run(
                ImportRequest.builder(ImportFile.of(file)).map("Name", "name").map("Nope", "name")
                        .map("Phone", "shoeSize").map("Other", "name").build()));

        assertThat(e.errors()).extracting(error -> error.field() + "/" + error.code()).containsExactlyInAnyOrder(
                "mapping.Nope/unknown_column", "mapping.Phone/unknown_field", "mapping.Other/duplicate");
        assertThat(total(crm)).isZero();
        assertThatThrownBy(() -> run(crm, csv("none.csv", "Shoe size", "42")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no column of the file is mapped");
        assertThatThrownBy(() -> crm.imports().run(ImportRequest.builder(ImportFile.of(file)).group(42).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no group 42");
    }

    @DbTest
    void aFileThatIsNotWhatItsNameSaysIsRefused(TestDb db) throws IOException {
        Crm crm = db.crm();
        Path fake = dir.resolve("fake.xlsx");
        Files.writeString(fake, "name\nAn\n");

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> run(crm, fake));

        assertThat(e.errors()).singleElement().extracting(error -> error.code()).isEqualTo("not_xlsx");
        assertThat(crm.imports().jobs().latest()).isEmpty();
    }

    @DbTest
    void importsAnXlsxWithTypedCellsAndUndoesTheExportsFormulaGuard(TestDb db) throws IOException {
        Crm crm = db.crm();
        Path file = dir.resolve("typed.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("Customers");
            var header = sheet.createRow(0);
            List.of("name", "phones", "birthday", "tags").forEach(h -> header.createCell(header.getPhysicalNumberOfCells())
                    .setCellValue(h));
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("Typed");
            row.createCell(1).setCellValue(84912345678d);
            var date = row.createCell(2);
            date.setCellValue(LocalDate.of(1990, 5, 31));
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            date.setCellStyle(style);
            row.createCell(3).setCellValue("-vip");
            var guarded = sheet.createRow(2);
            guarded.createCell(0).setCellValue("Guarded");
            guarded.createCell(1).setCellValue("'+84912345679");
            workbook.write(out);
        }

        ImportResult result = run(crm, file);

        assertThat(result.failures()).isEmpty();
        Customer typed = byPhone(crm, "+84912345678");
        assertThat(typed.birthday()).contains(LocalDate.of(1990, 5, 31));
        assertThat(typed.tags()).containsExactly("-vip");
        assertThat(byPhone(crm, "+84912345679").name()).isEqualTo("Guarded");
    }

    @DbTest
    void importsAnXlsWorkbookFromItsFirstSheetLikeItsXlsxTwin(TestDb db) throws IOException {
        Crm crm = db.crm();
        Path file = dir.resolve("hubspot.xls");
        try (var workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             var out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("Contacts");
            var header = sheet.createRow(0);
            List.of("name", "phones", "birthday", "tags", "emails").forEach(h -> header.createCell(
                    header.getPhysicalNumberOfCells()).setCellValue(h));
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("Lê Văn Typed");
            row.createCell(1).setCellValue(84912345678d);
            var date = row.createCell(2);
            date.setCellValue(LocalDate.of(1990, 5, 31));
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            date.setCellStyle(style);
            row.createCell(3).setCellValue("-vip");
            row.createCell(4).setCellFormula("\"typed\"&\"@example.com\"");
            var guarded = sheet.createRow(3);
            guarded.createCell(0).setCellValue("Guarded");
            guarded.createCell(1).setCellValue("'+84912345679");
            var broken = sheet.createRow(4);
            broken.createCell(0).setCellValue("Broken");
            broken.createCell(4).setCellValue("not an email");
            workbook.createSheet("Lists").createRow(0).createCell(0).setCellValue("name");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
        }

        ImportResult result = run(crm, file);

        assertThat(result.failures()).singleElement().satisfies(failure -> assertThat(failure.row()).isEqualTo(5));
        Customer typed = byPhone(crm, "+84912345678");
        assertThat(typed.name()).isEqualTo("Lê Văn Typed");
        assertThat(typed.birthday()).contains(LocalDate.of(1990, 5, 31));
        assertThat(typed.tags()).containsExactly("-vip");
        assertThat(typed.emails()).containsExactly("typed@example.com");
        assertThat(byPhone(crm, "+84912345679").name()).isEqualTo("Guarded");
        assertThat(total(crm)).isEqualTo(2);
        ValidationException report = catchThrowableOfType(ValidationException.class,
                () -> crm.imports().writeFailureReport(result.jobId(), FileFormat.XLS, new ByteArrayOutputStream()));
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("format");
            assertThat(error.code()).isEqualTo("not_allowed");
        });
    }

    @DbTest
    void anEncryptedXlsIsRefusedBeforeAnythingIsWritten(TestDb db) throws IOException {
        Crm crm = db.crm();
        Path file = dir.resolve("secret.xls");
        org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (var workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             var out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("Contacts");
            sheet.createRow(0).createCell(0).setCellValue("name");
            sheet.createRow(1).createCell(0).setCellValue("Hidden");
            workbook.write(out);
        } finally {
            org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> run(crm, file));

        assertThat(e.errors()).singleElement().extracting(error -> error.code()).isEqualTo("encrypted");
        assertThat(total(crm)).isZero();
        assertThat(crm.imports().jobs().latest()).isEmpty();
    }

    @DbTest
    void needsTheImportPermissionAndStaysInTheTenant(TestDb db) {
        Path file = csv("perm.csv", "name", "An");
        assertThatThrownBy(() -> run(db.crm(Permission.READ, Permission.WRITE), file))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("IMPORT");
        run(db.crm(), file);
        assertThat(total(db.otherTenant())).isZero();
        assertThat(db.otherTenant().imports().jobs().latest()).isEmpty();
    }

    @DbTest
    void theTemplateNamesEveryFieldOfTheTenant(TestDb db) throws IOException {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("vip_level", FieldType.NUMBER).label("VIP level").required(true)
                .build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        crm.imports().writeTemplate(out);

        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                out.toByteArray()))) {
            var header = workbook.getSheetAt(0).getRow(0);
            List<String> names = IntStream.range(0, header.getLastCellNum())
                    .mapToObj(i -> header.getCell(i).getStringCellValue()).collect(Collectors.toList());
            assertThat(names).startsWith("name", "nickname", "gender").contains("phones", "emails", "tags", "vip_level");
            assertThat(workbook.getSheet("Instructions")).isNotNull();
        }
        Path filled = dir.resolve("filled.xlsx");
        Files.write(filled, out.toByteArray());
        assertThat(crm.imports().preview(ImportFile.of(filled)).unmapped()).isEmpty();
    }

    @DbTest
    void customFieldsAreImportedWithTheirOwnRules(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("vip_level", FieldType.NUMBER).label("VIP level").build());
        crm.fields().define(FieldDraft.builder("newsletter", FieldType.BOOLEAN).label("Newsletter").build());
        Path file = csv("custom.csv", "name,vip_level,newsletter", "Ok,3,yes", "Bad,three,maybe");

        ImportResult result = run(crm, file);

        assertThat(List.of(result.created(), result.failed())).containsExactly(1L, 1L);
        Customer ok = crm.filters().search(Query.where(Filter.eq("name", "Ok"))).items().get(0);
        assertThat(ok.custom()).containsEntry("vip_level", 3L).containsEntry("newsletter", true);
        assertThat(result.failures().get(0).reasons()).hasSize(2);
    }

    @DbTest
    void addressesTheDirectoryDoesNotKnowFailTheirRow(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        io.crmkit.api.customer.AddressDirectory hanoiOnly = address -> address.city().isEmpty()
                || address.city().equals("Hanoi") ? java.util.Optional.empty()
                : java.util.Optional.of("no city '" + address.city() + "'");
        try (io.crmkit.CrmKit kit = db.newKit(prefix, builder -> builder.addressDirectory(hanoiOnly))) {
            Crm crm = kit.as(io.crmkit.api.Actor.of("addresses", "agent", Permission.ALL));
            Path file = csv("address.csv", "name,city", "In Hanoi,Hanoi", "In Atlantis,Atlantis");

            ImportResult result = run(crm, file);

            assertThat(List.of(result.created(), result.failed())).containsExactly(1L, 1L);
            assertThat(result.failures().get(0).reasons()).singleElement().asString().startsWith("address")
                    .contains("Atlantis");
        } finally {
            db.dropTables(prefix);
        }
    }
}

package io.crmkit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.io.TransferJob;
import io.crmkit.testing.StatementPause;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;

@ShardedToo
class ExportTest {

    @TempDir
    Path dir;

    private static void customers(Crm crm) {
        crm.fields().define(FieldDraft.builder("vip_level", FieldType.NUMBER).label("VIP level").build());
        crm.customers().create(CustomerDraft.builder().name("An").phone("0912000001").phone("0912000002")
                .email("an@x.vn").tag("vip").tag("fair").company("=HYPERLINK(\"http://evil\",\"click\")")
                .custom("vip_level", 3).build());
        crm.customers().create(CustomerDraft.builder().name("@SUM(A1)").phone("0912000003").remark("-2+3")
                .build());
        crm.customers().create(CustomerDraft.builder().name("Other city").email("o@x.vn").build());
    }

    private static List<List<String>> csvRows(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.substring(1).split("\r\n")) {
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    @DbTest
    void exportsTheCustomersOfAFilterWithTheChosenColumnsToCsv(TestDb db) {
        Crm crm = db.crm();
        customers(crm);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = crm.exports().run(ExportRequest.builder(FileFormat.CSV).filter(Filter.isNotEmpty("phones"))
                .columns(List.of("name", "phones", "tags", "vip_level", "remark")).build(), out);

        assertThat(rows).isEqualTo(2);
        List<List<String>> lines = csvRows(out.toByteArray());
        assertThat(lines.get(0)).containsExactly("name", "phones", "tags", "vip_level", "remark");
        assertThat(lines.get(1)).containsExactly("An", "\"'+84912000001; +84912000002\"", "\"fair; vip\"", "3",
                "");
        assertThat(lines.get(2)).containsExactly("'@SUM(A1)", "'+84912000003", "", "", "'-2+3");
        assertThat(lines).hasSize(3);
    }

    @DbTest
    void aKitWithLowerLimitsRefusesLargerImportsAndExportsWritingNothing(TestDb db) throws IOException {
        String prefix = TestDb.uniquePrefix();
        Path file = dir.resolve("three.csv");
        Files.writeString(file, "name,phones\nAn,+84912000001\nBinh,+84912000002\nChau,+84912000003\n");
        try (CrmKit kit = db.newKit(prefix, builder -> builder.importMaxRows(2).exportMaxRows(2))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "limits", Permission.ALL));

            LimitExceededException tooManyRows = catchThrowableOfType(LimitExceededException.class,
                    () -> crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build()));
            assertThat(tooManyRows.getMessage()).contains("more than 2 data rows");
            assertThat(crm.filters().count(Filter.isNotEmpty("phones"))).isZero();

            for (String name : List.of("An", "Binh An", "Chau")) {
                crm.customers().create(CustomerDraft.builder().name(name).build());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LimitExceededException tooManyCustomers = catchThrowableOfType(LimitExceededException.class,
                    () -> crm.exports().run(ExportRequest.builder(FileFormat.CSV).build(), out));
            assertThat(tooManyCustomers.getMessage()).contains("export would write 3 customers, at most 2");
            assertThat(out.size()).isZero();
            TransferJob refused = crm.exports().jobs().latest().get(0);
            assertThat(refused.state()).isEqualTo(TransferJob.State.FAILED);
            assertThat(refused.error()).hasValueSatisfying(error -> assertThat(error).contains("at most 2"));
            assertThatThrownBy(() -> crm.exports().submit(ExportRequest.builder(FileFormat.CSV).build(),
                    dir.resolve("refused.csv"))).isInstanceOf(LimitExceededException.class);
            assertThat(dir.resolve("refused.csv")).doesNotExist();
            assertThat(crm.exports().run(ExportRequest.builder(FileFormat.CSV).keyword("a").build(), out))
                    .isEqualTo(2);
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void transferListenersAreToldOfTheEndOfSubmittedJobsOnly(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        Path file = dir.resolve("told.csv");
        Files.writeString(file, "name,emails\nAn,an@told.vn\nBinh,not an email\nChau,chau@told.vn\n");
        List<TransferJob> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch two = new java.util.concurrent.CountDownLatch(2);
        try (CrmKit kit = db.newKit(prefix, builder -> builder
                .addTransferListener(job -> {
                    throw new IllegalStateException("a broken listener");
                })
                .addTransferListener(job -> {
                    ended.add(job);
                    two.countDown();
                }))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "told", Permission.ALL));

            long imported = crm.imports().submit(ImportRequest.builder(ImportFile.of(file)).build());
            crm.imports().jobs().await(imported, Duration.ofSeconds(30));
            long exported = crm.exports().submit(ExportRequest.builder(FileFormat.CSV).build(), dir.resolve("out.csv"));
            assertThat(two.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build());

            // the import's listener may be told after the export began: await sees the job's row DONE first
            assertThat(ended).extracting(TransferJob::id).containsExactlyInAnyOrder(imported, exported);
            TransferJob importJob = ended.stream().filter(job -> job.id() == imported).findFirst().orElseThrow();
            TransferJob exportJob = ended.stream().filter(job -> job.id() == exported).findFirst().orElseThrow();
            assertThat(importJob.kind()).isEqualTo(TransferJob.Kind.IMPORT);
            assertThat(importJob.state()).isEqualTo(TransferJob.State.DONE);
            assertThat(importJob.imported().orElseThrow().created()).isEqualTo(2);
            assertThat(importJob.imported().orElseThrow().failed()).isEqualTo(1);
            assertThat(exportJob.kind()).isEqualTo(TransferJob.Kind.EXPORT);
            assertThat(exportJob.state()).isEqualTo(TransferJob.State.DONE);
            assertThat(exportJob.done()).isEqualTo(2);
            assertThat(Files.readString(dir.resolve("out.csv"))).contains("an@told.vn", "chau@told.vn");
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void anXlsxExportNeverHoldsAFormula(TestDb db) throws IOException {
        Crm crm = db.crm();
        customers(crm);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        crm.exports().run(ExportRequest.builder(FileFormat.XLSX).build(), out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(4);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).startsWith("id", "name").contains("company", "vip_level");
            for (Row row : sheet) {
                row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
            }
            int company = header.indexOf("company");
            assertThat(sheet.getRow(1).getCell(company).getStringCellValue()).startsWith("'=HYPERLINK(");
        }
    }

    @DbTest
    void aViewsColumnsCanBeExportedAndBadColumnsAreRefused(TestDb db) {
        Crm crm = db.crm();
        customers(crm);
        crm.filters().views().save("contacts", List.of("name", "emails"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        crm.exports().run(ExportRequest.builder(FileFormat.CSV).view("contacts").keyword("other").build(), out);

        assertThat(csvRows(out.toByteArray())).containsExactly(List.of("name", "emails"), List.of("Other city",
                "o@x.vn"));
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.exports().run(
                ExportRequest.builder(FileFormat.CSV).columns(List.of("name", "password", "name")).build(),
                new ByteArrayOutputStream()));
        assertThat(e.errors()).extracting(error -> error.field() + "/" + error.code())
                .containsExactly("columns[1]/unknown", "columns[2]/duplicate");
        assertThatThrownBy(() -> crm.exports().run(ExportRequest.builder(FileFormat.CSV).view("nope").build(),
                new ByteArrayOutputStream())).isInstanceOf(ValidationException.class).hasMessageContaining("nope");
    }

    @DbTest
    void aSubmittedExportWritesItsFileWholeAndRecordsTheJob(TestDb db) throws InterruptedException {
        Crm crm = db.crm();
        customers(crm);
        Path file = dir.resolve("customers.xlsx");

        long job = crm.exports().submit(ExportRequest.builder(FileFormat.XLSX).columns(List.of("name")).build(), file);

        TransferJob done = crm.exports().jobs().await(job, Duration.ofSeconds(30));
        assertThat(done.state()).isEqualTo(TransferJob.State.DONE);
        assertThat(done.kind()).isEqualTo(TransferJob.Kind.EXPORT);
        assertThat(done.done()).isEqualTo(3);
        assertThat(file).exists();
        assertThat(dir.resolve("customers.xlsx.part")).doesNotExist();
    }

    /** A stream export counts while it writes its first pages: its job records the total. */
    @DbTest
    void aStreamExportRecordsTheTotalItCountedWhileWriting(TestDb db) {
        Crm crm = db.crm();
        customers(crm);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = crm.exports().run(ExportRequest.builder(FileFormat.CSV).columns(List.of("name")).build(), out);

        assertThat(rows).isEqualTo(3);
        assertThat(csvRows(out.toByteArray())).hasSize(4);
        assertThat(crm.exports().jobs().latest()).singleElement().satisfies(job -> {
            assertThat(job.fileName()).isEqualTo("(stream)");
            assertThat(job.state()).isEqualTo(TransferJob.State.DONE);
            assertThat(job.total()).isEqualTo(3);
            assertThat(job.done()).isEqualTo(3);
        });
    }

    /**
     * A stream export counts while it writes: held at its count, it has written its pages (over 1 MiB, so the held
     * bytes are in a temporary file, and past the CSV writer's own buffer) but the stream has received nothing; the
     * count then lets them through, or refuses the export over the limit with the stream still empty. No temporary
     * file is left either way.
     */
    @DbTest
    void aStreamExportSendsNothingBeforeItsCountAllowsIt(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        Path names = dir.resolve("names.csv");
        List<Path> heldBefore = heldFiles();
        try {
            Files.writeString(names, wideRows("Held", 1200));
            ByteArrayOutputStream allowed = new ByteArrayOutputStream();
            List<long[]> told = new java.util.concurrent.CopyOnWriteArrayList<>();

            String[] outcomes = exportHeldAtItsCount(db, prefix, names, allowed, told, 1200);

            assertThat(outcomes).containsExactly("1200", "held 1200 rows, sent 0 bytes");
            List<List<String>> rows = csvRows(allowed.toByteArray());
            assertThat(rows).hasSize(1201);
            assertThat(rows.get(1200).get(0)).endsWith("Held 1199");
            assertThat(allowed.size()).isGreaterThan(HELD_IN_MEMORY);
            assertThat(told).first().as("the rows written while the count runs")
                    .satisfies(first -> assertThat(first).containsExactly(1000, 1000));
            assertThat(told).last().satisfies(last -> assertThat(last).containsExactly(1200, 1200));

            Files.writeString(names, wideRows("More", 600));
            ByteArrayOutputStream refused = new ByteArrayOutputStream();

            outcomes = exportHeldAtItsCount(db, prefix, names, refused, new java.util.concurrent.CopyOnWriteArrayList<>(),
                    1500);

            assertThat(outcomes).containsExactly("export would write 1800 customers, at most 1500 per export; narrow"
                    + " the filter", "held 1500 rows, sent 0 bytes");
            assertThat(refused.size()).isZero();
            assertThat(heldFiles()).as("no held file is left").isSubsetOf(heldBefore);
        } finally {
            db.dropTables(prefix);
        }
    }

    /** More than a held export keeps in memory ({@code HeldOutput.IN_MEMORY}). */
    private static final int HELD_IN_MEMORY = 1 << 20;

    /** @return a CSV of customers with four columns of 80 characters of 3 bytes each: 960 bytes a row exported */
    private static String wideRows(String name, int count) {
        String wide = "漢".repeat(80);
        StringBuilder csv = new StringBuilder("name,nickname,company,remark\n");
        for (int i = 0; i < count; i++) {
            String own = name + " " + i;
            csv.append(wide, 0, 80 - own.length()).append(own).append(',').append(wide).append(',').append(wide)
                    .append(',').append(wide).append('\n');
        }
        return csv.toString();
    }

    /** @return the held exports' temporary files in the JVM's temporary folder */
    private static List<Path> heldFiles() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().matches("crmkit-export-.*\\.held")).toList();
        }
    }

    /**
     * Imports the names, then exports them and every customer before them to CSV in a kit of at most 1,500 rows per
     * export whose count statement is held until the export has written {@code written} rows.
     *
     * @return the export's rows or error, then what the stream had received when the export was held
     */
    private static String[] exportHeldAtItsCount(TestDb db, String prefix, Path names, ByteArrayOutputStream out,
                                                 List<long[]> told, long written) throws Exception {
        StatementPause pause = new StatementPause(sql -> sql.startsWith("SELECT COUNT(*) FROM " + prefix
                + "customer"));
        try (CrmKit kit = db.newKit(prefix, builder -> builder.dataSource(pause.wrap(db.ownKitDataSource()))
                .exportMaxRows(1500))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "held", Permission.ALL));
            crm.imports().run(ImportRequest.builder(ImportFile.of(names)).build());
            return pause.whileHeld(() -> {
                try {
                    return String.valueOf(crm.exports().run(ExportRequest.builder(FileFormat.CSV)
                            .columns(List.of("name", "nickname", "company", "remark")).build(), out,
                            (done, total) -> told.add(new long[] {done, total})));
                } catch (LimitExceededException e) {
                    return e.getMessage();
                }
            }, () -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(50).toNanos();
                while ((told.isEmpty() || told.get(told.size() - 1)[0] < written) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                return "held " + (told.isEmpty() ? 0 : told.get(told.size() - 1)[0]) + " rows, sent " + out.size()
                        + " bytes";
            }, Duration.ofSeconds(55));
        }
    }

    @DbTest
    void anExportedFileImportsBackUnchanged(TestDb db) throws IOException {
        Crm crm = db.crm();
        customers(crm);
        for (FileFormat format : List.of(FileFormat.XLSX, FileFormat.CSV)) {
            Path file = dir.resolve("round." + format.extension());
            try (var out = Files.newOutputStream(file)) {
                crm.exports().run(ExportRequest.builder(format).columns(List.of("id", "name", "phones", "emails",
                        "company", "remark", "tags", "vip_level")).build(), out);
            }

            ImportResult again = crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build());

            assertThat(again.failures()).as(format.name()).isEmpty();
            assertThat(again.unchanged()).as(format.name()).isEqualTo(3);
        }
    }

    /**
     * Every importable built-in field and a custom field of every type, set to a value other than the default, goes
     * out in a file of all columns and comes back the same into an empty tenant. Not compared: what the tenant
     * assigns (id, times, who created and updated, version) and the {@code verified} flags: a file cannot prove
     * that a customer owns a phone, so an import marks identities as a create does (an external id verified, the
     * others not). {@code status} is not imported either: it follows from the owner as on create (ASSIGNED with an
     * owner, NEW without), which is what these customers have. An empty source becomes the import's source, so every
     * customer here has one.
     */
    @DbTest
    void aFullExportImportsIntoAnEmptyTenantAsTheSameCustomers(TestDb db) throws IOException {
        Crm crm = db.crm();
        everyFieldType(crm);
        crm.customers().create(CustomerDraft.builder().name("Nguy\u1EC5n V\u0103n An").nickname("=An")
                .gender(Gender.FEMALE).birthday(LocalDate.of(1990, 5, 31)).company("Acme, \"Ltd\"; Co")
                .address(Address.of("Vietnam", "Hanoi", "Hanoi", "Ba Dinh", "12 Tran Phu, \"B\""))
                .remark("met at the fair; said \"call me\",\n=twice\r\nthen +84 912")
                .avatarUrl("https://cdn.example.com/a,b;c=d.png?x=1&y=%22q%22").source("fair 2026").ownerId("agent-7")
                .stage("prospect").phone("0912000001").phone("+84 912 000 002").phone("0912000003")
                .email("An@Example.com").email("an.work@example.com").channel("whatsapp", "+84912000001")
                .channel("web", "https://x.vn/u?id=1&b=:2").externalId("ERP-1").wechatOpenId("oWx-1")
                .tags(List.of("vip", "o'brien", "say \"hi\"", "=formula", "+plus", "-minus", "@at", "a b",
                        "kh\u00E1ch quen"))
                .custom("note", "line, \"quoted\"").custom("visits", 42).custom("balance", new BigDecimal("-12.5"))
                .custom("newsletter", true).custom("first_order", LocalDate.of(2025, 12, 24))
                .custom("last_call", Instant.parse("2026-01-02T03:04:05Z")).custom("tier", "gold")
                .custom("interests", List.of("tea", "golf")).custom("work_email", "an@acme.vn")
                .custom("work_phone", "0912888001").custom("site", "https://acme.vn/a?b=c").build());
        crm.customers().create(CustomerDraft.builder().name("@SUM(A1)").gender(Gender.MALE).phone("0912000009")
                .remark("-2+3").source("ads").custom("newsletter", false).custom("visits", 0).build());
        crm.customers().create(CustomerDraft.builder().email("only@example.com").source("web").build());
        List<Customer> before = sorted(crm);

        for (FileFormat format : List.of(FileFormat.CSV, FileFormat.XLSX)) {
            Path file = dir.resolve("all." + format.extension());
            try (var out = Files.newOutputStream(file)) {
                crm.exports().run(ExportRequest.builder(format).build(), out);
            }
            Crm empty = db.kit().as(Actor.of(db.tenant() + "-" + format.extension(), "agent-1", Permission.ALL));
            everyFieldType(empty);

            assertThat(empty.imports().preview(ImportFile.of(file)).unmapped()).as(format.name())
                    .containsExactly("status", "verified", "createdAt", "createdBy", "updatedAt", "updatedBy");
            ImportResult result = empty.imports().run(ImportRequest.builder(ImportFile.of(file)).build());

            assertThat(result.failures()).as(format.name()).isEmpty();
            assertThat(result.created()).as(format.name()).isEqualTo(3);
            List<Customer> after = sorted(empty);
            for (int i = 0; i < before.size(); i++) {
                assertThat(comparable(after.get(i))).as(format.name()).isEqualTo(comparable(before.get(i)));
            }
        }
    }

    private static void everyFieldType(Crm crm) {
        crm.fields().define(FieldDraft.builder("note", FieldType.TEXT).label("Note").build());
        crm.fields().define(FieldDraft.builder("visits", FieldType.NUMBER).label("Visits").build());
        crm.fields().define(FieldDraft.builder("balance", FieldType.DECIMAL).label("Balance").build());
        crm.fields().define(FieldDraft.builder("newsletter", FieldType.BOOLEAN).label("Newsletter").build());
        crm.fields().define(FieldDraft.builder("first_order", FieldType.DATE).label("First order").build());
        crm.fields().define(FieldDraft.builder("last_call", FieldType.DATETIME).label("Last call").build());
        crm.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE).label("Tier")
                .options(List.of("silver", "gold")).build());
        crm.fields().define(FieldDraft.builder("interests", FieldType.MULTIPLE_CHOICE).label("Interests")
                .options(List.of("tea", "golf", "wine")).build());
        crm.fields().define(FieldDraft.builder("work_email", FieldType.EMAIL).label("Work email").build());
        crm.fields().define(FieldDraft.builder("work_phone", FieldType.PHONE).label("Work phone").build());
        crm.fields().define(FieldDraft.builder("site", FieldType.URL).label("Site").build());
    }

    /** @return the tenant's customers in the order they were created */
    private static List<Customer> sorted(Crm crm) {
        List<Customer> all = new ArrayList<>(crm.filters().search(Query.where(Filter.isNotEmpty("createdAt")))
                .items());
        all.sort(Comparator.comparing(Customer::id));
        return all;
    }

    /** @return the customer without what its tenant assigns and without the verified flags */
    private static Customer comparable(Customer customer) {
        return customer.toBuilder().id(1).createdAt(Instant.EPOCH).createdBy("").updatedAt(Instant.EPOCH)
                .updatedBy("").version(1).identities(customer.identities().stream()
                        .map(identity -> new Identity(identity.type(), identity.channel(), identity.value(), false))
                        .toList()).build();
    }

    /** An export of everyone reads by id ranges, a filtered one by ids: both give the same file, page after page. */
    @DbTest
    void anExportOfEveryoneSpansPagesAndMatchesTheFilteredExportOfTheSameCustomers(TestDb db) throws IOException {
        Crm crm = db.crm();
        Path file = dir.resolve("many.csv");
        StringBuilder csv = new StringBuilder("name,phone,email,tags\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("Customer ").append(i).append(",0913").append(String.format("%06d", i)).append(",c").append(i)
                    .append("@x.vn,").append(i % 2 == 0 ? "even" : "odd; z").append('\n');
            if (i == 1200) {
                Files.writeString(file, csv);
                crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build());
                csv.setLength(0);
                csv.append("name,phone,email,tags\n");
                db.otherTenant().customers().create(CustomerDraft.builder().name("Elsewhere").phone("0913999999")
                        .tag("foreign").build());
            }
        }
        Files.writeString(file, csv);
        crm.imports().run(ImportRequest.builder(ImportFile.of(file)).build());
        List<String> columns = List.of("id", "name", "phones", "emails", "tags");
        ByteArrayOutputStream everyone = new ByteArrayOutputStream();
        ByteArrayOutputStream filtered = new ByteArrayOutputStream();

        long all = crm.exports().run(ExportRequest.builder(FileFormat.CSV).columns(columns).build(), everyone);
        crm.exports().run(ExportRequest.builder(FileFormat.CSV).columns(columns).filter(Filter.isNotEmpty("name"))
                .build(), filtered);

        assertThat(all).isEqualTo(2500);
        assertThat(everyone.toString(StandardCharsets.UTF_8)).isEqualTo(filtered.toString(StandardCharsets.UTF_8));
        List<List<String>> rows = csvRows(everyone.toByteArray());
        assertThat(rows).hasSize(2501);
        List<Long> ids = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            int i = Integer.parseInt(row.get(1).substring("Customer ".length()));
            ids.add(Long.parseLong(row.get(0)));
            assertThat(row.subList(2, 5)).containsExactly(String.format("'+84913%06d", i), "c" + i + "@x.vn",
                    i % 2 == 0 ? "even" : "\"odd; z\"");
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @DbTest
    void needsTheExportPermissionAndStaysInTheTenant(TestDb db) {
        customers(db.crm());
        assertThatThrownBy(() -> db.crm(Permission.READ).exports().run(ExportRequest.builder(FileFormat.CSV).build(),
                new ByteArrayOutputStream())).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("EXPORT");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(db.otherTenant().exports().run(ExportRequest.builder(FileFormat.CSV).build(), out)).isZero();
    }

    /**
     * Runs on H2 only: the limit is the same on every database, and 1,000,001 rows are written in seconds there by
     * one INSERT ... SELECT. The stream export counts while it writes its first pages, which the stream never
     * receives.
     */
    @DbTest
    void refusesMoreThanAMillionCustomersBeforeWritingAnything(TestDb db) {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.dialect().equals("h2"), "H2 writes the 1,000,001 rows fast");
        Crm crm = db.crm();
        db.execute("INSERT INTO crm_customer (tenant_id, id, name, gender, status, stage, created_at, created_by,"
                + " updated_at, updated_by, version, nickname, company, country, province, city, area, address_detail,"
                + " remark, source) SELECT '" + db.tenant() + "', x, 'x', 'UNKNOWN', 'NEW', 'lead', CURRENT_TIMESTAMP,"
                + " 'test', CURRENT_TIMESTAMP, 'test', 1, '', '', '', '', '', '', '', '', '' FROM SYSTEM_RANGE(1, 1000001)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThatThrownBy(() -> crm.exports().run(ExportRequest.builder(FileFormat.CSV).build(), out))
                    .isInstanceOf(io.crmkit.api.error.LimitExceededException.class)
                    .hasMessageContaining("1000001 customers, at most 1000000");
            assertThat(out.size()).isZero();
            assertThat(crm.exports().jobs().latest()).singleElement().satisfies(job -> {
                assertThat(job.state()).isEqualTo(TransferJob.State.FAILED);
                assertThat(job.error()).hasValueSatisfying(error -> assertThat(error).contains("at most 1000000"));
            });
        } finally {
            db.execute("DELETE FROM crm_customer WHERE tenant_id = '" + db.tenant() + "'");
        }
    }
}

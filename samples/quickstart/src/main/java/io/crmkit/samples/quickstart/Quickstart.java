package io.crmkit.samples.quickstart;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.Event;
import io.crmkit.api.activity.TimelineQuery;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Query;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportPreview;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import io.crmkit.api.merge.MatchReason;
import io.crmkit.api.merge.MatchRules;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergeResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

/**
 * CRMKit in one program, on an embedded H2 file database: defines a custom field, creates customers (or finds
 * them again on a second run), moves one through the assignment flow, shows the errors a user gets for bad
 * input and for a phone that another customer already has, imports a bundled .xlsx of a fair's visitors (with
 * two bad rows), runs an advanced filter, finds the duplicate the import brought and merges it, prints the
 * merged customer's timeline (recorded by the SDK with every change), and exports the filter's customers to an
 * .xlsx file. Running it again finds everything in place.
 *
 * <p>Run from the repository root: {@code mvn -q -pl samples/quickstart -am compile exec:java}. The database
 * lives in {@code ./data/quickstart} (pass another directory as the first argument).
 */
public final class Quickstart {

    private final PrintStream out;

    Quickstart(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : "data").toAbsolutePath();
        new Quickstart(System.out).run(directory);
    }

    void run(Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("quickstart") + ";AUTO_SERVER=FALSE";
        try (CrmKit kit = CrmKit.builder().jdbcUrl(url, "sa", "").defaultPhoneRegion("VN").build()) {
            out.println("CRMKit on " + kit.databaseType() + " at " + directory);
            Crm crm = kit.as(Actor.of("demo-shop", "agent-7", Permission.ALL));

            if (crm.fields().find("loyalty_points").isEmpty()) {
                crm.fields().define(FieldDraft.builder("loyalty_points", FieldType.NUMBER).label("Loyalty points")
                        .min(0).max(1_000_000).build());
                out.println("Defined custom field loyalty_points (NUMBER, 0..1000000)");
            }

            Customer lan = findOrCreate(crm, CustomerDraft.builder()
                    .name("Nguyễn Thị Lan").gender(Gender.FEMALE).birthday(LocalDate.of(1990, 5, 31))
                    .phone("0912 345 678").email("Lan.Nguyen@Example.com").company("Lotus Trading")
                    .address(Address.of("Vietnam", "Ha Noi", "Hanoi", "Hoan Kiem", "12 Hang Bac"))
                    .externalId("shop-1001").tag("vip").custom("loyalty_points", 1200).build());
            Customer minh = findOrCreate(crm, CustomerDraft.builder()
                    .name("Trần Văn Minh").phone("+84 98 765 4321").externalId("shop-1002").tag("new").build());
            findOrCreate(crm, CustomerDraft.builder().email("guest@example.com").externalId("shop-1003").build());

            if (minh.status() == CustomerStatus.NEW) {
                crm.customers().identifyAsValid(minh.id());
                minh = crm.customers().assign(minh.id(), "agent-7");
                out.println("Identified Minh as valid and assigned him to agent-7");
            }
            Customer current = crm.customers().get(lan.id());
            lan = crm.customers().update(lan.id(), CustomerPatch.builder(current.version())
                    .custom("loyalty_points", ((Long) current.custom().get("loyalty_points")) + 10).build());
            out.println("Gave Lan 10 loyalty points, she now has " + lan.custom().get("loyalty_points"));

            out.println("Found by phone in another notation: "
                    + crm.customers().findByPhone("+84-912-345-678").map(Customer::name).orElse("nobody"));

            try {
                crm.customers().create(CustomerDraft.builder().name("x".repeat(81)).phone("12345")
                        .phones(List.of("+84911111111", "+84911111112", "+84911111113")).build());
            } catch (ValidationException e) {
                out.println("Refused bad input: " + e.getMessage());
            }
            try {
                crm.customers().create(CustomerDraft.builder().name("Copy of Lan").phone("0912345678").build());
            } catch (ConflictException e) {
                out.println("Refused a duplicate: " + e.getMessage());
            }

            for (String externalId : List.of("shop-1001", "shop-1002", "shop-1003")) {
                crm.customers().findByExternalId(externalId).ifPresent(this::print);
            }

            importVisitors(crm, directory);
            Filter hanoiOrVip = Filter.all(Filter.hasTag("fair-2026"),
                    Filter.any(Filter.eq("city", "Hanoi"), Filter.hasTag("vip")));
            out.println("Fair visitors in Hanoi or VIP: " + crm.filters().search(Query.where(hanoiOrVip)).items()
                    .stream().map(Customer::name).toList());
            mergeDuplicates(crm);
            export(crm, hanoiOrVip, directory.resolve("fair-hanoi-or-vip.xlsx"));
        }
    }

    /** Imports the bundled list of a fair's visitors once; two of its rows are invalid on purpose. */
    private void importVisitors(Crm crm, Path directory) {
        if (crm.filters().count(Filter.eq("source", "fair 2026")) > 0) {
            out.println("The fair's visitors are already imported");
            return;
        }
        Path file = directory.resolve("fair-2026.xlsx");
        try (InputStream in = Quickstart.class.getResourceAsStream("/quickstart/fair-2026.xlsx")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the sample file to " + file, e);
        }
        ImportFile visitors = ImportFile.of(file);
        ImportPreview preview = crm.imports().preview(visitors);
        out.println("Import mapping suggested for " + file.getFileName() + ": " + preview.suggested());
        ImportResult result = crm.imports().run(ImportRequest.builder(visitors).mapping(preview.suggested())
                .source("fair 2026").build());
        out.printf("Imported %d rows: %d created, %d updated, %d failed%n", result.rows(), result.created(),
                result.updated(), result.failed());
        result.failures().forEach(failure -> out.println("  row " + failure.row() + ": " + failure.reasons()));
    }

    /** Finds the duplicates the import brought and merges each into the customer created first. */
    private void mergeDuplicates(Crm crm) {
        List<DuplicateCluster> clusters = crm.merges().findDuplicates(MatchRules.defaults(), 10);
        if (clusters.isEmpty()) {
            out.println("No duplicates left");
        }
        for (DuplicateCluster cluster : clusters) {
            DuplicateCandidate pair = cluster.pairs().get(0);
            out.println("Duplicate candidates " + cluster.customerIds() + ", score " + cluster.score() + ": "
                    + pair.reasons().stream().map(MatchReason::detail).toList());
            long survivor = cluster.customerIds().get(0);
            List<Long> others = cluster.customerIds().subList(1, cluster.customerIds().size());
            MergeResult merged = crm.merges().merge(survivor, others, MergeOptions.defaults());
            out.println("Merged " + others + " into " + merged.survivor().name() + ": phones "
                    + merged.survivor().phones() + ", emails " + merged.survivor().emails()
                    + " (undoable until " + merged.undoableUntil() + ")");
            printTimeline(crm, survivor);
        }
    }

    /** Prints the customer's timeline, oldest first: what the SDK recorded of the changes above, by itself. */
    private void printTimeline(Crm crm, long customerId) {
        List<Event> newest = crm.activities().timeline().read(customerId, TimelineQuery.newest()).items();
        out.println("Timeline of customer " + customerId + ", oldest first:");
        for (int i = newest.size() - 1; i >= 0; i--) {
            Event event = newest.get(i);
            out.println("  " + event.occurredAt() + "  " + event.type() + " " + event.properties() + " by "
                    + event.recordedBy());
        }
    }

    private void export(Crm crm, Filter filter, Path file) {
        try (OutputStream stream = Files.newOutputStream(file)) {
            long rows = crm.exports().run(ExportRequest.builder(FileFormat.XLSX).filter(filter)
                    .columns(List.of("name", "phones", "emails", "company", "city", "tags")).build(), stream);
            out.println("Exported " + rows + " customers to " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private Customer findOrCreate(Crm crm, CustomerDraft draft) {
        return crm.customers().findByExternalId(draft.externalId()).orElseGet(() -> {
            Customer created = crm.customers().create(draft);
            out.println("Created customer " + created.id());
            return created;
        });
    }

    private void print(Customer customer) {
        out.printf("%d  %-16s %-14s %-24s %-15s %-6s tags=%s custom=%s verified=%s%n", customer.id(),
                customer.name().isEmpty() ? "(no name)" : customer.name(), String.join(",", customer.phones()),
                String.join(",", customer.emails()), customer.status(), customer.stage(), customer.tags(),
                customer.custom(), customer.verified());
    }
}

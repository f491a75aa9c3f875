package io.crmkit.testing;

import io.crmkit.api.Crm;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.CrmException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.merge.MergeOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What each of two kits does at once to one tenant, in a test of several instances on one database: creates
 * customers whose phones the other kit creates too (in the opposite order), tags the same customers, imports files
 * that share half their rows, merges the same pairs, and tags every created customer in bulk, each kit with a tag
 * of its own. Every step's outcome is a line ("created 3", "conflict 3", "imported 500 0 0 0", "merged 1",
 * "refused 1 NotFoundException", "bulk 100 100 0"); a refusal is a {@link CrmException}, anything else fails the
 * work.
 */
public final class SharedTenantWork {

    /** Customers each kit tries to create, with the same phones on both kits, in opposite orders. */
    public static final int CREATES = 100;
    /** Tags each kit adds to each shared customer, named after the kit. */
    public static final int TAGS = 5;
    /** Rows of the file each kit imports; the child's starts half-way through the parent's. */
    public static final int IMPORT_ROWS = 1_000;

    private SharedTenantWork() {
    }

    /** @return the phone of created customer {@code i}, E.164 */
    public static String createdPhone(int i) {
        return String.format("+8491%07d", i);
    }

    /** @return the phone of imported row {@code i}, E.164 */
    public static String importedPhone(int i) {
        return String.format("+8492%07d", i);
    }

    /**
     * Writes a file for a kit to import: name and phone of {@value #IMPORT_ROWS} customers from number
     * {@code first}. The two kits' files share half their rows, so that their imports match and create the same
     * customers at once.
     */
    public static Path writeImport(Path file, int first) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("name,phones\r\n");
            for (int i = first; i < first + IMPORT_ROWS; i++) {
                out.write("Imported " + i + "," + importedPhone(i) + "\r\n");
            }
        }
        return file;
    }

    /**
     * Runs the whole work once on a tenant of the kit's own, so that its JVM has loaded and compiled what the work
     * runs: a cold JVM would otherwise still be starting when the warm one is done, and the two would not overlap.
     */
    public static void warmUp(Crm crm, Path importFile) {
        List<Long> tagged = List.of(crm.customers().create(CustomerDraft.builder().name("Warm").build()).id());
        List<long[]> pairs = List.of(new long[] {
            crm.customers().create(CustomerDraft.builder().name("Warm pair").build()).id(),
            crm.customers().create(CustomerDraft.builder().name("Warm pair copy").build()).id()});
        run(crm, "warm", importFile, tagged, pairs, false, () -> { });
    }

    /**
     * Waits until the other kit reached the same step: writes {@code <directory>/<node>-<step>} and waits for the
     * other's file, so that both start the step within a few milliseconds of each other.
     *
     * @return the wait, for {@link #run}'s {@code beforeImport}
     */
    public static Runnable meet(Path directory, String node, String other, String step) {
        return () -> {
            try {
                Files.createFile(directory.resolve(node + "-" + step));
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (!Files.exists(directory.resolve(other + "-" + step))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(other + " never reached " + step);
                    }
                    Thread.sleep(1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * Runs the work as the kit named {@code node}.
     *
     * @param tagged       customers to tag, the same for both kits
     * @param pairs        survivor and merged id of each pair to merge, the same for both kits
     * @param descending   whether to create the customers from the last phone to the first: the two kits go
     *                     opposite ways and meet, so that both create some and find the others taken
     * @param beforeImport what to do before the import, such as {@link #meet} the other kit
     * @return one outcome line per step, the creates by phone number
     */
    public static List<String> run(Crm crm, String node, Path importFile, List<Long> tagged, List<long[]> pairs,
                                   boolean descending, Runnable beforeImport) {
        String[] creates = new String[CREATES];
        for (int i = 0; i < CREATES; i++) {
            int n = descending ? CREATES - 1 - i : i;
            creates[n] = attempt("created " + n, "conflict " + n, () -> crm.customers().create(CustomerDraft.builder()
                    .name("Created " + n + " by " + node).phone(createdPhone(n)).build()));
        }
        List<String> outcomes = new ArrayList<>(List.of(creates));
        for (int t = 0; t < TAGS; t++) {
            for (long id : tagged) {
                crm.customers().addTags(id, List.of(node + "-" + t));
            }
        }
        beforeImport.run();
        ImportResult imported = crm.imports().run(ImportRequest.builder(ImportFile.of(importFile)).build());
        outcomes.add("imported " + imported.created() + " " + imported.updated() + " " + imported.unchanged() + " "
                + imported.failed());
        for (int p = 0; p < pairs.size(); p++) {
            long[] pair = pairs.get(p);
            outcomes.add(attempt("merged " + p, "refused " + p, () -> crm.merges().merge(pair[0], pair[1],
                    MergeOptions.defaults())));
        }
        BulkResult bulk = crm.bulk().run(Selection.matching(Filter.where("name", Operator.STARTS_WITH, "Created ")),
                BulkOperation.addTags(List.of("bulk-" + node)));
        outcomes.add("bulk " + bulk.total() + " " + bulk.changed() + " " + bulk.failed());
        return outcomes;
    }

    private static String attempt(String done, String refused, Runnable step) {
        try {
            step.run();
            return done;
        } catch (CrmException e) {
            return refused + " " + e.getClass().getSimpleName();
        }
    }
}

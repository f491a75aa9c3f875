package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.Operator;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.Race;
import io.crmkit.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two threads starting the same new import, or the same new bulk operation, at the same moment: both look for an
 * unfinished job, find none, and store one. Exactly one runs; the other is told which job holds the work, and
 * nothing is done twice.
 */
class SameJobRaceTest {

    private static final int ROUNDS = 4;

    @TempDir
    Path dir;

    @DbTest
    void twoRunsOfOneNewImportAtOnceImportItOnce(TestDb db) throws Exception {
        Crm crm = db.crm();
        for (int round = 0; round < ROUNDS; round++) {
            // Rows without an identity: an import run twice would create each of them twice.
            ImportRequest request = ImportRequest.builder(ImportFile.of(NameFiles.names(dir,
                "round" + round, 1500))).build();
            Callable<String> run = () -> outcome(() -> crm.imports().run(request).jobId());

            List<String> outcomes = Race.run(run, run);

            assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("ran", "conflict");
            assertThat(crm.filters().count(Filter.where("name", Operator.STARTS_WITH, "round" + round + " ")))
                    .isEqualTo(1500);
        }
    }

    @DbTest
    void twoRunsOfOneNewTaskCreationAtOnceCreateEachTaskOnce(TestDb db) throws Exception {
        Crm crm = db.crm();
        IntStream.range(0, 300).forEach(i -> crm.customers().create(CustomerDraft.builder().name("c" + i).build()));
        for (int round = 0; round < ROUNDS; round++) {
            BulkOperation create = BulkOperation.createTask(TaskDraft.of("Call back " + round));
            Callable<String> run = () -> outcome(() -> crm.bulk().run(Selection.all(), create).total());

            List<String> outcomes = Race.run(run, run);

            assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("ran", "conflict");
            assertThat(db.column("SELECT COUNT(*) FROM crm_task WHERE tenant_id = ? AND title = ?", db.tenant(),
                    "Call back " + round)).containsExactly("300");
        }
    }


    private static String outcome(Callable<Long> work) {
        try {
            work.call();
            return "ran";
        } catch (ConflictException e) {
            return "conflict";
        } catch (Exception e) {
            return e.toString();
        }
    }
}

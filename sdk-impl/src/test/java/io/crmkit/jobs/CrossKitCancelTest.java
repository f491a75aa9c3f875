package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two kits on one database: a job running in one kit is cancelled through the other kit's {@code jobs()}. The cancel is
 * recorded on the job's row; the running kit reads it when its next chunk renews the job's lease, and stops the job
 * as CANCELLED after that chunk, keeping what it did.
 */
class CrossKitCancelTest {

    @TempDir
    Path dir;

    @DbTest
    void aBulkOperationCancelledFromAnotherKitStopsAfterItsNextChunk(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit running = db.newKit(prefix, builder -> { }); CrmKit other = db.newKit(prefix, builder -> { })) {
            Crm here = crm(running, db);
            Crm there = crm(other, db);
            here.imports().run(ImportRequest.builder(ImportFile.of(NameFiles.names(dir, "far", 2500))).build());
            AtomicReference<Boolean> cancelled = new AtomicReference<>();

            BulkResult result = here.bulk().run(Selection.all(), BulkOperation.addTags(List.of("far")),
                    (done, total) -> {
                        if (cancelled.get() == null) {
                            cancelled.set(there.jobs().cancel(latest(there, JobKind.BULK).id()));
                        }
                    });

            assertThat(cancelled.get()).as("the other kit records the cancel").isTrue();
            assertThat(List.of(result.changed(), result.total())).as("stopped after the chunk that read it")
                    .containsExactly(2000L, 2500L);
            assertThat(here.filters().count(Filter.hasTag("far"))).isEqualTo(2000);
            Job job = latest(there, JobKind.BULK);
            assertThat(job.state()).isEqualTo(JobState.CANCELLED);
            assertThat(job.done()).isEqualTo(2000);
            assertThat(job.error().orElseThrow()).contains("cancelled after 2000 of 2500 customers");

            BulkResult continued = here.bulk().run(Selection.all(), BulkOperation.addTags(List.of("far")));

            assertThat(latest(there, JobKind.BULK).state()).as("a new run is not cancelled by the old request")
                    .isEqualTo(JobState.DONE);
            assertThat(List.of(continued.changed(), continued.unchanged())).containsExactly(500L, 2000L);
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void anImportCancelledFromAnotherKitStopsAfterItsNextChunk(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit running = db.newKit(prefix, builder -> { }); CrmKit other = db.newKit(prefix, builder -> { })) {
            Crm here = crm(running, db);
            Crm there = crm(other, db);
            AtomicReference<Boolean> cancelled = new AtomicReference<>();

            ImportResult result = here.imports().run(ImportRequest.builder(ImportFile.of(NameFiles.names(dir, "far",
                    2 * ImportService.CHUNK_ROWS + 800))).build(), (done, total) -> {
                        if (cancelled.get() == null) {
                            cancelled.set(there.jobs().cancel(latest(there, JobKind.IMPORT).id()));
                        }
                    });

            assertThat(cancelled.get()).as("the other kit records the cancel").isTrue();
            Job job = there.jobs().find(result.jobId()).orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.CANCELLED);
            assertThat(job.done()).as("stopped after the chunk that read it").isEqualTo(2 * ImportService.CHUNK_ROWS);
            assertThat(here.filters().count(Filter.isNotEmpty("createdAt"))).isEqualTo(2 * ImportService.CHUNK_ROWS);
        } finally {
            db.dropTables(prefix);
        }
    }

    @DbTest
    void anEndedJobIsNotCancelledFromAnotherKit(TestDb db) {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit running = db.newKit(prefix, builder -> { }); CrmKit other = db.newKit(prefix, builder -> { })) {
            Crm here = crm(running, db);
            Crm there = crm(other, db);
            here.imports().run(ImportRequest.builder(ImportFile.of(NameFiles.names(dir, "done", 10))).build());
            here.bulk().run(Selection.all(), BulkOperation.addTags(List.of("done")));

            assertThat(there.jobs().cancel(latest(there, JobKind.BULK).id())).isFalse();
            assertThat(there.jobs().cancel(latest(there, JobKind.IMPORT).id())).isFalse();
            assertThat(latest(there, JobKind.BULK).state()).isEqualTo(JobState.DONE);
        } finally {
            db.dropTables(prefix);
        }
    }

    private static Crm crm(CrmKit kit, TestDb db) {
        return kit.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
    }

    private static Job latest(Crm crm, JobKind kind) {
        return crm.jobs().latest(kind, 1).get(0);
    }
}

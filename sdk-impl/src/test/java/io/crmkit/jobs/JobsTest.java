package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkResult;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.job.Job;
import io.crmkit.api.job.JobKind;
import io.crmkit.api.job.JobState;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;

/** crm.jobs(): one view of bulk, import and export jobs, with cancel and await for every kind. */
class JobsTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static long tagged(Crm crm, String tag) {
        return crm.filters().count(Filter.hasTag(tag));
    }

    private static Job latest(Crm crm, JobKind kind) {
        return crm.jobs().latest(kind, 1).get(0);
    }

    private ImportResult imported(Crm crm, String prefix, int rows) {
        return crm.imports().run(ImportRequest.builder(ImportFile.of(NameFiles.names(dir, prefix, rows))).build());
    }

    @DbTest
    void showsBulkImportAndExportJobsInOneListNewestFirstWithTheirResults(TestDb db) throws Exception {
        Crm crm = db.crm();
        ImportResult imported = imported(crm, "listed", 30);
        long bulk = crm.bulk().submit(Selection.all(), BulkOperation.addTags(List.of("listed")));
        assertThat(crm.jobs().await(bulk, LONG).state()).isEqualTo(JobState.DONE);
        long export = crm.exports().submit(ExportRequest.builder(FileFormat.CSV).build(), dir.resolve("out.csv"));
        Job exported = crm.jobs().await(export, LONG);

        List<Job> all = crm.jobs().latest(10);

        assertThat(all).extracting(Job::id).containsExactly(export, bulk, imported.jobId());
        assertThat(all).extracting(Job::kind).containsExactly(JobKind.EXPORT, JobKind.BULK, JobKind.IMPORT);
        assertThat(exported.state()).isEqualTo(JobState.DONE);
        assertThat(List.of(exported.done(), exported.total())).containsExactly(30L, 30L);
        assertThat(exported.name()).isEqualTo("out.csv");
        assertThat(Files.readAllLines(dir.resolve("out.csv"))).hasSize(31);
        Job bulkJob = all.get(1);
        assertThat(bulkJob.name()).isEqualTo("add_tags");
        assertThat(bulkJob.bulkResult().orElseThrow().changed()).isEqualTo(30);
        assertThat(bulkJob.progress()).isEqualTo(1.0);
        Job importJob = all.get(2);
        assertThat(importJob.importResult().orElseThrow().created()).isEqualTo(30);
        assertThat(importJob.name()).isEqualTo("listed.csv");
        assertThat(crm.jobs().latest(JobKind.BULK, 10)).extracting(Job::id).containsExactly(bulk);
        assertThat(crm.jobs().latest(JobKind.IMPORT, 10)).extracting(Job::id).containsExactly(imported.jobId());
        assertThat(crm.jobs().latest(JobKind.EXPORT, 10)).extracting(Job::id).containsExactly(export);
        assertThat(crm.jobs().latest(1)).extracting(Job::id).containsExactly(export);
        assertThat(crm.jobs().find(bulk)).contains(bulkJob);
        assertThat(crm.bulk().await(bulk, LONG).result()).isEqualTo(bulkJob.bulkResult());
    }

    @DbTest
    void cancellingABulkOperationStopsItAfterTheCurrentChunkAndKeepsWhatItDid(TestDb db) {
        Crm crm = db.crm();
        imported(crm, "cancel", 2500);
        BulkOperation tagging = BulkOperation.addTags(List.of("cancel-me"));
        AtomicReference<Boolean> cancelled = new AtomicReference<>();

        BulkResult result = crm.bulk().run(Selection.all(), tagging, (done, total) -> {
            if (cancelled.get() == null) {
                cancelled.set(crm.jobs().cancel(latest(crm, JobKind.BULK).id()));
            }
        });

        assertThat(cancelled.get()).isTrue();
        assertThat(List.of(result.changed(), result.total())).containsExactly(1000L, 2500L);
        assertThat(tagged(crm, "cancel-me")).isEqualTo(1000);
        Job job = latest(crm, JobKind.BULK);
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(job.done()).isEqualTo(1000);
        assertThat(job.bulkResult().orElseThrow().changed()).isEqualTo(1000);
        assertThat(job.error().orElseThrow()).contains("cancelled after 1000 of 2500 customers");
        assertThat(crm.jobs().cancel(job.id())).as("an ended job is not cancelled again").isFalse();

        BulkResult continued = crm.bulk().run(Selection.all(), tagging);

        assertThat(latest(crm, JobKind.BULK).id()).as("running it again continues the job").isEqualTo(job.id());
        assertThat(latest(crm, JobKind.BULK).state()).isEqualTo(JobState.DONE);
        assertThat(List.of(continued.changed(), continued.unchanged())).containsExactly(1500L, 1000L);
        assertThat(tagged(crm, "cancel-me")).isEqualTo(2500);
    }

    @DbTest
    void cancellingAnImportThroughJobsStopsItAfterTheCurrentChunk(TestDb db) {
        Crm crm = db.crm();
        AtomicReference<Boolean> cancelled = new AtomicReference<>();

        ImportResult result = crm.imports().run(ImportRequest.builder(ImportFile.of(NameFiles.names(dir, "stop",
                1200))).build(), (done, total) -> {
                    if (cancelled.get() == null) {
                        cancelled.set(crm.jobs().cancel(latest(crm, JobKind.IMPORT).id()));
                    }
                });

        assertThat(cancelled.get()).isTrue();
        Job job = crm.jobs().find(result.jobId()).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(job.done()).isEqualTo(result.rows()).isLessThan(1200);
        assertThat(crm.filters().count(Filter.isNotEmpty("createdAt"))).isEqualTo(result.created());
    }

    @DbTest
    void awaitReturnsTheRunningJobAtItsTimeoutAndAZeroTimeoutReadsItOnce(TestDb db) {
        Crm crm = db.crm();
        imported(crm, "await", 1500);
        List<JobState> seen = new ArrayList<>();

        crm.bulk().run(Selection.all(), BulkOperation.addTags(List.of("awaited")), (done, total) -> {
            if (seen.isEmpty()) {
                long id = latest(crm, JobKind.BULK).id();
                try {
                    seen.add(crm.jobs().await(id, Duration.ofMillis(20)).state());
                    seen.add(crm.jobs().await(id, Duration.ZERO).state());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        assertThat(seen).containsExactly(JobState.RUNNING, JobState.RUNNING);
        long id = latest(crm, JobKind.BULK).id();
        assertThatThrownBy(() -> crm.jobs().await(id, Duration.ofMillis(-1))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("timeout");
    }

    @DbTest
    void anotherTenantsJobIsNotFound(TestDb db) {
        Crm crm = db.crm();
        long id = imported(crm, "mine", 3).jobId();
        Crm other = db.otherTenant();

        assertThat(other.jobs().find(id)).isEmpty();
        assertThat(other.jobs().latest(100)).extracting(Job::id).doesNotContain(id);
        assertThatThrownBy(() -> other.jobs().cancel(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.jobs().await(id, Duration.ZERO)).isInstanceOf(NotFoundException.class);
    }

    @DbTest
    void readingNeedsReadAndCancellingNeedsThePermissionThatStartsTheJob(TestDb db) {
        Crm crm = db.crm();
        long importId = imported(crm, "perm", 3).jobId();
        long bulkId = crm.bulk().run(Selection.all(), BulkOperation.recycleToPool()).total() > 0
                ? latest(crm, JobKind.BULK).id() : 0;

        assertThatThrownBy(() -> db.crm(Permission.IMPORT).jobs().find(importId))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("READ");
        assertThatThrownBy(() -> db.crm(Permission.IMPORT).jobs().latest(5))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("READ");
        assertThat(db.crm(Permission.READ).jobs().find(bulkId)).isPresent();
        assertThatThrownBy(() -> db.crm(Permission.READ).jobs().cancel(bulkId))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("BULK_EDIT");
        assertThatThrownBy(() -> db.crm(Permission.READ, Permission.BULK_EDIT).jobs().cancel(importId))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("IMPORT");
        assertThat(db.crm(Permission.READ, Permission.BULK_EDIT).jobs().cancel(bulkId)).isFalse();
    }

    @DbTest
    void aKindOfJobANewerKitStoredIsNotShownNorCancelled(TestDb db) {
        Crm crm = db.crm();
        crm.customers().create(CustomerDraft.builder().name("one").build());
        crm.bulk().run(Selection.all(), BulkOperation.addTags(List.of("known")));
        long bulk = latest(crm, JobKind.BULK).id();
        db.execute("INSERT INTO crm_job (tenant_id, id, kind, actor_id, state, dry_run, total, done, created_at,"
                + " updated_at, cancel_requested) VALUES ('" + db.tenant() + "', 42, 'METRICS', 'newer', 'RUNNING',"
                + " FALSE, 10, 5, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, FALSE)");

        assertThat(crm.jobs().latest(100)).extracting(Job::id).containsExactly(bulk);
        assertThat(crm.jobs().find(42)).isEmpty();
        assertThatThrownBy(() -> crm.jobs().cancel(42)).isInstanceOf(NotFoundException.class);
        assertThat(crm.bulk().jobs()).extracting(BulkJob::id).containsExactly(bulk);
        assertThat(crm.imports().jobs().latest()).isEmpty();
        assertThat(db.column("SELECT state FROM crm_job WHERE tenant_id = ? AND id = 42", db.tenant()))
                .containsExactly("RUNNING");
    }

    @DbTest
    void aListOfMoreThanTheCapIsRefusedNamingTheLimit(TestDb db) {
        assertThatThrownBy(() -> db.crm().jobs().latest(101)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit").hasMessageContaining("100");
        assertThatThrownBy(() -> db.crm().jobs().latest(JobKind.EXPORT, 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit");
    }

    @DbTest
    void aFailedBulkJobIsStoredWithItsErrorAndLogged(TestDb db) {
        Crm crm = db.crm();
        imported(crm, "failing", 1200);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> crm.bulk().run(Selection.all(), BulkOperation.addTags(List.of("f")),
                    (done, total) -> {
                        throw new IllegalStateException("the listener broke at " + done);
                    })).hasMessageContaining("broke at 1000");
        } finally {
            System.setErr(err);
        }

        Job job = latest(crm, JobKind.BULK);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).contains("the listener broke at 1000");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Bulk job " + job.id())
                .contains("the listener broke at 1000");
    }
}

package io.crmkit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.io.TransferJob;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.Race;
import io.crmkit.testing.TestDb;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** Jobs hold a lease while queued or running: a dead one is seen at once, and only one run may take it over. */
class JobLeaseTest {

    /** Rows of the imports that die: a chunk committed and more to come. */
    private static final int ROWS = 2 * ImportService.CHUNK_ROWS + 200;

    @TempDir
    Path dir;


    private static long count(Crm crm) {
        return crm.filters().count(Filter.isNotEmpty("createdAt"));
    }

    /** Leaves the import stored as its dead process left it: running, under a lease nobody renews. */
    private static long importThatDied(TestDb db, Crm crm, ImportRequest request) {
        assertThatThrownBy(() -> crm.imports().run(request, (done, total) -> {
            throw new IllegalStateException("stop after " + done);
        })).hasMessageContaining("stop after " + ImportService.CHUNK_ROWS);
        long id = crm.imports().jobs().latest().get(0).id();
        // The process died: its lease ended, and its owner token is gone with it (a renewal its heartbeat had in
        // flight when the run failed would otherwise bring the lease back, as no dead process could).
        db.execute("UPDATE crm_job SET state = 'RUNNING', lease_until = NULL, lease_owner = 'dead' WHERE tenant_id = '"
                + db.tenant() + "' AND id = " + id);
        return id;
    }

    @DbTest
    void anImportWhoseProcessDiedIsInterruptedAndCanBeCancelledThenContinued(TestDb db) throws IOException {
        Crm crm = db.crm();
        ImportRequest request = ImportRequest.builder(ImportFile.of(NameFiles.names(dir,
                "dead", ROWS))).build();
        long id = importThatDied(db, crm, request);

        TransferJob dead = crm.imports().jobs().find(id).orElseThrow();

        assertThat(dead.state()).isEqualTo(TransferJob.State.INTERRUPTED);
        assertThat(crm.imports().jobs().cancel(id)).isTrue();
        assertThat(crm.imports().jobs().find(id).orElseThrow().state()).isEqualTo(TransferJob.State.CANCELLED);
        assertThat(crm.imports().jobs().cancel(id)).as("no longer running").isFalse();
        ImportResult continued = crm.imports().run(request);
        assertThat(continued.jobId()).isEqualTo(id);
        assertThat(List.of(continued.rows(), continued.created())).containsExactly((long) ROWS, (long) ROWS);
        assertThat(count(crm)).isEqualTo(ROWS);
    }

    @DbTest
    void twoKitsTakingOverTheSameDeadImportRunItOnce(TestDb db) throws Exception {
        Crm crm = db.crm();
        ImportRequest request = ImportRequest.builder(ImportFile.of(NameFiles.names(dir,
                "race", ROWS))).build();
        long id = importThatDied(db, crm, request);
        CountDownLatch refused = new CountDownLatch(1);
        try (CrmKit other = CrmKit.builder().dataSource(db.dataSource()).defaultPhoneRegion("VN").build()) {
            Crm elsewhere = other.as(Actor.of(db.tenant(), "agent-3", Permission.ALL));

            List<String> outcomes = Race.run(() -> takeOver(crm, request, refused),
                    () -> takeOver(elsewhere, request, refused));

            assertThat(outcomes).containsExactlyInAnyOrder("ran job " + id, "refused: the same import is running as job "
                    + id + "; wait for it or cancel it");
        }
        assertThat(count(crm)).isEqualTo(ROWS);
    }

    /** Runs the import; a run that got it waits (in its first progress report) until the other was refused. */
    private static String takeOver(Crm crm, ImportRequest request, CountDownLatch refused) throws InterruptedException {
        try {
            return "ran job " + crm.imports().run(request, (done, total) -> {
                try {
                    refused.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).jobId();
        } catch (ConflictException e) {
            refused.countDown();
            return "refused: " + e.getMessage();
        }
    }

    @DbTest
    void aRunThatLostItsLeaseStopsWithoutCommittingAnotherChunk(TestDb db) throws IOException {
        Crm crm = db.crm();
        ImportRequest request = ImportRequest.builder(ImportFile.of(NameFiles.names(dir,
                "stalled", ROWS))).build();
        List<Long> takenOver = new ArrayList<>();
        try (CrmKit other = CrmKit.builder().dataSource(db.dataSource()).defaultPhoneRegion("VN").build()) {
            Crm elsewhere = other.as(Actor.of(db.tenant(), "agent-3", Permission.ALL));

            assertThatThrownBy(() -> crm.imports().run(request, (done, total) -> {
                if (takenOver.isEmpty()) {
                    // The run stalls longer than its lease (a long pause, a lost network) and another kit takes over.
                    db.execute("UPDATE crm_job SET lease_until = NULL WHERE tenant_id = '" + db.tenant()
                            + "' AND kind = 'IMPORT'");
                    takenOver.add(elsewhere.imports().run(request).rows());
                }
            })).isInstanceOf(ConflictException.class).hasMessageContaining("was taken over or cancelled");
        }
        assertThat(takenOver).containsExactly((long) ROWS);
        assertThat(count(crm)).as("no row imported twice").isEqualTo(ROWS);
        assertThat(crm.imports().jobs().latest().get(0).state()).isEqualTo(TransferJob.State.DONE);
    }

    @DbTest
    void aRunningJobRenewsItsLeaseAndADeadOneIsSeenWithinSeconds(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> builder.jobLease(Duration.ofSeconds(1),
                Duration.ofMillis(200)))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
            List<TransferJob.State> seen = new ArrayList<>();

            crm.imports().run(ImportRequest.builder(ImportFile.of(NameFiles.names(dir,
                "slow", 2 * ImportService.CHUNK_ROWS))).build(), (done, total) -> {
                try {
                    Thread.sleep(1300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(crm.imports().jobs().latest().get(0).state());
            });

            assertThat(seen).as("longer than its lease, renewed").containsOnly(TransferJob.State.RUNNING).hasSize(2);
            long bulk = crm.bulk().run(Selection.all(), BulkOperation.addTags(List.of("a"))).total();
            assertThat(bulk).isEqualTo(2 * ImportService.CHUNK_ROWS);
            BulkJob job = crm.bulk().jobs().get(0);
            db.execute("UPDATE " + prefix + "job SET state = 'RUNNING' WHERE id = " + job.id());
            assertThat(crm.bulk().job(job.id()).orElseThrow().state()).as("lease ended with the run")
                    .isEqualTo(BulkJob.State.INTERRUPTED);
        } finally {
            db.dropTables(prefix);
        }
    }
}

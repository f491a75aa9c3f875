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
import io.crmkit.api.io.TransferJob;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** A submitted job waiting for a thread is QUEUED, holds its lease, and is never started a second time. */
class QueuedJobTest {

    @TempDir
    Path dir;


    @DbTest
    void aWaitingImportIsQueuedAndRunningItAgainIsRefused(TestDb db) throws Exception {
        String prefix = TestDb.uniquePrefix();
        try (CrmKit kit = db.newKit(prefix, builder -> builder.jobThreads(1))) {
            Crm crm = kit.as(Actor.of(db.tenant(), "agent-1", Permission.ALL));
            ImportRequest waiting = ImportRequest.builder(ImportFile.of(NameFiles.names(dir,
                "waiting", 10))).build();
            long first = crm.imports().submit(ImportRequest.builder(ImportFile.of(NameFiles.names(dir,
                "first", 3000))).build());

            long second = crm.imports().submit(waiting);

            assertThat(crm.imports().jobs().find(second).orElseThrow().state()).isEqualTo(TransferJob.State.QUEUED);
            assertThatThrownBy(() -> crm.imports().run(waiting)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("job " + second);
            assertThat(crm.imports().jobs().await(first, Duration.ofSeconds(60)).state())
                    .isEqualTo(TransferJob.State.DONE);
            assertThat(crm.imports().jobs().await(second, Duration.ofSeconds(60)).state())
                    .isEqualTo(TransferJob.State.DONE);
            assertThat(crm.filters().count(Filter.isNotEmpty("createdAt"))).isEqualTo(3010);

            long tagging = crm.bulk().submit(Selection.all(), BulkOperation.addTags(List.of("a")));
            long queued = crm.bulk().submit(Selection.all(), BulkOperation.addTags(List.of("b")));
            assertThat(crm.bulk().job(queued).orElseThrow().state()).isEqualTo(BulkJob.State.QUEUED);
            assertThat(crm.bulk().await(tagging, Duration.ofSeconds(60)).state()).isEqualTo(BulkJob.State.DONE);
            assertThat(crm.bulk().await(queued, Duration.ofSeconds(60)).state()).isEqualTo(BulkJob.State.DONE);
        } finally {
            db.dropTables(prefix);
        }
    }
}

package io.crmkit.testing;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.FileFormat;
import java.time.Duration;
import java.util.List;

/**
 * A test-only program: builds a kit on a JDBC URL, submits one export of every customer's name into the database as a
 * scheduled job, and waits while its kit's scheduler runs it, for a test to kill midway. Arguments: JDBC URL (user and
 * password in it), table prefix, tenant, (unused), job lease in milliseconds (renewed every quarter of it).
 */
public final class SubmitExportInChildJvm {

    private SubmitExportInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
        try (CrmKit kit = CrmKit.builder().jdbcUrl(args[0], null, null).tablePrefix(args[1])
                .jobLease(lease, lease.dividedBy(4)).build()) {
            long id = kit.as(Actor.of(args[2], "child", Permission.ALL)).exports()
                    .submit(ExportRequest.builder(FileFormat.CSV).columns(List.of("name")).build());
            System.out.println("submitted export job " + id);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

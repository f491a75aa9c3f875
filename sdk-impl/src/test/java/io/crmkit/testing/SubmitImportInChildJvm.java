package io.crmkit.testing;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A test-only program: builds a kit on a JDBC URL, submits one import of a file as a scheduled job, and waits while
 * its kit's scheduler runs it, for a test to kill midway. Arguments: JDBC URL (user and password in it), table
 * prefix, tenant, file, job lease in milliseconds (renewed every quarter of it).
 */
public final class SubmitImportInChildJvm {

    private SubmitImportInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
        try (CrmKit kit = CrmKit.builder().jdbcUrl(args[0], null, null).tablePrefix(args[1])
                .jobLease(lease, lease.dividedBy(4)).build()) {
            long id = kit.as(Actor.of(args[2], "child", Permission.ALL)).imports()
                    .submit(ImportRequest.builder(ImportFile.of(Path.of(args[3]))).build());
            System.out.println("submitted import job " + id);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

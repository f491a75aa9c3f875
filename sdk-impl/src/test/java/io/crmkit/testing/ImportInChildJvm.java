package io.crmkit.testing;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A test-only program: builds a kit on a JDBC URL and runs one import of a file, for a test to kill midway.
 * Arguments: JDBC URL (user and password in it), table prefix, tenant, file, job lease in milliseconds (renewed
 * every quarter of it).
 */
public final class ImportInChildJvm {

    private ImportInChildJvm() {
    }

    public static void main(String[] args) {
        Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
        try (CrmKit kit = CrmKit.builder().jdbcUrl(args[0], null, null).tablePrefix(args[1])
                .jobLease(lease, lease.dividedBy(4)).build()) {
            System.out.println("importing " + args[3]);
            kit.as(Actor.of(args[2], "child", Permission.ALL)).imports()
                    .run(ImportRequest.builder(ImportFile.of(Path.of(args[3]))).build());
            System.out.println("imported " + args[3]);
        }
    }
}

package io.crmkit.testing;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.Selection;
import java.time.Duration;
import java.util.List;

/**
 * A test-only program: builds a kit on a JDBC URL, submits one bulk operation (adding a tag to every customer) as a
 * scheduled job, and waits while its kit's scheduler runs it, for a test to kill midway. Arguments: JDBC URL (user and
 * password in it), table prefix, tenant, tag, job lease in milliseconds (renewed every quarter of it).
 */
public final class SubmitBulkInChildJvm {

    private SubmitBulkInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
        try (CrmKit kit = CrmKit.builder().jdbcUrl(args[0], null, null).tablePrefix(args[1])
                .jobLease(lease, lease.dividedBy(4)).build()) {
            long id = kit.as(Actor.of(args[2], "child", Permission.ALL)).bulk()
                    .submit(Selection.all(), BulkOperation.addTags(List.of(args[3])));
            System.out.println("submitted bulk job " + id);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

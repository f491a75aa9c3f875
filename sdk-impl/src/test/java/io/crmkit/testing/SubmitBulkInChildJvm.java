package io.crmkit.testing;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.TaskDraft;
import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.CustomerPatch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A test-only program: builds a kit on a JDBC URL, submits one bulk operation on every customer as a scheduled job,
 * and waits while its kit's scheduler runs it, for a test to kill midway. Arguments: JDBC URL (user and password in
 * it), table prefix, tenant, a text (the tag, the task's title, the delete's reason, the edit's remark), job lease in
 * milliseconds (renewed every quarter of it), the operation: {@code tags}, {@code edit} (of {@link #edit}),
 * {@code task} or {@code delete} (previewed, then confirmed with its token), and the delay in milliseconds added to
 * each chunk (to its progress record, before the chunk commits), so that the job is still running when it is killed
 * however fast the database.
 */
public final class SubmitBulkInChildJvm {

    private SubmitBulkInChildJvm() {
    }

    /**
     * The edit of the {@code edit} operation: the remark, and the custom fields {@code c_text} (TEXT), {@code c_number}
     * (NUMBER), {@code c_decimal} (DECIMAL), {@code c_flag} (BOOLEAN), {@code c_date} (DATE), {@code c_time} (DATETIME)
     * and {@code c_colors} (MULTIPLE_CHOICE of red, green, blue), which the test defines.
     */
    public static BulkOperation edit(String text) {
        return BulkOperation.edit(CustomerPatch.builder(0).remark(text).custom("c_text", text)
                .custom("c_number", 42).custom("c_decimal", new BigDecimal("12.50")).custom("c_flag", true)
                .custom("c_date", LocalDate.of(2024, 2, 29)).custom("c_time", Instant.parse("2024-05-31T08:00:00Z"))
                .custom("c_colors", Set.of("blue", "red")).build());
    }

    public static void main(String[] args) throws InterruptedException {
        Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
        String operation = args[5];
        String progress = "UPDATE " + args[1] + "job SET done = ?";
        try (SlowKit slow = new SlowKit(args[0], args[1], lease, sql -> sql.startsWith(progress),
                Duration.ofMillis(Long.parseLong(args[6])))) {
            Crm crm = slow.kit().as(Actor.of(args[2], "child", Permission.ALL));
            Selection all = Selection.all();
            long id = switch (operation) {
                case "tags" -> crm.bulk().submit(all, BulkOperation.addTags(List.of(args[3])));
                case "edit" -> crm.bulk().submit(all, edit(args[3]));
                case "task" -> crm.bulk().submit(all, BulkOperation.createTask(TaskDraft.of(args[3])));
                case "delete" -> {
                    DeletePreview preview = crm.bulk().previewDelete(all);
                    yield crm.bulk().submit(all, BulkOperation.delete(preview.token(), true, args[3]));
                }
                default -> throw new IllegalArgumentException("no operation " + operation);
            };
            System.out.println("submitted bulk job " + id);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

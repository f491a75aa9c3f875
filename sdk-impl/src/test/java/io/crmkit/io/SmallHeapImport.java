package io.crmkit.io;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.error.CrmException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Imports one file into a kit on embedded in-memory H2 (which shares this JVM's heap), writes its failure report,
 * and prints one line saying how it ended: "OUTCOME imported ...", "OUTCOME refused ..." or "OUTCOME out of memory".
 * Started by {@link HostileUploadsAtSmallHeapTest} in a JVM of its own with a small heap.
 */
public final class SmallHeapImport {

    private SmallHeapImport() {
    }

    public static void main(String[] args) {
        try (CrmKit kit = CrmKit.builder().jdbcUrl("jdbc:h2:mem:small;DB_CLOSE_DELAY=-1", "sa", "").build()) {
            Crm crm = kit.as(Actor.of("tenant", "agent", Permission.ALL));
            ImportResult result = crm.imports().run(ImportRequest.builder(ImportFile.of(Path.of(args[0]))).build());
            crm.imports().writeFailureReport(result.jobId(), FileFormat.XLSX, OutputStream.nullOutputStream());
            System.out.println("OUTCOME imported rows=" + result.rows() + " created=" + result.created() + " failed="
                    + result.failed() + " heap=" + Runtime.getRuntime().maxMemory());
        } catch (ValidationException e) {
            FieldError error = e.errors().get(0);
            System.out.println("OUTCOME refused " + error.code() + ": " + error.message());
        } catch (CrmException e) {
            System.out.println("OUTCOME refused " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            System.out.println("OUTCOME out of memory");
            System.exit(2);
        }
    }
}

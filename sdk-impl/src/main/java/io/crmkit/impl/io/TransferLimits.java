package io.crmkit.impl.io;

import io.crmkit.api.io.ExportService;
import io.crmkit.api.io.ImportService;

/**
 * The row limits of one kit's imports and exports, at most the SDK's own ({@link ImportService#MAX_ROWS},
 * {@link ExportService#MAX_ROWS}); a host may set them lower.
 *
 * @param importRows most data rows of an imported file
 * @param exportRows most customers of one export
 */
public record TransferLimits(int importRows, long exportRows) {

    /** @throws IllegalArgumentException when a limit is below 1 or above the SDK's */
    public TransferLimits {
        if (importRows < 1 || importRows > ImportService.MAX_ROWS) {
            throw new IllegalArgumentException("importRows: must be between 1 and " + ImportService.MAX_ROWS
                    + ", got " + importRows);
        }
        if (exportRows < 1 || exportRows > ExportService.MAX_ROWS) {
            throw new IllegalArgumentException("exportRows: must be between 1 and " + ExportService.MAX_ROWS
                    + ", got " + exportRows);
        }
    }
}

package io.crmkit.impl.io;

/**
 * The row limits of one kit's imports and exports, checked by {@code CrmKit.Builder}: at most the SDK's own
 * ({@code ImportService.MAX_ROWS}, {@code ExportService.MAX_ROWS}), lower when the host says so.
 *
 * @param importRows most data rows of an imported file
 * @param exportRows most customers of one export
 */
public record TransferLimits(int importRows, long exportRows) {
}

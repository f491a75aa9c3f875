package io.crmkit.api.io;

import java.util.List;

/**
 * A row that was not imported.
 *
 * @param row     the row's number in the file, as a spreadsheet shows it (the header is row 1)
 * @param reasons every reason, each naming the column's field, e.g. "phones: not a valid phone number: 12"
 */
public record ImportFailure(long row, List<String> reasons) {

    /**
     * Copies the reasons.
     *
     * @param row     the row's number in the file, the header being row 1
     * @param reasons every reason; neither the list nor a reason may be null
     * @throws NullPointerException when {@code reasons} or a reason is null
     */
    public ImportFailure {
        reasons = List.copyOf(reasons);
    }
}

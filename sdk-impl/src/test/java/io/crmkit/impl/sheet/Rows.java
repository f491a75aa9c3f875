package io.crmkit.impl.sheet;

import java.util.ArrayList;
import java.util.List;

/** Reads what tests compare: every data row left in a reader. */
final class Rows {

    private Rows() {
    }

    static List<SheetRow> all(SheetReader reader) {
        List<SheetRow> rows = new ArrayList<>();
        for (SheetRow row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> cells(SheetReader reader) {
        return all(reader).stream().map(SheetRow::cells).toList();
    }
}

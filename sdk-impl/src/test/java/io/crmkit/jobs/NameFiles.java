package io.crmkit.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** CSV files of customers with a name only (no identity), so that a row imported twice makes a second customer. */
final class NameFiles {

    private NameFiles() {
    }

    /** @return the names {@link #names} writes: "{prefix} 0" ... "{prefix} rows-1" */
    static List<String> rows(String prefix, int rows) {
        return IntStream.range(0, rows).mapToObj(i -> prefix + " " + i).toList();
    }

    /** @return {@code dir/<prefix>.csv} with a header "name" and rows "{prefix} 0" ... "{prefix} rows-1" */
    static Path names(Path dir, String prefix, int rows) {
        List<String> lines = new ArrayList<>(List.of("name"));
        IntStream.range(0, rows).forEach(i -> lines.add(prefix + " " + i));
        try {
            return Files.write(dir.resolve(prefix + ".csv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

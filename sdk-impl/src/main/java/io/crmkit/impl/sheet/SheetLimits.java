package io.crmkit.impl.sheet;

/**
 * How much of a table file a {@link SheetReader} accepts before it refuses the file. Each limit bounds memory or
 * time, so a hostile upload fails fast with a clear error instead of exhausting the host.
 *
 * @param maxColumns            most columns in any row, header included (a cell further right is refused)
 * @param maxCellChars          most characters (UTF-16 units, as Excel counts) in one cell
 * @param maxSharedStringsChars most characters in an .xlsx shared-strings table, counting one more per string;
 *                              the table is held in memory (about 2 bytes per character), so this bounds it.
 *                              At most 2,000,000,000.
 * @param maxUncompressedBytes  most bytes an .xlsx may inflate to, all entries together, checked both on the sizes
 *                              the zip declares and while reading
 * @param maxFileBytes          most bytes of the file itself, either format
 */
public record SheetLimits(int maxColumns, int maxCellChars, long maxSharedStringsChars, long maxUncompressedBytes,
                          long maxFileBytes) {

    /** The largest shared-strings limit: the table is held in one character buffer. */
    static final long SHARED_STRINGS_CEILING = 2_000_000_000L;

    /**
     * Checks every limit.
     *
     * @throws IllegalArgumentException naming the first limit that is not positive, or a shared-strings limit over
     *         2,000,000,000
     */
    public SheetLimits {
        requirePositive("maxColumns", maxColumns);
        requirePositive("maxCellChars", maxCellChars);
        requirePositive("maxSharedStringsChars", maxSharedStringsChars);
        requirePositive("maxUncompressedBytes", maxUncompressedBytes);
        requirePositive("maxFileBytes", maxFileBytes);
        if (maxSharedStringsChars > SHARED_STRINGS_CEILING) {
            throw new IllegalArgumentException("maxSharedStringsChars: at most " + SHARED_STRINGS_CEILING + ", got "
                    + maxSharedStringsChars);
        }
    }

    /**
     * @return 1000 columns, 32767 characters a cell (Excel's own limit), 50,000,000 shared-string characters,
     *         2 GiB uncompressed .xlsx content and a 100 MiB file
     */
    public static SheetLimits defaults() {
        return new SheetLimits(1000, 32_767, 50_000_000L, 2L << 30, 100L << 20);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": must be positive, got " + value);
        }
    }
}

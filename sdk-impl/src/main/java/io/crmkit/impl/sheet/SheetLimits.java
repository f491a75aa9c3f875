package io.crmkit.impl.sheet;

/**
 * How much of a table file a {@link SheetReader} accepts before it refuses the file. Each limit bounds memory or
 * time, so a hostile upload fails fast with a clear error instead of exhausting the host. The limits that bound
 * memory are sized from the heap by {@link #forHeap}.
 *
 * @param maxColumns            most columns in any row, header included (a cell further right is refused)
 * @param maxCellChars          most characters (UTF-16 units, as Excel counts) in one cell
 * @param maxRowChars           most characters in one row, all its cells together: what the reader materializes
 *                              for a row, whether the cells are written out or point into the shared-strings table
 *                              (where one string can be referenced by every cell)
 * @param maxSharedStringsChars most characters in an .xlsx shared-strings table, counting two more per string (its
 *                              index entry); the table is held in memory at 2 bytes per character, so this bounds
 *                              it. At most 2,000,000,000.
 * @param maxPackagePartBytes   most bytes of a package part that POI parses whole into memory itself (the
 *                              [Content_Types].xml, every .rels part, and whatever POI reads while opening the
 *                              package, such as the document properties), checked on the size the zip declares
 *                              and while reading
 * @param maxUncompressedBytes  most bytes an .xlsx may inflate to, all entries together, checked both on the sizes
 *                              the zip declares and while reading; no entry may inflate to more than it declares
 * @param maxFileBytes          most bytes of the file itself, either format
 */
public record SheetLimits(int maxColumns, int maxCellChars, long maxRowChars, long maxSharedStringsChars,
                          long maxPackagePartBytes, long maxUncompressedBytes, long maxFileBytes) {

    /** The largest shared-strings limit: the table is held in one character array. */
    static final long SHARED_STRINGS_CEILING = 2_000_000_000L;
    /** The most characters of a row on any heap: no real row comes near (1000 columns of 1000 characters). */
    static final long ROW_CHARS_CAP = 1_000_000L;
    /** The most shared-strings characters on any heap. */
    static final long SHARED_STRINGS_CAP = 50_000_000L;
    /** The most bytes of a package part POI parses whole, on any heap: real ones are a few kilobytes. */
    static final long PACKAGE_PART_CAP = 1L << 20;

    /**
     * Checks every limit.
     *
     * @throws IllegalArgumentException naming the first limit that is not positive, or a shared-strings limit over
     *         2,000,000,000
     */
    public SheetLimits {
        requirePositive("maxColumns", maxColumns);
        requirePositive("maxCellChars", maxCellChars);
        requirePositive("maxRowChars", maxRowChars);
        requirePositive("maxSharedStringsChars", maxSharedStringsChars);
        requirePositive("maxPackagePartBytes", maxPackagePartBytes);
        requirePositive("maxUncompressedBytes", maxUncompressedBytes);
        requirePositive("maxFileBytes", maxFileBytes);
        if (maxSharedStringsChars > SHARED_STRINGS_CEILING) {
            throw new IllegalArgumentException("maxSharedStringsChars: at most " + SHARED_STRINGS_CEILING + ", got "
                    + maxSharedStringsChars);
        }
    }

    /**
     * @return {@link #forHeap} of the heap this JVM may use ({@code Runtime.maxMemory()})
     */
    public static SheetLimits defaults() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    /**
     * The limits for a heap of this size: 1000 columns, 32767 characters a cell (Excel's own limit), 2 GiB
     * uncompressed .xlsx content and a 100 MiB file, and, where a limit bounds what is held in memory, a share of
     * the heap (characters count 2 bytes):
     * <ul>
     * <li>{@code maxRowChars = min(1,000,000, heap / 512)}: a row takes at most 1/256 of the heap;</li>
     * <li>{@code maxSharedStringsChars = min(50,000,000, heap / 32)}: the shared-strings table takes at most 1/16 of
     *     the heap (and 1/10 for a moment while its arrays grow);</li>
     * <li>{@code maxPackagePartBytes = min(1 MiB, heap / 1024)}: POI's DOM of a package part, some ten times its
     *     size, takes at most about 1/100 of the heap.</li>
     * </ul>
     * At 256 MiB that is 524,288 characters a row, 8,388,608 shared-strings characters and 256 KiB a package
     * part. The shares hold for one file being read; a kit reads as many at once as imports run at once.
     *
     * @param heap the most bytes the heap may use, such as {@code Runtime.getRuntime().maxMemory()}
     * @throws IllegalArgumentException for a heap under 1 MiB
     */
    public static SheetLimits forHeap(long heap) {
        if (heap < 1L << 20) {
            throw new IllegalArgumentException("heap: at least 1 MiB, got " + heap);
        }
        return new SheetLimits(1000, 32_767, Math.min(ROW_CHARS_CAP, heap / 512),
                Math.min(SHARED_STRINGS_CAP, heap / 32), Math.min(PACKAGE_PART_CAP, heap / 1024), 2L << 30,
                100L << 20);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": must be positive, got " + value);
        }
    }
}

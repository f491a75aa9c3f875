package io.crmkit.impl.merge;

import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The named customers of a tenant grouped by the person rules' blocking keys ({@link PersonRecord#keys}), pair by
 * pair, never every pair. SQL cannot compute the keys (accents, sound keys), so the blocks are built in memory in
 * hash partitions: each pass streams the customers' name, birthday, company and address, keeps the customers with a
 * key in its partition (a key's partition comes from its birthday or address part, so a customer is kept by at most
 * two passes), sorts their (key hash, customer) entries and hands the pairs of each block to the handler.
 * The number of passes is sized from the heap ({@code Runtime.maxMemory()}): a pass holds about a quarter of it
 * at most, so memory is bounded whatever the tenant's size and a large tenant costs more passes (time), not more
 * memory.
 *
 * <p>Limits, so that one common key cannot make the work quadratic: a block of up to {@value #ALL_PAIRS_UP_TO}
 * customers pairs them all; a larger block is sorted by name and each customer paired with the next
 * {@value #WINDOW} (sorted neighbourhood), so its cost grows linearly.
 */
final class PersonBlocks {

    static final int ALL_PAIRS_UP_TO = 100;
    static final int WINDOW = 20;
    /** A generous estimate of the heap one customer takes in a pass: its folded record and its entries. */
    static final long BYTES_PER_RECORD = 250;
    private static final int FETCH_SIZE = 1000;

    private final Connection connection;
    private final String prefix;
    private final String tenantId;

    PersonBlocks(Connection connection, String prefix, String tenantId) {
        this.connection = connection;
        this.prefix = prefix;
        this.tenantId = tenantId;
    }

    /** The statement that reads the compared columns of the tenant's named customers. */
    static String select(String prefix) {
        return "SELECT id, name, birthday, company, address_detail, area, city, province FROM " + prefix
                + "customer WHERE tenant_id = ? AND name <> ''";
    }

    /** One row read: what its keys need, folded; the whole record folded only when a pass keeps it. */
    static final class Row {

        final long id;
        final String[] name;
        final int birthday;
        final List<PersonRecord.BlockKey> keys;
        private final ResultSet rows;

        Row(ResultSet rows, PersonName.Cache names) throws SQLException {
            this.rows = rows;
            id = rows.getLong(1);
            name = names.words(rows.getString(2));
            birthday = Birthdays.of(rows.getObject(3, LocalDate.class));
            keys = PersonRecord.keys(name, birthday, PersonAddress.blockKey(rows.getString(5), names),
                    names);
        }

        /** @return the whole record; only while the result set is on this row */
        PersonRecord record() throws SQLException {
            return PersonRecord.of(id, name, birthday, rows.getString(4), rows.getString(5), rows.getString(6),
                    rows.getString(7), rows.getString(8));
        }
    }

    /**
     * @return the passes for {@code customers} named customers with {@code heapBytes} of heap: a customer is kept
     *         by at most two passes (the partition of its birthday's keys and that of its address's keys)
     */
    static int passes(long customers, long heapBytes) {
        long budget = Math.max(1, heapBytes / 4);
        return (int) Math.max(1, Math.min(10_000, (customers * 2 * BYTES_PER_RECORD + budget - 1) / budget));
    }

    /** Hands each pair of customers that shares a block to {@code handler}; a pair may come more than once. */
    void forEachPair(PairHandler handler) {
        List<Long> count = IdStatements.rows(connection, "SELECT COUNT(*) FROM " + prefix + "customer WHERE"
                + " tenant_id = ? AND name <> ''", List.of(tenantId), row -> row.getLong(1));
        int passes = passes(count.get(0), Runtime.getRuntime().maxMemory());
        for (int pass = 0; pass < passes; pass++) {
            Partition partition = read(pass, passes);
            partition.forEachBlock(block -> pairs(block, handler));
        }
    }

    /** Receives a pair of customers to compare. */
    interface PairHandler {
        void accept(PersonRecord one, PersonRecord other);
    }

    private static void pairs(List<PersonRecord> block, PairHandler handler) {
        if (block.size() <= ALL_PAIRS_UP_TO) {
            for (int i = 0; i < block.size(); i++) {
                for (int j = i + 1; j < block.size(); j++) {
                    handler.accept(block.get(i), block.get(j));
                }
            }
            return;
        }
        List<PersonRecord> sorted = new ArrayList<>(block);
        sorted.sort(Comparator.comparing(PersonRecord::nameText).thenComparingLong(PersonRecord::id));
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < Math.min(sorted.size(), i + 1 + WINDOW); j++) {
                handler.accept(sorted.get(i), sorted.get(j));
            }
        }
    }

    /** @return the partition of a key among {@code passes} */
    static int partitionOf(int keyHash, int passes) {
        long mixed = keyHash * 0x9E3779B97F4A7C15L;
        return (int) Math.floorMod(mixed ^ (mixed >>> 29), (long) passes);
    }

    private Partition read(int pass, int passes) {
        Partition partition = new Partition();
        PersonName.Cache names = new PersonName.Cache();
        try (PreparedStatement statement = IdStatements.prepare(connection, select(prefix), List.of(tenantId))) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Row row = new Row(rows, names);
                    int index = -1;
                    for (PersonRecord.BlockKey key : row.keys) {
                        if (partitionOf(key.part().hashCode(), passes) == pass) {
                            index = index < 0 ? partition.add(row.record()) : index;
                            partition.entry(key.key().hashCode(), index);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
        return partition;
    }

    /** The customers of one pass and their (key hash, index) entries. */
    private static final class Partition {

        private final List<PersonRecord> records = new ArrayList<>();
        private long[] entries = new long[1024];
        private int size;

        int add(PersonRecord record) {
            records.add(record);
            return records.size() - 1;
        }

        void entry(int hash, int index) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size + (size >> 1));
            }
            entries[size++] = (long) hash << 32 | index;
        }

        /** Hands each block of two or more customers (entries with one key hash) to the consumer. */
        void forEachBlock(Consumer<List<PersonRecord>> consumer) {
            Arrays.sort(entries, 0, size);
            int start = 0;
            List<PersonRecord> block = new ArrayList<>();
            while (start < size) {
                int end = start + 1;
                while (end < size && entries[end] >>> 32 == entries[start] >>> 32) {
                    end++;
                }
                if (end - start > 1) {
                    block.clear();
                    for (int i = start; i < end; i++) {
                        block.add(records.get((int) entries[i]));
                    }
                    consumer.accept(block);
                }
                start = end;
            }
        }
    }
}

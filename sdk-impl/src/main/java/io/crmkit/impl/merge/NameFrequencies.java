package io.crmkit.impl.merge;

import io.crmkit.impl.db.IdStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each name word occurs in a tenant's names, so that {@code SIMILAR_NAME} can tell a typing mistake from
 * another name: {@code Jhon} (rare) beside {@code John} (common) is a mistake, but {@code Mary} and {@code Mark}, or
 * {@code Hung} and {@code Huong}, both common, are different names, however close their letters (record linkage
 * calls this a term frequency adjustment). Counts at most {@value #MAX_WORDS} distinct words; a word not counted
 * counts as rare.
 */
final class NameFrequencies {

    static final int MAX_WORDS = 200_000;
    /** A spelling at most this many times rarer than the other... */
    static final int RARER_BY = 10;
    /** ...or seen at most this often, may be a typing mistake of the other. */
    static final int RARE = 2;
    /** No counts: every close pair of words may be a mistake. */
    static final NameFrequencies NONE = new NameFrequencies();

    private static final int FETCH_SIZE = 1000;

    private final Map<String, Integer> counts = new HashMap<>();

    /** @return the counts of the words of the tenant's names, read once */
    static NameFrequencies read(Connection connection, String prefix, String tenantId, PersonName.Cache names) {
        NameFrequencies frequencies = new NameFrequencies();
        try (PreparedStatement statement = IdStatements.prepare(connection, "SELECT name FROM " + prefix
                + "customer WHERE tenant_id = ? AND name <> ''", List.of(tenantId))) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    frequencies.add(names.words(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IdStatements.StorageFailure(e);
        }
        return frequencies;
    }

    void add(String[] words) {
        for (String word : words) {
            if (word.length() > 1 && (counts.size() < MAX_WORDS || counts.containsKey(word))) {
                counts.merge(word, 1, Integer::sum);
            }
        }
    }

    /** @return whether one of two different words may be a typing mistake of the other, by their counts */
    boolean mayBeMistake(String one, String other) {
        int a = counts.getOrDefault(one, 0);
        int b = counts.getOrDefault(other, 0);
        int rarer = Math.min(a, b);
        return rarer <= RARE || (long) rarer * RARER_BY <= Math.max(a, b);
    }
}

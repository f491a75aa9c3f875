package io.crmkit.impl.bulk;

import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.impl.filter.DefaultFilterService;
import io.crmkit.impl.filter.FilterJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What a bulk operation's selection is: its size, its members, its fingerprint. Thread-safe. */
final class Selections {

    private final DefaultFilterService filters;

    Selections(DefaultFilterService filters) {
        this.filters = filters;
    }

    /** @return how many customers the selection holds now */
    long count(Selection selection) {
        return selection.byIds() ? selection.ids().size()
                : filters.countMatching(selection.filter(), selection.keyword());
    }

    /** @throws LimitExceededException when an operation would act on more than {@link BulkService#MAX_CUSTOMERS} */
    static void requireWithinLimit(long count, String operation) {
        if (count > BulkService.MAX_CUSTOMERS) {
            throw new LimitExceededException(operation.replace('_', ' ') + " would act on " + count
                    + " customers, at most " + BulkService.MAX_CUSTOMERS + " per operation; narrow the selection",
                    BulkService.MAX_CUSTOMERS, count);
        }
    }

    /** @return the ids of the customers a query selection matches now, in ascending order */
    List<Long> members(Selection selection) {
        List<Long> members = new ArrayList<>();
        Chunks chunks = new Chunks(selection, filters);
        for (List<Long> chunk = chunks.next(); !chunk.isEmpty(); chunk = chunks.next()) {
            members.addAll(chunk);
        }
        return members;
    }

    /** @return whether a selection is a query that not every customer matches */
    static boolean byQuery(Selection selection) {
        return selection.filter().isPresent() || !selection.keyword().isBlank();
    }

    /**
     * What a selection is, as a short text: the filter's JSON and keyword, or a digest of the ids. A delete's
     * confirmation must carry the same.
     */
    static String fingerprint(Selection selection) {
        String text = selection.byIds() ? "ids:" + selection.ids()
                : "filter:" + selection.filter().map(FilterJson::toJson).orElse("") + " keyword:" + selection.keyword();
        if (text.length() <= 2000) {
            return text;
        }
        return (selection.byIds() ? selection.ids().size() + " ids" : "filter") + " sha256:" + sha256(text);
    }

    /** @return a digest of what an operation does (its cleaned parameters) and to which selection */
    static String runKey(Selection selection, Object parameters) {
        return sha256(parameters + " on " + fingerprint(selection));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

package io.crmkit.impl.filter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.crmkit.api.filter.SavedFilters;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The segments each customer version is in, for the whole kit. The key holds the customer's version and the
 * segments' ids and versions, so a change to either is a miss; entries expire after
 * {@link SavedFilters#SEGMENT_CACHE_SECONDS} seconds for what the key cannot see (dates, group membership).
 */
public final class SegmentCache {

    private final Cache<String, List<Long>> cache = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(SavedFilters.SEGMENT_CACHE_SECONDS))
            .build();

    List<Long> get(String key, Function<String, List<Long>> evaluate) {
        return cache.get(key, evaluate);
    }
}

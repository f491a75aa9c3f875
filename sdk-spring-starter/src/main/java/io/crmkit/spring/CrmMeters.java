package io.crmkit.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * The meters of CRMKit operations in one {@link MeterRegistry}. Tags carry no tenant or actor, so that the number
 * of time series stays fixed.
 */
final class CrmMeters {

    static final String IMPORTS = "crmkit.imports";
    static final String EXPORTS = "crmkit.exports";
    static final String MERGES = "crmkit.merges";
    static final String SEARCHES = "crmkit.searches";

    private final MeterRegistry registry;

    CrmMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs the work and records its duration on the timer {@code name} with the tags and
     * {@code outcome=success|error} (error: it threw).
     */
    <T> T time(String name, Tags tags, Supplier<T> work) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = work.get();
            outcome = "success";
            return result;
        } finally {
            sample.stop(Timer.builder(name).tags(tags).tag("outcome", outcome).register(registry));
        }
    }

    /** Adds {@code amount} to the counter {@code name} with the tags; zero adds nothing. */
    void count(String name, Tags tags, long amount) {
        if (amount > 0) {
            Counter.builder(name).tags(tags).register(registry).increment(amount);
        }
    }
}

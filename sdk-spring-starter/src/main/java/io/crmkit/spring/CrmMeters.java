package io.crmkit.spring;

import io.crmkit.api.io.ImportResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
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
    static final String RETRIES = "crmkit.transaction.retries";

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

    /** Records a duration measured elsewhere (a job's, from its stored times) on the timer {@code name}. */
    void record(String name, Tags tags, Duration duration, boolean success) {
        Timer.builder(name).tags(tags).tag("outcome", success ? "success" : "error").register(registry)
                .record(duration);
    }

    /** Counts an import's rows on {@code crmkit.imports.rows} by result; a dry run counts nothing. */
    void countImported(ImportResult result) {
        if (result.dryRun()) {
            return;
        }
        String rows = IMPORTS + ".rows";
        count(rows, Tags.of("result", "created"), result.created());
        count(rows, Tags.of("result", "updated"), result.updated());
        count(rows, Tags.of("result", "unchanged"), result.unchanged());
        count(rows, Tags.of("result", "failed"), result.failed());
    }

    /** Adds {@code amount} to the counter {@code name} with the tags; zero adds nothing. */
    void count(String name, Tags tags, long amount) {
        if (amount > 0) {
            Counter.builder(name).tags(tags).register(registry).increment(amount);
        }
    }
}

package io.crmkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.crmkit.api.Permission;
import io.crmkit.api.ProgressListener;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.StorageException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.filter.FieldMetadata;
import io.crmkit.api.filter.Filter;
import io.crmkit.api.filter.FilterService;
import io.crmkit.api.filter.Operator;
import io.crmkit.api.filter.Query;
import io.crmkit.api.io.ExportRequest;
import io.crmkit.api.io.ExportService;
import io.crmkit.api.io.FileFormat;
import io.crmkit.api.io.ImportFile;
import io.crmkit.api.io.ImportRequest;
import io.crmkit.api.io.ImportResult;
import io.crmkit.api.io.ImportService;
import io.crmkit.api.io.TransferJob;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergeService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The metered decorators when the SDK fails: the failure reaches the caller unchanged (the same exception object),
 * the timer counts it with {@code outcome=error} and no success, and the row counters count nothing. The delegate is
 * a Mockito stub that throws, so each case needs no database that fails on cue.
 */
class MeteredDecoratorsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final CrmMeters meters = new CrmMeters(registry);

    @Test
    void aFailedSearchIsRethrownUnchangedAndTimedAsAnError() {
        FilterService delegate = mock(FilterService.class);
        ValidationException failure = ValidationException.of("filter", "unknown_field", "filter: no field 'x'");
        when(delegate.search(any())).thenThrow(failure);
        when(delegate.searchView(any(), anyString())).thenThrow(failure);
        when(delegate.count(any())).thenThrow(failure);
        MeteredFilters filters = new MeteredFilters(delegate, meters);

        assertRethrown(() -> filters.search(Query.all()), failure);
        assertRethrown(() -> filters.searchView(Query.all(), "Customer list"), failure);
        assertRethrown(() -> filters.count(Filter.eq("x", 1)), failure);

        for (String kind : List.of("search", "view", "count")) {
            assertThat(count(CrmMeters.SEARCHES, "kind", kind, "error")).as(kind).isEqualTo(1);
            assertThat(count(CrmMeters.SEARCHES, "kind", kind, "success")).as(kind).isZero();
        }
    }

    @Test
    void aFailedImportIsRethrownUnchangedTimedAsAnErrorAndCountsNoRows() {
        ImportService delegate = mock(ImportService.class);
        LimitExceededException failure = new LimitExceededException("rows: at most 200000 rows per import", 200_000, 200_001);
        when(delegate.run(any(), any())).thenThrow(failure);
        MeteredImports imports = new MeteredImports(delegate, meters);

        assertRethrown(() -> imports.run(ImportRequest.builder(ImportFile.of(Path.of("in.csv"))).build(),
                ProgressListener.NONE), failure);

        assertThat(count(CrmMeters.IMPORTS, null, null, "error")).isEqualTo(1);
        assertThat(count(CrmMeters.IMPORTS, null, null, "success")).isZero();
        assertThat(registry.find(CrmMeters.IMPORTS + ".rows").counters()).isEmpty();
    }

    @Test
    void aFailedExportIsRethrownUnchangedTimedAsAnErrorAndCountsNoRows() {
        ExportService delegate = mock(ExportService.class);
        UncheckedIOException failure = new UncheckedIOException(new java.io.IOException("client went away"));
        when(delegate.run(any(), any(), any())).thenThrow(failure);
        MeteredExports exports = new MeteredExports(delegate, meters);

        assertRethrown(() -> exports.run(ExportRequest.builder(FileFormat.CSV).build(), new ByteArrayOutputStream(),
                ProgressListener.NONE), failure);

        assertThat(count(CrmMeters.EXPORTS, null, null, "error")).isEqualTo(1);
        assertThat(registry.find(CrmMeters.EXPORTS + ".rows").counters()).isEmpty();
    }

    @Test
    void aFailedMergeIsRethrownUnchangedTimedAsAnErrorAndCountsNoCustomer() {
        MergeService delegate = mock(MergeService.class);
        ConflictException failure = new ConflictException("customer 7 changed since it was read; read it again");
        when(delegate.merge(anyLong(), anyList(), any())).thenThrow(failure);
        MeteredMerges merges = new MeteredMerges(delegate, meters);

        assertRethrown(() -> merges.merge(1, List.of(2L), MergeOptions.defaults()), failure);

        assertThat(count(CrmMeters.MERGES, null, null, "error")).isEqualTo(1);
        assertThat(registry.find(CrmMeters.MERGES + ".customers").counters()).isEmpty();
    }

    @Test
    void whatIsNotMeasuredPassesThroughAndFailsUnchanged() {
        MergeService delegate = mock(MergeService.class);
        StorageException failure = new StorageException("database unreachable", new java.sql.SQLException("down"));
        when(delegate.findDuplicates(any(), anyInt())).thenThrow(failure);
        MeteredMerges merges = new MeteredMerges(delegate, meters);

        assertRethrown(() -> merges.findDuplicates(null, 10), failure);
        merges.purgeExpired();

        verify(delegate).purgeExpired();
        assertThat(registry.getMeters()).as("meters of pass-through calls").isEmpty();
    }

    @Test
    void theFilterFieldsPassThroughUnmeasuredAndFailUnchanged() {
        FilterService delegate = mock(FilterService.class);
        List<FieldMetadata> fields = List.of(new FieldMetadata("city", "City", FieldMetadata.Kind.BUILT_IN,
                FieldMetadata.ValueType.TEXT, List.of(FieldMetadata.AllowedOperator.of(Operator.EQ,
                FieldMetadata.ValueType.TEXT)), List.of(), true, true, true));
        PermissionDeniedException failure = new PermissionDeniedException(Permission.READ, "agent-7",
                "describe the filter fields");
        when(delegate.fields()).thenReturn(fields).thenThrow(failure);
        MeteredFilters filters = new MeteredFilters(delegate, meters);

        assertThat(filters.fields()).isSameAs(fields);
        assertRethrown(filters::fields, failure);

        verify(delegate, times(2)).fields();
        assertThat(registry.getMeters()).as("meters of pass-through calls").isEmpty();
    }

    @Test
    void aSubmittedJobThatFailedIsTimedAsAnErrorAndCountsNoRows() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MeteredJobs jobs = new MeteredJobs(meters);

        jobs.ended(new TransferJob(1, TransferJob.Kind.EXPORT, "out.csv", "agent", TransferJob.State.FAILED, 0, 10,
                Optional.empty(), Optional.of("disk full"), start, start.plusSeconds(3)));
        jobs.ended(new TransferJob(2, TransferJob.Kind.IMPORT, "in.csv", "agent", TransferJob.State.CANCELLED, 0, 10,
                Optional.empty(), Optional.empty(), start, start.plusSeconds(1)));

        assertThat(count(CrmMeters.EXPORTS, null, null, "error")).isEqualTo(1);
        assertThat(count(CrmMeters.IMPORTS, null, null, "error")).isEqualTo(1);
        assertThat(registry.find(CrmMeters.EXPORTS + ".rows").counters()).isEmpty();
        assertThat(registry.find(CrmMeters.IMPORTS + ".rows").counters()).isEmpty();
        assertThat(registry.get(CrmMeters.EXPORTS).tag("outcome", "error").timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void aDryRunImportIsTimedButCountsNoRows() {
        ImportService delegate = mock(ImportService.class);
        when(delegate.run(any(), any())).thenReturn(new ImportResult(0, true, 5, 5, 0, 0, 0, List.of()));
        MeteredImports imports = new MeteredImports(delegate, meters);

        imports.run(ImportRequest.builder(ImportFile.of(Path.of("in.csv"))).dryRun(true).build(),
                ProgressListener.NONE);

        assertThat(count(CrmMeters.IMPORTS, null, null, "success")).isEqualTo(1);
        assertThat(registry.find(CrmMeters.IMPORTS + ".rows").counters()).isEmpty();
    }

    private static void assertRethrown(ThrowingCallable call, RuntimeException failure) {
        assertThat(catchThrowable(call)).isSameAs(failure);
    }

    private long count(String name, String tag, String value, String outcome) {
        var search = registry.find(name).tag("outcome", outcome);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        Timer timer = search.timer();
        return timer == null ? 0 : timer.count();
    }
}

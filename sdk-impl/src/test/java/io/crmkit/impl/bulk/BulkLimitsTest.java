package io.crmkit.impl.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.bulk.BulkOperation;
import io.crmkit.api.bulk.BulkService;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.LimitExceededException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A delete acts on at most 100,000 customers (the seed's rule); every other operation on up to 1,000,000. */
class BulkLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"edit", "add_tags", "remove_tags", "identify_as_valid", "recycle_to_pool", "assign",
            "create_task"})
    void everyOperationButDeleteTakesAMillionCustomers(String operation) {
        assertThat(Selections.limit(operation)).isEqualTo(1_000_000);
        assertThatCode(() -> Selections.requireWithinLimit(1_000_000, operation)).doesNotThrowAnyException();

        LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
                () -> Selections.requireWithinLimit(1_000_001, operation));

        assertThat(e).hasMessageContaining("1000001 customers, at most 1000000");
        assertThat(e.limit()).isEqualTo(1_000_000);
        assertThat(e.requested()).isEqualTo(1_000_001);
    }

    @Test
    void aDeleteTakesAHundredThousand() {
        assertThatCode(() -> Selections.requireWithinLimit(100_000, Selections.DELETE)).doesNotThrowAnyException();

        LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
                () -> Selections.requireWithinLimit(100_001, Selections.DELETE));

        assertThat(e).hasMessageContaining("delete would act on 100001 customers, at most 100000 per delete");
    }

    @Test
    void theLimitsNameTheOperationsAsTheApiDoes() {
        assertThat(BulkOperation.delete("t", true, "gone").name()).isEqualTo(Selections.DELETE);
        assertThat(List.of(BulkOperation.edit(CustomerPatch.builder(0).name("x").build()).name(),
                BulkOperation.addTags(List.of("a")).name(), BulkOperation.removeTags(List.of("a")).name(),
                BulkOperation.assign("agent-1").name(), BulkOperation.identifyAsValid().name(),
                BulkOperation.recycleToPool().name())).allSatisfy(name ->
                assertThat(Selections.limit(name)).isEqualTo(BulkService.MAX_CUSTOMERS));
    }

    @Test
    void chunksStopAtTheOperationsLimitEvenWhenMoreIdsCome() {
        List<Long> ids = LongStream.rangeClosed(1, 2_600).boxed().toList();
        Chunks chunks = new Chunks(Selection.ids(ids), null, 2_500, Long.MAX_VALUE);

        List<Integer> sizes = new ArrayList<>();
        for (List<Long> chunk = chunks.next(); !chunk.isEmpty(); chunk = chunks.next()) {
            sizes.add(chunk.size());
        }

        assertThat(sizes).containsExactly(1_000, 1_000, 500);
    }
}

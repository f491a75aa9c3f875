package io.crmkit.impl.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.ValidationException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts the errors a user sees about a file. */
final class Problems {

    private Problems() {
    }

    /** Asserts that the call fails with one "file" problem of this code, and returns the assertion to go on. */
    static AbstractThrowableAssert<?, ? extends Throwable> expectProblem(ThrowingCallable call, String code) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).field()).isEqualTo("file");
            assertThat(e.errors().get(0).code()).isEqualTo(code);
            assertThat(e.errors().get(0).message()).startsWith("file: ");
        });
    }
}

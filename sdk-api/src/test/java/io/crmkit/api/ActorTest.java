package io.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActorTest {

    @Test
    void holdsItsPermissionsAndNothingElse() {
        Actor actor = Actor.of("tenant-a", "agent-7", Permission.READ, Permission.WRITE);

        assertThat(actor.can(Permission.READ)).isTrue();
        assertThat(actor.can(Permission.DELETE)).isFalse();
        assertThat(Actor.of("t", "a", Permission.ALL).permissions()).containsExactlyInAnyOrder(Permission.values());
        assertThat(Actor.of("t", "a", List.of()).permissions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tenant a", "tenant/a", "tenant'a"})
    void rejectsATenantIdOutsideItsAlphabet(String tenant) {
        assertThatThrownBy(() -> Actor.of(tenant, "agent", Permission.ALL))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tenantId '" + tenant + "'");
    }

    @Test
    void acceptsTenantIdsUpTo64CharactersAndRejects65() {
        assertThat(Actor.of("t".repeat(64), "a").tenantId()).hasSize(64);
        assertThatThrownBy(() -> Actor.of("t".repeat(65), "a")).isInstanceOf(ValidationException.class);
    }

    @Test
    void rejectsABlankOrControlCharacterActorId() {
        assertThatThrownBy(() -> Actor.of("t", " ")).hasMessageContaining("actorId ' '");
        assertThatThrownBy(() -> Actor.of("t", "a\nb")).isInstanceOf(ValidationException.class);
    }

    @Test
    void theAllSetCannotBeChanged() {
        assertThatThrownBy(() -> Permission.ALL.remove(Permission.READ)).isInstanceOf(UnsupportedOperationException.class);
    }
}

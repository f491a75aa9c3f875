package io.crmkit.impl.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreviewedMembersTest {

    @ParameterizedTest
    @ValueSource(strings = {"filter:{} keyword:", "filter: keyword:lan\nmembers:1:ab", "ids:[1, 2]"})
    void survivesTheRoundTripThroughTheStoredSelection(String fingerprint) {
        PreviewedMembers members = PreviewedMembers.of(List.of(3L, 5L, 8L));

        String stored = members.after(fingerprint);

        assertThat(PreviewedMembers.fingerprint(stored)).isEqualTo(fingerprint);
        assertThat(PreviewedMembers.boundIn(stored)).contains(members);
    }

    @Test
    void aSelectionStoredWithoutMembersBindsNone() {
        assertThat(PreviewedMembers.boundIn("ids:[1, 2]")).isEmpty();
        assertThat(PreviewedMembers.fingerprint("ids:[1, 2]")).isEqualTo("ids:[1, 2]");
    }

    @Test
    void tellsOtherCustomersApartFromAsManyPreviewed() {
        PreviewedMembers previewed = PreviewedMembers.of(List.of(1L, 2L, 3L));

        assertThat(PreviewedMembers.of(List.of(1L, 2L, 3L))).isEqualTo(previewed);
        assertThat(PreviewedMembers.of(List.of(1L, 2L, 4L))).isNotEqualTo(previewed);
        assertThat(PreviewedMembers.of(List.of(1L, 2L, 4L)).count()).isEqualTo(previewed.count());
    }
}

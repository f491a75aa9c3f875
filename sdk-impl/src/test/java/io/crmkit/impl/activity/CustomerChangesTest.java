package io.crmkit.impl.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerStatus;
import io.crmkit.api.customer.Gender;
import io.crmkit.api.customer.Identity;
import io.crmkit.api.customer.IdentityType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerChangesTest {

    private static final Instant AT = Instant.parse("2026-05-01T00:00:00Z");

    private static Customer.Builder lan() {
        return Customer.builder().id(7).name("Lan").stage("lead").createdAt(AT).createdBy("a").updatedAt(AT)
                .updatedBy("a").version(1)
                .identities(List.of(new Identity(IdentityType.PHONE, "", "+84912000001", false)))
                .tags(List.of("vip")).custom(Map.of("tier", "gold"));
    }

    private static List<String> between(Customer before, Customer after) {
        return CustomerChanges.between(before, after).stream().map(change -> change.customerId() + " "
                + change.type() + " " + change.properties()).toList();
    }

    @Test
    void nothingChangedGivesNoEvent() {
        assertThat(between(lan().build(), lan().version(2).updatedAt(AT.plusSeconds(5)).updatedBy("b").build()))
                .isEmpty();
    }

    @Test
    void everyPlainFieldIsNamedOnceInOneEventAndItsValueNever() {
        Customer after = lan().name("Lan Tran").nickname("L").gender(Gender.FEMALE)
                .birthday(Optional.of(LocalDate.of(1990, 1, 2))).company("ACME")
                .address(new Address("VN", "Ha Noi", "Hanoi", "", "1 Trang Tien")).remark("r").source("fair")
                .custom(Map.of("tier", "platinum", "points", 3L)).build();
        List<String> events = between(lan().build(), after);
        assertThat(events).containsExactly("7 fields_changed {fields=[name, nickname, gender, birthday, company,"
                + " address, remark, source, custom.points, custom.tier]}");
        assertThat(events.toString()).doesNotContain("ACME", "Trang Tien", "platinum", "1990");
    }

    @Test
    void statusStageAndOwnerCarryFromAndTo() {
        Customer after = lan().status(CustomerStatus.ASSIGNED).stage("prospect").ownerId(Optional.of("agent-7"))
                .build();
        assertThat(between(lan().build(), after)).containsExactly(
                "7 status_changed {from=NEW, to=ASSIGNED}",
                "7 stage_changed {from=lead, to=prospect}",
                "7 assigned {from=null, to=agent-7}");
        assertThat(between(after, lan().ownerId(Optional.empty()).status(CustomerStatus.POOL).stage("prospect")
                .build())).containsExactly("7 status_changed {from=ASSIGNED, to=POOL}",
                "7 assigned {from=agent-7, to=null}");
    }

    @Test
    void tagsAndIdentitiesSayWhatWasAddedRemovedAndVerifiedByTypeOnly() {
        Customer after = lan().tags(List.of("new", "b2b"))
                .identities(List.of(new Identity(IdentityType.PHONE, "", "+84912000001", true),
                        new Identity(IdentityType.EMAIL, "", "lan@example.com", false))).build();
        List<String> events = between(lan().build(), after);
        assertThat(events).containsExactly(
                "7 tag_added {tags=[b2b, new]}",
                "7 tag_removed {tags=[vip]}",
                "7 identity_added {type=email}",
                "7 identity_verified {type=phone}");
        assertThat(between(after, lan().identities(List.of()).tags(List.of("new", "b2b")).build()))
                .containsExactly("7 identity_removed {type=phone}", "7 identity_removed {type=email}");
        assertThat(events.toString()).doesNotContain("lan@example.com", "+849");
    }
}

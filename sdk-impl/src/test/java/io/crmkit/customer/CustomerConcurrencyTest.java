package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.ConflictException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.Race;
import io.crmkit.testing.SerializableToo;
import io.crmkit.testing.TestDb;
import java.util.List;
import java.util.concurrent.Callable;

@SerializableToo
class CustomerConcurrencyTest {

    private static final int ROUNDS = 10;

    private static Callable<String> update(Crm crm, Customer customer, String writer) {
        return () -> {
            try {
                crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                        .remark(writer).company(writer + " co").build());
                return writer;
            } catch (ConflictException e) {
                return "conflict";
            }
        };
    }

    private static Callable<String> create(Crm crm, String phone) {
        return () -> {
            try {
                crm.customers().create(CustomerDraft.builder().phone(phone).build());
                return "created";
            } catch (ConflictException e) {
                return "conflict";
            }
        };
    }

    @DbTest
    void ofTwoUpdatesFromTheSameVersionExactlyOneWinsAndTheOtherIsAConflict(TestDb db) throws Exception {
        Crm crm = db.crm();
        for (int round = 0; round < ROUNDS; round++) {
            Customer customer = crm.customers().create(CustomerDraft.builder().name("Race " + round)
                    .remark("original").build());

            List<String> outcomes = Race.run(update(crm, customer, "left"), update(crm, customer, "right"));

            assertThat(outcomes).as("round %d", round).containsOnlyOnce("conflict");
            String winner = outcomes.stream().filter(outcome -> !outcome.equals("conflict")).findFirst().orElseThrow();
            Customer after = crm.customers().get(customer.id());
            assertThat(after.remark()).isEqualTo(winner);
            assertThat(after.company()).isEqualTo(winner + " co");
            assertThat(after.version()).isEqualTo(2);
        }
    }

    @DbTest
    void ofTwoCustomersCreatedConcurrentlyWithTheSamePhoneExactlyOneIsStored(TestDb db) throws Exception {
        Crm crm = db.crm();
        for (int round = 0; round < ROUNDS; round++) {
            String phone = "+8491200" + String.format("%04d", round);

            List<String> outcomes = Race.run(create(crm, phone), create(crm, phone));

            assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("created", "conflict");
        }
        assertThat(db.count("customer")).isEqualTo(ROUNDS);
        assertThat(db.count("identity")).isEqualTo(ROUNDS);
    }
}

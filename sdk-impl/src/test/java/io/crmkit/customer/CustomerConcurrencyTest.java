package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.ConflictException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class CustomerConcurrencyTest {

    private static final int ROUNDS = 10;

    @DbTest
    void ofTwoUpdatesFromTheSameVersionExactlyOneWinsAndTheOtherIsAConflict(TestDb db) throws Exception {
        Crm crm = db.crm();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Customer customer = crm.customers().create(CustomerDraft.builder().name("Race " + round)
                        .remark("original").build());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (String writer : List.of("left", "right")) {
                    results.add(threads.submit(() -> {
                        start.await();
                        try {
                            crm.customers().update(customer.id(), CustomerPatch.builder(customer.version())
                                    .remark(writer).company(writer + " co").build());
                            return writer;
                        } catch (ConflictException e) {
                            return "conflict";
                        }
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> result : results) {
                    outcomes.add(result.get(30, TimeUnit.SECONDS));
                }

                assertThat(outcomes).as("round %d", round).containsOnlyOnce("conflict");
                String winner = outcomes.stream().filter(outcome -> !outcome.equals("conflict")).findFirst()
                        .orElseThrow();
                Customer after = crm.customers().get(customer.id());
                assertThat(after.remark()).isEqualTo(winner);
                assertThat(after.company()).isEqualTo(winner + " co");
                assertThat(after.version()).isEqualTo(2);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @DbTest
    void ofTwoCustomersCreatedConcurrentlyWithTheSamePhoneExactlyOneIsStored(TestDb db) throws Exception {
        Crm crm = db.crm();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String phone = "+8491200" + String.format("%04d", round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    results.add(threads.submit(() -> {
                        start.await();
                        try {
                            crm.customers().create(CustomerDraft.builder().phone(phone).build());
                            return "created";
                        } catch (ConflictException e) {
                            return "conflict";
                        }
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> result : results) {
                    outcomes.add(result.get(30, TimeUnit.SECONDS));
                }
                assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("created", "conflict");
            }
            assertThat(db.count("customer")).isEqualTo(ROUNDS);
            assertThat(db.count("identity")).isEqualTo(ROUNDS);
        } finally {
            threads.shutdownNow();
        }
    }
}

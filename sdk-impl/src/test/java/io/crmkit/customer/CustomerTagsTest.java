package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.util.List;
import java.util.stream.IntStream;

@ShardedToo
class CustomerTagsTest {

    @DbTest
    void addsTrimmedTagsOnceAndKeepsThemSorted(TestDb db) {
        Crm crm = db.crm();
        Customer customer = crm.customers().create(CustomerDraft.builder().name("T").tag("vip").build());

        Customer tagged = crm.customers().addTags(customer.id(), List.of(" hanoi ", "vip", "b2b", "hanoi"));

        assertThat(tagged.tags()).containsExactly("b2b", "hanoi", "vip");
        assertThat(tagged.version()).isEqualTo(2);
        assertThat(db.count("tag")).isEqualTo(3);
    }

    @DbTest
    void removesTagsAndIgnoresTagsTheCustomerDoesNotHave(TestDb db) {
        Crm crm = db.crm();
        Customer customer = crm.customers().create(CustomerDraft.builder().name("T").tags(List.of("a", "b", "c"))
                .build());

        Customer untagged = crm.customers().removeTags(customer.id(), List.of("b", "zzz", " c "));

        assertThat(untagged.tags()).containsExactly("a");
    }

    @DbTest
    void tagsAreCaseSensitiveOnEveryDatabase(TestDb db) {
        Customer customer = db.crm().customers().create(CustomerDraft.builder().name("T").tag("VIP").build());

        assertThat(db.crm().customers().addTags(customer.id(), List.of("vip")).tags()).containsExactly("VIP", "vip");
    }

    @DbTest
    void refusesTagsPastTheLimitOfAHundredPerCustomerCountingExistingOnes(TestDb db) {
        Crm crm = db.crm();
        Customer customer = crm.customers().create(CustomerDraft.builder().name("T")
                .tags(IntStream.range(0, 99).mapToObj(i -> "t" + i).toList()).build());
        crm.customers().addTags(customer.id(), List.of("t0", "one-more"));

        assertThatThrownBy(() -> crm.customers().addTags(customer.id(), List.of("too-many")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 100 tags per customer, customer " + customer.id() + " has 100");
        assertThat(db.count("tag")).isEqualTo(100);
    }

    @DbTest
    void refusesABlankOrOverlongTagAndAddsNoneOfTheOthers(TestDb db) {
        Crm crm = db.crm();
        Customer customer = crm.customers().create(CustomerDraft.builder().name("T").build());

        assertThatThrownBy(() -> crm.customers().addTags(customer.id(), List.of("fine", " ", "x".repeat(65))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("tags[1]: a tag may not be blank")
                .hasMessageContaining("tags[2]: at most 64 characters, got 65");
        assertThat(crm.customers().get(customer.id()).tags()).isEmpty();
    }

    @DbTest
    void taggingAMissingCustomerIsNotFound(TestDb db) {
        assertThatThrownBy(() -> db.crm().customers().addTags(42L, List.of("x")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no customer 42");
        assertThat(db.count("tag")).isZero();
    }
}

package io.crmkit.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.filter.ListRow;
import io.crmkit.api.filter.ListView;
import io.crmkit.api.filter.Query;
import io.crmkit.api.filter.Sort;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.util.List;

class ListViewTest {

    @DbTest
    void aSearchThroughAViewReturnsJustItsColumnsInItsOrder(TestDb db) {
        Crm crm = db.crm();
        crm.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        crm.customers().create(CustomerDraft.builder().name("Lan").phone("+84912345678").tag("vip")
                .custom("points", 7).build());
        crm.customers().create(CustomerDraft.builder().name("Minh").build());
        crm.filters().views().save("Compact", List.of("points", "name", "phones", "tags", "birthday"));

        List<ListRow> rows = crm.filters().searchView(Query.all().sortedBy(Sort.asc("name")), "Compact").items();

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).containsExactly(
                org.assertj.core.api.Assertions.entry("points", 7L),
                org.assertj.core.api.Assertions.entry("name", "Lan"),
                org.assertj.core.api.Assertions.entry("phones", List.of("+84912345678")),
                org.assertj.core.api.Assertions.entry("tags", List.of("vip")),
                org.assertj.core.api.Assertions.entry("birthday", ""));
        assertThat(rows.get(1).values()).containsEntry("points", "").containsEntry("phones", List.of());
    }

    @DbTest
    void eachActorHasViewsOfItsOwnAndSavingAgainReplaces(TestDb db) {
        Crm agentOne = db.crm();
        Crm agentTwo = db.kit().as(Actor.of(db.tenant(), "agent-two", Permission.READ));
        agentOne.filters().views().save("Mine", List.of("name"));
        ListView replaced = agentOne.filters().views().save("Mine", List.of("name", "company"));

        assertThat(agentOne.filters().views().list()).containsExactly(replaced);
        assertThat(replaced.columns()).containsExactly("name", "company");
        assertThat(agentTwo.filters().views().list()).isEmpty();
        assertThatThrownBy(() -> agentTwo.filters().searchView(Query.all(), "Mine"))
                .isInstanceOf(NotFoundException.class);

        agentOne.filters().views().delete("Mine");
        agentOne.filters().views().delete("Mine");
        assertThat(agentOne.filters().views().find("Mine")).isEmpty();
    }

    @DbTest
    void refusesUnknownRepeatedOrTooManyColumns(TestDb db) {
        Crm crm = db.crm();

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> crm.filters().views()
                .save("Bad", List.of("name", "shoe_size", "name", "password")));

        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("columns[1]", "unknown_field"),
                org.assertj.core.groups.Tuple.tuple("columns[2]", "duplicate"),
                org.assertj.core.groups.Tuple.tuple("columns[3]", "unknown_field"));
        assertThatThrownBy(() -> crm.filters().views().save("Empty", List.of()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.filters().views().save(" ", List.of("name")))
                .isInstanceOf(ValidationException.class);
        assertThat(crm.filters().views().list()).isEmpty();
    }
}

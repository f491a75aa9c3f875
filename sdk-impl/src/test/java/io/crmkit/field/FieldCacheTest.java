package io.crmkit.field;

import static io.crmkit.field.FieldFixtures.createWith;
import static io.crmkit.field.FieldFixtures.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.Actor;
import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.field.FieldUpdate;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.TestDb;
import java.math.BigDecimal;
import java.util.List;

/**
 * Definitions are cached per kit: a change made through the kit must be seen at once by every Crm the kit
 * hands out, also one made after the change and one that had read the definitions before it.
 */
class FieldCacheTest {

    /** A fresh Crm of the test's kit and tenant, as another request of the host would get it. */
    private static Crm freshCrm(TestDb db, String actorId) {
        return db.kit().as(Actor.of(db.tenant(), actorId, Permission.ALL));
    }

    @DbTest
    void aNewCrmSeesALoweredMaximumAtOnce(TestDb db) {
        Crm admin = freshCrm(db, "admin");
        admin.fields().define(FieldDraft.builder("points", FieldType.NUMBER).max(100).build());
        createWith(freshCrm(db, "agent"), "points", 50);

        admin.fields().update("points", FieldUpdate.of(1).withMax(BigDecimal.valueOf(40)));
        FieldError error = onlyError(db, () -> createWith(freshCrm(db, "agent"), "points", 50));

        assertThat(error).extracting(FieldError::field, FieldError::code)
                .containsExactly("custom.points", "out_of_range");
        assertThat(freshCrm(db, "agent").fields().find("points").orElseThrow().max())
                .hasValueSatisfying(max -> assertThat(max).isEqualByComparingTo("40"));
    }

    @DbTest
    void aNewCrmSeesANewFieldAtOnce(TestDb db) {
        Crm admin = freshCrm(db, "admin");
        freshCrm(db, "agent").customers().create(CustomerDraft.builder().name("warms the cache").build());

        admin.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());

        assertThat(createWith(freshCrm(db, "agent"), "points", 5).custom()).containsEntry("points", 5L);
    }

    @DbTest
    void aCrmThatReadTheDefinitionsBeforeSeesAChangeAtOnce(TestDb db) {
        Crm admin = freshCrm(db, "admin");
        Crm agent = freshCrm(db, "agent");
        admin.fields().define(FieldDraft.builder("tier", FieldType.SINGLE_CHOICE).options("gold").build());
        createWith(agent, "tier", "gold");

        admin.fields().update("tier", FieldUpdate.of(1).withOptions(List.of("gold", "silver")));

        assertThat(createWith(agent, "tier", "silver").custom()).containsEntry("tier", "silver");
        assertThat(agent.fields().find("tier").orElseThrow().options()).containsExactly("gold", "silver");
    }

    @DbTest
    void aNewCrmSeesARetirementAtOnce(TestDb db) {
        Crm admin = freshCrm(db, "admin");
        admin.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());
        long id = createWith(freshCrm(db, "agent"), "points", 5).id();

        admin.fields().retire("points");

        assertThat(freshCrm(db, "agent").customers().get(id).custom()).isEmpty();
        assertThat(onlyError(db, () -> createWith(freshCrm(db, "agent"), "points", 5)).code()).isEqualTo("not_allowed");
        assertThat(freshCrm(db, "agent").fields().list()).isEmpty();
    }

    @DbTest
    void aRefusedDefinitionLeavesTheCachedDefinitionsIntact(TestDb db) {
        Crm admin = freshCrm(db, "admin");
        admin.fields().define(FieldDraft.builder("points", FieldType.NUMBER).build());

        FieldFixtures.refusal(db, () -> admin.fields().define(FieldDraft.builder("points_2", FieldType.NUMBER)
                .maxLength(3).build()));

        assertThat(freshCrm(db, "agent").fields().list()).hasSize(1);
        assertThat(createWith(freshCrm(db, "agent"), "points", 1).custom()).containsEntry("points", 1L);
    }
}

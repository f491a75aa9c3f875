package io.crmkit.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.customer.Address;
import io.crmkit.api.customer.Customer;
import io.crmkit.api.customer.CustomerDraft;
import io.crmkit.api.customer.CustomerPatch;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.api.field.FieldDraft;
import io.crmkit.api.field.FieldType;
import io.crmkit.api.merge.FieldOutcome;
import io.crmkit.api.merge.FieldOutcome.Side;
import io.crmkit.api.merge.MergeConflictException;
import io.crmkit.api.merge.MergeOptions;
import io.crmkit.api.merge.MergePreview;
import io.crmkit.api.merge.MergeResult;
import io.crmkit.api.merge.Survivorship;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ShardedToo
class MergeTest {

    /** Lan (survivor) and her duplicate: different phones, emails, tags, groups, and some fields set on one only. */
    static Customer[] pair(Crm crm) {
        crm.fields().define(FieldDraft.builder("level", FieldType.TEXT).build());
        crm.fields().define(FieldDraft.builder("note", FieldType.TEXT).build());
        Customer lan = crm.customers().create(CustomerDraft.builder().name("Nguyễn Thị Lan").phone("0912000001")
                .tag("vip").tag("shared").custom("level", "gold").build());
        Customer dup = crm.customers().create(CustomerDraft.builder().name("Lan Nguyen").phone("0912000002")
                .email("lan@x.vn").company("Lotus Trading").address(Address.of("VN", "Hanoi", "", "", ""))
                .tag("new").tag("shared").custom("level", "silver").custom("note", "call after 5pm").build());
        return new Customer[] {lan, dup};
    }

    private static Map<String, FieldOutcome> byField(MergePreview preview) {
        return preview.fields().stream().collect(Collectors.toMap(FieldOutcome::field, Function.identity()));
    }

    @DbTest
    void aPreviewShowsEachFieldsSourceAndTheResultWithoutWriting(TestDb db) {
        Crm crm = db.crm();
        Customer[] pair = pair(crm);

        MergePreview preview = crm.merges().preview(pair[0].id(), pair[1].id(), MergeOptions.defaults());

        Map<String, FieldOutcome> fields = byField(preview);
        assertThat(fields.get("name").source()).isEqualTo(Side.SURVIVOR);
        assertThat(fields.get("name").differed()).isTrue();
        assertThat(fields.get("company").source()).isEqualTo(Side.MERGED);
        assertThat(fields.get("company").value()).isEqualTo("Lotus Trading");
        assertThat(fields.get("company").differed()).isFalse();
        assertThat(fields.get("level").value()).isEqualTo("gold");
        assertThat(fields.get("note").source()).isEqualTo(Side.MERGED);
        assertThat(preview.mergeable()).isTrue();
        Customer result = preview.result();
        assertThat(result.id()).isEqualTo(pair[0].id());
        assertThat(result.phones()).containsExactly("+84912000001", "+84912000002");
        assertThat(result.emails()).containsExactly("lan@x.vn");
        assertThat(result.tags()).containsExactly("new", "shared", "vip");
        assertThat(result.company()).isEqualTo("Lotus Trading");
        assertThat(result.address().province()).isEqualTo("Hanoi");
        assertThat(result.custom()).containsEntry("level", "gold").containsEntry("note", "call after 5pm");
        assertThat(crm.customers().get(pair[1].id()).version()).isEqualTo(pair[1].version());
        assertThat(crm.customers().get(pair[0].id()).version()).isEqualTo(pair[0].version());
    }

    @DbTest
    void aMergeMovesIdentitiesTagsGroupsAndChosenValuesAndTheMergedCustomerDisappears(TestDb db) {
        Crm crm = db.crm();
        Customer[] pair = pair(crm);
        long vips = crm.filters().groups().create("VIPs").id();
        long hanoi = crm.filters().groups().create("Hanoi").id();
        crm.filters().groups().add(vips, List.of(pair[0].id(), pair[1].id()));
        crm.filters().groups().add(hanoi, List.of(pair[1].id()));

        MergeResult result = crm.merges().merge(pair[0].id(), pair[1].id(), MergeOptions.builder()
                .field("name", Survivorship.MERGED).field("level", Survivorship.MERGED).build());

        Customer lan = crm.customers().get(pair[0].id());
        assertThat(result.survivor()).isEqualTo(lan);
        assertThat(result.mergedIds()).containsExactly(pair[1].id());
        assertThat(lan.name()).isEqualTo("Lan Nguyen");
        assertThat(lan.company()).isEqualTo("Lotus Trading");
        assertThat(lan.phones()).containsExactly("+84912000001", "+84912000002");
        assertThat(lan.emails()).containsExactly("lan@x.vn");
        assertThat(lan.tags()).containsExactly("new", "shared", "vip");
        assertThat(lan.custom()).containsEntry("level", "silver").containsEntry("note", "call after 5pm");
        assertThat(lan.version()).isGreaterThan(pair[0].version());
        assertThat(crm.customers().find(pair[1].id())).isEmpty();
        assertThat(crm.customers().findByEmail("lan@x.vn")).map(Customer::id).contains(lan.id());
        assertThat(crm.filters().groups().members(hanoi, io.crmkit.api.filter.Query.all()).items())
                .extracting(Customer::id).containsExactly(lan.id());
        assertThat(crm.filters().groups().members(vips, io.crmkit.api.filter.Query.all()).items())
                .extracting(Customer::id).containsExactly(lan.id());
        assertThat(crm.merges().history(lan.id())).singleElement().satisfies(record -> {
            assertThat(record.id()).isEqualTo(result.mergeIds().get(0));
            assertThat(record.mergedId()).isEqualTo(pair[1].id());
            assertThat(record.undoneAt()).isEmpty();
        });
        assertThat(db.column("SELECT action FROM crm_audit WHERE tenant_id = ? AND subject_id = ? ORDER BY id",
                db.tenant(), pair[1].id())).endsWith("customer.merged");
        assertThat(db.column("SELECT detail FROM crm_audit WHERE tenant_id = ? AND action = 'customer.merge'",
                db.tenant())).singleElement().asString().contains(String.valueOf(pair[1].id()))
                .doesNotContain("Lotus");
        assertThatThrownBy(() -> crm.merges().merge(pair[0].id(), pair[1].id(), MergeOptions.defaults()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("was merged into customer " + lan.id());
    }

    @DbTest
    void newestTakesTheValuesOfTheLastUpdatedCustomer(TestDb db) {
        Crm crm = db.crm();
        Customer[] pair = pair(crm);
        crm.customers().update(pair[1].id(), CustomerPatch.builder(pair[1].version()).remark("updated last").build());

        Customer lan = crm.merges().merge(pair[0].id(), pair[1].id(), MergeOptions.builder()
                .defaultRule(Survivorship.NEWEST).field("level", Survivorship.SURVIVOR).build()).survivor();

        assertThat(lan.name()).isEqualTo("Lan Nguyen");
        assertThat(lan.remark()).isEqualTo("updated last");
        assertThat(lan.custom()).containsEntry("level", "gold");
    }

    @DbTest
    void conflictingIdentitiesRefuseTheMergeAndChangeNothing(TestDb db) {
        Crm crm = db.crm();
        Customer a = crm.customers().create(CustomerDraft.builder().name("A").externalId("ERP-1").phone("0912000011")
                .phone("0912000012").build());
        Customer b = crm.customers().create(CustomerDraft.builder().name("B").externalId("ERP-2").phone("0912000013")
                .phone("0912000014").build());

        assertThat(crm.merges().preview(a.id(), b.id(), MergeOptions.defaults()).conflicts())
                .extracting(conflict -> conflict.field()).containsExactly("externalId", "phones");
        MergeConflictException e = catchThrowableOfType(MergeConflictException.class,
                () -> crm.merges().merge(a.id(), b.id(), MergeOptions.defaults()));

        assertThat(e.conflicts()).hasSize(2);
        assertThat(e.conflicts().get(0).values()).containsExactly("ERP-1", "ERP-2");
        assertThat(e.getMessage()).contains("externalId").contains("at most 3");
        assertThat(crm.customers().get(a.id())).isEqualTo(a);
        assertThat(crm.customers().get(b.id())).isEqualTo(b);
        assertThat(crm.merges().history(a.id())).isEmpty();
    }

    @DbTest
    void aClusterMergesInOneTransactionAndAConflictAnywhereChangesNothing(TestDb db) {
        Crm crm = db.crm();
        Customer a = crm.customers().create(CustomerDraft.builder().name("A").phone("0912000021").build());
        Customer b = crm.customers().create(CustomerDraft.builder().name("B").email("b@x.vn").build());
        Customer c = crm.customers().create(CustomerDraft.builder().name("C").wechatOpenId("wx-c").build());
        Customer d = crm.customers().create(CustomerDraft.builder().name("D").wechatOpenId("wx-d").build());

        assertThatThrownBy(() -> crm.merges().merge(a.id(), List.of(b.id(), c.id(), d.id()),
                MergeOptions.defaults())).isInstanceOf(MergeConflictException.class).hasMessageContaining("wechatOpenId");
        assertThat(List.of(a, b, c, d)).allSatisfy(customer ->
                assertThat(crm.customers().get(customer.id())).isEqualTo(customer));

        MergeResult result = crm.merges().merge(a.id(), List.of(b.id(), c.id()), MergeOptions.defaults());

        assertThat(result.mergeIds()).hasSize(2);
        assertThat(result.survivor().emails()).containsExactly("b@x.vn");
        assertThat(result.survivor().wechatOpenId()).contains("wx-c");
        assertThat(crm.customers().find(b.id())).isEmpty();
        assertThat(crm.customers().find(c.id())).isEmpty();
    }

    @DbTest
    void badRequestsGetClearErrors(TestDb db) {
        Crm crm = db.crm();
        Customer[] pair = pair(crm);
        assertThatThrownBy(() -> crm.merges().merge(pair[0].id(), pair[0].id(), MergeOptions.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be merged into itself");
        assertThatThrownBy(() -> crm.merges().merge(pair[0].id(), List.of(), MergeOptions.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1 to 50");
        assertThatThrownBy(() -> crm.merges().merge(pair[0].id(), List.of(pair[1].id(), pair[1].id()),
                MergeOptions.defaults())).isInstanceOf(ValidationException.class).hasMessageContaining("twice");
        ValidationException unknown = catchThrowableOfType(ValidationException.class, () -> crm.merges().preview(
                pair[0].id(), pair[1].id(), MergeOptions.builder().field("id", Survivorship.MERGED)
                        .field("phones", Survivorship.MERGED).build()));
        assertThat(unknown.errors()).extracting(error -> error.field())
                .containsExactlyInAnyOrder("overrides.id", "overrides.phones");
        assertThatThrownBy(() -> crm.merges().merge(pair[0].id(), 42L, MergeOptions.defaults()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no customer 42");
        assertThatThrownBy(() -> db.otherTenant().merges().preview(pair[0].id(), pair[1].id(),
                MergeOptions.defaults())).isInstanceOf(NotFoundException.class);
        assertThat(crm.customers().get(pair[0].id())).isEqualTo(pair[0]);
    }

    @DbTest
    void needsTheMergePermission(TestDb db) {
        Customer[] pair = pair(db.crm());
        Crm reader = db.crm(io.crmkit.api.Permission.READ);
        assertThat(reader.merges().preview(pair[0].id(), pair[1].id(), MergeOptions.defaults()).mergeable()).isTrue();
        assertThatThrownBy(() -> reader.merges().merge(pair[0].id(), pair[1].id(), MergeOptions.defaults()))
                .isInstanceOf(io.crmkit.api.error.PermissionDeniedException.class).hasMessageContaining("MERGE");
        assertThatThrownBy(() -> reader.merges().undo(1L))
                .isInstanceOf(io.crmkit.api.error.PermissionDeniedException.class);
        assertThat(db.crm().customers().find(pair[1].id())).isPresent();
    }
}

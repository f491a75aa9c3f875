package io.crmkit.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crmkit.api.Crm;
import io.crmkit.api.Permission;
import io.crmkit.api.activity.Link;
import io.crmkit.api.activity.Links;
import io.crmkit.api.error.ConflictException;
import io.crmkit.api.error.FieldError;
import io.crmkit.api.error.LimitExceededException;
import io.crmkit.api.error.NotFoundException;
import io.crmkit.api.error.PermissionDeniedException;
import io.crmkit.api.error.ValidationException;
import io.crmkit.testing.DbTest;
import io.crmkit.testing.ShardedToo;
import io.crmkit.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

@ShardedToo
class LinkTest {

    @DbTest
    void addsListsOldestFirstAndRemovesLinks(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        Links links = crm.activities().links();

        Link ticket = links.add(lan, "ticket", " T-100 ", " Refund request ");
        Link contract = links.add(lan, "contract", "C-9", "");
        Link sameIdOtherType = links.add(lan, "contract", "T-100", "");

        assertThat(ticket.externalId()).isEqualTo("T-100");
        assertThat(ticket.label()).isEqualTo("Refund request");
        assertThat(ticket.createdBy()).isEqualTo("agent-1");
        assertThat(links.of(lan)).containsExactly(ticket, contract, sameIdOtherType);
        assertThat(links.remove(contract.id())).isTrue();
        assertThat(links.remove(contract.id())).isFalse();
        assertThat(links.of(lan)).containsExactly(ticket, sameIdOtherType);
        assertThat(db.column("SELECT action FROM crm_audit WHERE tenant_id = ? AND subject_type = 'link' ORDER BY id",
                db.tenant())).containsExactly("link.add", "link.add", "link.add", "link.remove");
    }

    @DbTest
    void aSecondLinkToTheSameObjectIsAConflict(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        long minh = TaskTest.customer(crm, "Minh");
        Link first = crm.activities().links().add(lan, "ticket", "T-1", "first");

        ConflictException e = catchThrowableOfType(ConflictException.class,
                () -> crm.activities().links().add(lan, "ticket", "T-1", "again"));

        assertThat(e.getMessage()).contains("ticket 'T-1'");
        assertThat(e.conflictingId()).hasValue(first.id());
        assertThat(crm.activities().links().add(minh, "ticket", "T-1", "").customerId()).isEqualTo(minh);
        assertThat(crm.activities().links().add(lan, "ticket", "t-1", "").externalId())
                .as("external ids compare exactly").isEqualTo("t-1");
        assertThat(crm.activities().links().of(lan)).hasSize(2);
    }

    @DbTest
    void refusesBadInputNamingEveryProblemAndWritesNothing(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        Links links = crm.activities().links();

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> links.add(lan, "Ticket", " ", "x".repeat(201)));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("type", "externalId", "label");
        assertThat(e.getMessage()).contains("a-z 0-9 _ -").contains("at most 200 characters, got 201");
        for (String type : new String[] {"", "a".repeat(41), "tick et", "ticket;drop", "tïcket"}) {
            assertThatThrownBy(() -> links.add(lan, type, "1", "")).as(type).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("type");
        }
        assertThatThrownBy(() -> links.add(lan, "ticket", "x".repeat(256), "")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("externalId: at most 255");
        assertThatThrownBy(() -> links.add(lan, "ticket", "T-1", "line\nbreak"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("label");
        assertThat(db.count("customer_link")).isZero();
        assertThat(links.add(lan, "a".repeat(40), "😀".repeat(255), "😀".repeat(200)).type()).hasSize(40);
        assertThat(links.of(lan).get(0).externalId()).isEqualTo("😀".repeat(255));
    }

    @DbTest
    void needsALiveCustomerOfTheTenantAndItsPermissions(TestDb db) {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        long gone = TaskTest.customer(crm, "Gone");
        Link ofGone = crm.activities().links().add(gone, "ticket", "G", "");
        crm.customers().delete(gone);
        Link mine = crm.activities().links().add(lan, "ticket", "T-1", "");

        assertThatThrownBy(() -> crm.activities().links().add(gone, "ticket", "T-2", ""))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no customer " + gone);
        assertThatThrownBy(() -> crm.activities().links().of(424242L)).isInstanceOf(NotFoundException.class);
        assertThat(crm.activities().links().remove(ofGone.id())).isFalse();
        assertThatThrownBy(() -> db.otherTenant().activities().links().of(lan)).isInstanceOf(NotFoundException.class);
        assertThat(db.otherTenant().activities().links().remove(mine.id())).isFalse();
        assertThatThrownBy(() -> db.crm(Permission.READ).activities().links().remove(mine.id()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("WRITE");
        assertThatThrownBy(() -> db.crm(Permission.READ).activities().links().add(lan, "ticket", "T-3", ""))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("WRITE");
        assertThatThrownBy(() -> db.crm(Permission.WRITE).activities().links().of(lan))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("READ");
        assertThat(db.crm(Permission.READ).activities().links().of(lan)).containsExactly(mine);
        assertThat(db.count("customer_link")).isEqualTo(2);
    }

    @DbTest
    void refusesALinkPastTheLimitPerCustomer(TestDb db) throws SQLException {
        Crm crm = db.crm();
        long lan = TaskTest.customer(crm, "Lan");
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_customer_link (tenant_id, id,"
                     + " customer_id, link_type, external_id, label, created_at, created_by) VALUES (?, ?, ?, 'ticket',"
                     + " ?, '', CURRENT_TIMESTAMP, 'test')")) {
            for (int i = 1; i < Links.MAX_PER_CUSTOMER; i++) {
                insert.setString(1, db.tenant());
                insert.setLong(2, i);
                insert.setLong(3, lan);
                insert.setString(4, "T-" + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        crm.activities().links().add(lan, "ticket", "last", "");

        LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
                () -> crm.activities().links().add(lan, "ticket", "one too many", ""));

        assertThat(e.getMessage()).contains("at most 1000");
        assertThat(e.limit()).isEqualTo(1000);
        assertThat(crm.activities().links().of(lan)).hasSize(1000);
    }
}

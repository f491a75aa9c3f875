package io.crmkit.impl.bulk;

import io.crmkit.api.Actor;
import io.crmkit.api.bulk.BulkJob;
import io.crmkit.api.bulk.DeletePreview;
import io.crmkit.api.bulk.Selection;
import io.crmkit.api.error.ValidationException;
import io.crmkit.impl.db.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The confirmations of bulk deletes: a preview stores a PENDING job holding a random token bound to its selection
 * (and, for a query, to the customers it counted); a delete must carry that token, once, within
 * {@link #TOKEN_VALIDITY}. Thread-safe.
 */
final class DeleteTokens {

    /** How long a delete preview's token is accepted. */
    static final Duration TOKEN_VALIDITY = Duration.ofMinutes(15);
    private static final SecureRandom TOKENS = new SecureRandom();

    private final BulkJobRows jobs;
    private final Selections selections;
    private final IdGenerator ids;
    private final Clock clock;

    DeleteTokens(BulkJobRows jobs, Selections selections, IdGenerator ids, Clock clock) {
        this.jobs = jobs;
        this.selections = selections;
        this.ids = ids;
        this.clock = clock;
    }

    /** Counts the selection and stores its pending delete. */
    DeletePreview preview(Actor actor, Selection selection) {
        long count = selections.count(selection);
        Selections.requireWithinLimit(count, Selections.DELETE);
        String bound = Selections.fingerprint(selection);
        if (!selection.byIds()) {
            List<Long> members = selections.members(selection, count);
            count = members.size();
            bound = PreviewedMembers.of(members).after(bound);
        }
        byte[] random = new byte[16];
        TOKENS.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        jobs.insertPending(actor.tenantId(), ids.next(), actor.actorId(), bound, token, count);
        return new DeletePreview(count, token, clock.instant().plus(TOKEN_VALIDITY), DeletePreview.STATEMENT);
    }

    /**
     * @return the pending delete the token confirms for this actor and selection
     * @throws ValidationException on {@code token} when it is unknown, of another actor, expired, of another
     *                             selection, or used
     */
    BulkJobRows.Pending pending(Actor actor, String token, Selection selection) {
        BulkJobRows.Pending row = jobs.findByToken(actor.tenantId(), token).orElseThrow(() -> ValidationException.of("token",
                "invalid", "token: not a delete confirmation of this tenant; preview the delete first"));
        if (!row.job().actorId().equals(actor.actorId())) {
            throw ValidationException.of("token", "invalid", "token: the delete was previewed by another actor");
        }
        if (row.job().createdAt().plus(TOKEN_VALIDITY).isBefore(clock.instant())) {
            throw ValidationException.of("token", "expired", "token: the preview is older than "
                    + TOKEN_VALIDITY.toMinutes() + " minutes; preview the delete again");
        }
        if (!PreviewedMembers.fingerprint(row.selection()).equals(Selections.fingerprint(selection))) {
            throw ValidationException.of("token", "invalid", "token: it confirms a different selection; preview this"
                    + " one");
        }
        if (row.job().state() != BulkJob.State.PENDING) {
            throw used();
        }
        return row;
    }

    static ValidationException used() {
        return ValidationException.of("token", "used", "token: this confirmation was used already; preview the"
                + " delete again");
    }

    /**
     * Refuses a delete whose query matches other customers than its preview counted: the token confirms the
     * customers the actor saw, not whoever matches later.
     */
    static void requireSameMembers(PreviewedMembers previewed, List<Long> members) {
        if (previewed.count() != members.size()) {
            throw ValidationException.of("token", "changed", "token: the customers of the selection changed since the"
                    + " preview (" + previewed.count() + " previewed, " + members.size() + " now); preview the delete"
                    + " again");
        }
        if (!previewed.equals(PreviewedMembers.of(members))) {
            throw ValidationException.of("token", "changed", "token: other customers match the selection than at the"
                    + " preview (" + previewed.count() + " previewed, as many now but not the same); preview the"
                    + " delete again");
        }
    }
}

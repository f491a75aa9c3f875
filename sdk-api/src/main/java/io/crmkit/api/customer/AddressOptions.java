package io.crmkit.api.customer;

import io.crmkit.api.error.ValidationException;
import java.util.List;

/**
 * What an {@link AddressDirectory} accepts one level below a path: the entries a UI offers in a drop-down, and
 * whether it may also take free text.
 *
 * <p>A level is <em>open</em> when the directory holds no data for it (the built-in directory knows the countries
 * and nothing below them; a loaded directory is open below an entry it lists no children for). An open level
 * takes any text, and so does every level below it: a UI shows a text box there instead of a drop-down.
 *
 * @param options the entries of the level in the directory's order (as loaded, or by name); empty when the level
 *                is open and the directory has no suggestions
 * @param open    true when any text is accepted at this level and below; false when only {@code options} are
 */
public record AddressOptions(List<AddressOption> options, boolean open) {

    /** An open level without suggestions: any text is accepted here and below. */
    public static final AddressOptions OPEN = new AddressOptions(List.of(), true);

    /**
     * @param options the entries of the level; copied; not null, no null element
     * @param open    whether free text is accepted at this level and below
     * @throws ValidationException on {@code options} (or {@code options[index]}), code {@code required}, for a
     *                             null list or element
     */
    public AddressOptions {
        options = ValidationException.requireNoNulls(options, "options");
    }
}

package io.crmkit.api.activity;

import io.crmkit.api.error.ValidationException;
import java.math.BigDecimal;

/**
 * One line of an order. Checked when the order is created: sku 0 to 64 and name 1 to 200 characters, a positive
 * quantity and a unit price of zero or more, each with at most 4 decimals and 20 digits before the point, and an
 * amount (quantity times unit price) of at most 4 decimals. Texts are trimmed.
 *
 * @param sku       the host's product code; may be ""
 * @param name      what was bought
 * @param quantity  how many
 * @param unitPrice the price of one, in the order's currency
 */
public record OrderLine(String sku, String name, BigDecimal quantity, BigDecimal unitPrice) {

    /**
     * Checks for nulls; the limits in the type's description are checked when the order is created, on field
     * {@code lines[index]} ({@code lines[index].sku}, {@code lines[index].name} for the texts).
     *
     * @param sku       the host's product code, 0 to 64 characters; may be ""; not null
     * @param name      what was bought, 1 to 200 characters; not null
     * @param quantity  how many, more than zero; not null
     * @param unitPrice the price of one, zero or more; not null
     * @throws ValidationException on field {@code sku}, {@code name}, {@code quantity} or {@code unitPrice}, code
     *                             {@code required}, when it is null
     */
    public OrderLine {
        ValidationException.requireNonNull(sku, "sku");
        ValidationException.requireNonNull(name, "name");
        ValidationException.requireNonNull(quantity, "quantity");
        ValidationException.requireNonNull(unitPrice, "unitPrice");
    }

    /** @return quantity times unit price */
    public BigDecimal amount() {
        return quantity.multiply(unitPrice);
    }
}

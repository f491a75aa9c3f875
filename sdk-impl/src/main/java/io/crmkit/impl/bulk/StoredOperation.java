package io.crmkit.impl.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.api.bulk.BulkOperation;

/**
 * How one kind of bulk operation is stored with its submitted job: its parameters as JSON, read back to an equal
 * operation. One per permitted class of {@link BulkOperation}, registered in {@link StoredOperations}.
 *
 * @param <O> the operation's class
 */
interface StoredOperation<O extends BulkOperation> {

    /** @return the operation's name, as {@link BulkOperation#name()} gives it for its class */
    String name();

    /**
     * @return the operation's parameters
     * @throws io.crmkit.api.error.ValidationException when a value cannot be stored (a type no field takes)
     */
    ObjectNode write(O operation);

    /**
     * @param parameters what {@link #write} wrote
     * @return an operation equal to the one written
     * @throws UnreadableBulkRequest when the parameters describe none
     */
    O read(JsonNode parameters);
}

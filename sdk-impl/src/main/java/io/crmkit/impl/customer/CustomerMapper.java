package io.crmkit.impl.customer;

import io.crmkit.impl.field.CustomValueRow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of customers, identities, tags and custom values; statements in CustomerMapper.xml. */
interface CustomerMapper {

    /** A single typed parameter (no {@code @Param}) lets MyBatis pick type handlers once, not per call. */
    void insert(CustomerRow row);

    /** @return 1 when the row still had {@code expectedVersion}, else 0 */
    int update(@Param("r") CustomerRow row, @Param("expectedVersion") long expectedVersion);

    /** Bumps version and update stamp after a change to identities or tags; @return rows changed */
    int touch(@Param("tenantId") String tenantId, @Param("id") long id, @Param("at") Instant at,
              @Param("by") String by);

    /** @return rows changed: 0 when the customer's status is not one of {@code from} */
    int changeStatus(@Param("tenantId") String tenantId, @Param("id") long id, @Param("to") String to,
                     @Param("ownerId") String ownerId, @Param("from") Collection<String> from,
                     @Param("at") Instant at, @Param("by") String by);


    /** Removes the customer from every group. */

    CustomerRow find(@Param("tenantId") String tenantId, @Param("id") long id);

    /** @return the version, or null when there is no such customer */
    Long version(@Param("tenantId") String tenantId, @Param("id") long id);

    /** Locks the customer row until the transaction ends. @return its version, or null when there is none */
    Long lock(@Param("tenantId") String tenantId, @Param("id") long id);

    List<IdentityRow> identities(@Param("tenantId") String tenantId, @Param("customerId") long customerId);

    List<String> tags(@Param("tenantId") String tenantId, @Param("customerId") long customerId);

    List<CustomValueRow> customValues(@Param("tenantId") String tenantId, @Param("customerId") long customerId);

    Long customerOfIdentity(@Param("tenantId") String tenantId, @Param("idType") String idType,
                            @Param("idValue") String idValue);

    /** @return the stored rows among {@code keys} (matched on type and value) */
    List<IdentityRow> findIdentities(@Param("tenantId") String tenantId, @Param("keys") Collection<IdentityRow> keys);

    /** One identity, tenant, customer and time set; in a batch session, consecutive calls are one JDBC batch. */
    void insertIdentity(IdentityRow row);

    /** One tag; in a batch session, consecutive calls are one JDBC batch. */
    void insertTag(TagRow row);

    /** One custom value, tenant and customer set; in a batch session, consecutive calls are one JDBC batch. */
    void insertCustomValue(CustomValueRow row);

    void insertIdentities(@Param("tenantId") String tenantId, @Param("customerId") long customerId,
                          @Param("rows") List<IdentityRow> rows, @Param("at") Instant at);

    int deleteIdentities(@Param("tenantId") String tenantId, @Param("customerId") long customerId);

    int markVerified(@Param("tenantId") String tenantId, @Param("customerId") long customerId,
                     @Param("idType") String idType, @Param("idValue") String idValue);

    void insertTags(@Param("tenantId") String tenantId, @Param("customerId") long customerId,
                    @Param("tags") Collection<String> tags, @Param("at") Instant at);

    int deleteTags(@Param("tenantId") String tenantId, @Param("customerId") long customerId,
                   @Param("tags") Collection<String> tags);


    void insertCustomValues(@Param("tenantId") String tenantId, @Param("customerId") long customerId,
                            @Param("rows") List<CustomValueRow> rows);

    /** Deletes the values of the given fields, or of every field when {@code fieldIds} is null. */
    int deleteCustomValues(@Param("tenantId") String tenantId, @Param("customerId") long customerId,
                           @Param("fieldIds") Collection<Long> fieldIds);
}

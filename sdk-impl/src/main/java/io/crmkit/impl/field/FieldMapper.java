package io.crmkit.impl.field;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of the field table; statements in FieldMapper.xml. */
public interface FieldMapper {

    void insert(@Param("r") FieldRow row);

    /** @return 1 when the row still had {@code expectedVersion}, else 0 */
    int update(@Param("r") FieldRow row, @Param("expectedVersion") long expectedVersion);

    List<FieldRow> findAll(@Param("tenantId") String tenantId);

    /**
     * Locks the tenant's active fields until the transaction ends, so that two concurrent defines count one
     * after the other. Count with {@link #countActive} afterwards: a locking read returns the rows of the
     * snapshot it started with, while a new statement sees what the other define committed.
     */
    List<Long> lockActive(@Param("tenantId") String tenantId);

    int countActive(@Param("tenantId") String tenantId);
}

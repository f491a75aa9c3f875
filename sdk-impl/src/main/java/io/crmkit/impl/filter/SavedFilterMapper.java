package io.crmkit.impl.filter;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of saved filters; statements in SavedFilterMapper.xml. */
interface SavedFilterMapper {

    void insert(@Param("r") SavedFilterRow row);

    /** @return 1 when the row still had {@code expectedVersion}, else 0 */
    int update(@Param("r") SavedFilterRow row, @Param("expectedVersion") long expectedVersion);

    int delete(@Param("tenantId") String tenantId, @Param("id") long id);

    SavedFilterRow find(@Param("tenantId") String tenantId, @Param("id") long id);

    List<SavedFilterRow> list(@Param("tenantId") String tenantId);

    int count(@Param("tenantId") String tenantId);

    List<SavedFilterRow> segments(@Param("tenantId") String tenantId);
}

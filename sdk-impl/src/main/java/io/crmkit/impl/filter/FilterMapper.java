package io.crmkit.impl.filter;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of searches; statements in FilterMapper.xml. */
public interface FilterMapper {

    List<Long> ids(@Param("q") SearchStatement query);

    long count(@Param("q") SearchStatement query);
}

package io.crmkit.impl.filter;

import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

/** MyBatis mapper of searches; statements in FilterMapper.xml. */
public interface FilterMapper {

    long count(@Param("q") SearchStatement query);

    /** @return the customers with any of the tags in {@code query.where()}, counted on the tag index */
    long countTagged(@Param("q") SearchStatement query, @Param("distinct") boolean distinct);

    /** @return the flags of one customer, by column alias (in the case the database reports) */
    Map<String, Object> flags(@Param("q") SegmentStatement query);

    /** Streams the (createdAt, id) keys of the matching customers in that order. */
    void keys(@Param("q") SearchStatement query, ResultHandler<SplitKey> handler);
}

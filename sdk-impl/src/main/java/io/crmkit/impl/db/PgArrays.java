package io.crmkit.impl.db;

import java.sql.SQLException;
import org.postgresql.util.PGobject;

/**
 * The text of a PostgreSQL array as a pgjdbc {@code PGobject} of the array's type, so that the driver sends the
 * parameter typed as that array. ShardingSphere-JDBC keeps a parameter's value and drops the type a
 * {@code setObject(index, value, Types.OTHER)} names, so a plain string would reach pgjdbc as text; a
 * {@code PGobject} keeps its type through it. Names a pgjdbc type: loaded only once {@link IdStatements} found pgjdbc
 * on the class path (the driver is an optional dependency of sdk-impl). Stateless.
 */
final class PgArrays {

    private PgArrays() {
    }

    /**
     * @param type the array type's name in {@code pg_type}, such as {@code _int8} or {@code _varchar}
     * @param text the array's text, as {@link Dialect#arrayLiteral} writes it
     */
    static Object typed(String type, String text) throws SQLException {
        PGobject array = new PGobject();
        array.setType(type);
        array.setValue(text);
        return array;
    }
}

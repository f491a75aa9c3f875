package io.crmkit.impl.db.schema;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * The kind of value a column holds, with the Java type it is read as and how it is bound: every dialect's
 * column type of that kind (VARCHAR, TIMESTAMP(6) / DATETIME(6), ...) maps to one of these.
 */
public enum Kind {
    /** VARCHAR; a {@link String}. */
    TEXT(Types.VARCHAR),
    /** BIGINT; a {@link Long}. */
    BIGINT(Types.BIGINT),
    /** SMALLINT or INTEGER; an {@link Integer}. */
    INTEGER(Types.INTEGER),
    /** BOOLEAN (TINYINT(1) on MariaDB); a {@link Boolean}. */
    BOOLEAN(Types.BOOLEAN),
    /** DECIMAL; a {@link BigDecimal}. */
    DECIMAL(Types.DECIMAL),
    /** DATE; a {@link LocalDate}. */
    DATE(Types.DATE),
    /** TIMESTAMP(6) / DATETIME(6) holding UTC wall-clock time, whatever the JVM's or session's zone; an {@link Instant}. */
    TIMESTAMP(Types.TIMESTAMP),
    /** BLOB / BYTEA / MEDIUMBLOB; a {@code byte[]}. */
    BYTES(Types.VARBINARY);

    private final int sqlType;

    Kind(int sqlType) {
        this.sqlType = sqlType;
    }

    /** @return the {@link Types} code a NULL of this kind is bound as */
    public int sqlType() {
        return sqlType;
    }

    /** Binds a value of this kind, or a NULL of this kind's type (PostgreSQL refuses a VARCHAR NULL in a DATE). */
    public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
            return;
        }
        switch (this) {
            case TEXT -> statement.setString(index, (String) value);
            case BIGINT -> statement.setLong(index, ((Number) value).longValue());
            case INTEGER -> statement.setInt(index, ((Number) value).intValue());
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case DATE -> statement.setObject(index, value);
            case TIMESTAMP -> statement.setObject(index, LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case BYTES -> statement.setBytes(index, (byte[]) value);
        }
    }

    /** @return the value of this kind in a column of the current row, or null for NULL */
    public Object read(ResultSet row, int index) throws SQLException {
        return switch (this) {
            case TEXT -> row.getString(index);
            case BIGINT -> {
                long value = row.getLong(index);
                yield row.wasNull() ? null : value;
            }
            case INTEGER -> {
                int value = row.getInt(index);
                yield row.wasNull() ? null : value;
            }
            case BOOLEAN -> {
                boolean value = row.getBoolean(index);
                yield row.wasNull() ? null : value;
            }
            case DECIMAL -> row.getBigDecimal(index);
            case DATE -> row.getObject(index, LocalDate.class);
            case TIMESTAMP -> {
                LocalDateTime value = row.getObject(index, LocalDateTime.class);
                yield value == null ? null : value.toInstant(ZoneOffset.UTC);
            }
            case BYTES -> row.getBytes(index);
        };
    }

    /** @return a value of this kind as text that {@link #fromText} reads back exactly, or null for NULL */
    public String toText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    /** @return the value {@link #toText} wrote, or null for null */
    public Object fromText(String text) {
        if (text == null) {
            return null;
        }
        return switch (this) {
            case TEXT -> text;
            case BIGINT -> Long.parseLong(text);
            case INTEGER -> Integer.parseInt(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            case DECIMAL -> new BigDecimal(text);
            case DATE -> LocalDate.parse(text);
            case TIMESTAMP -> Instant.parse(text);
            case BYTES -> Base64.getDecoder().decode(text);
        };
    }
}

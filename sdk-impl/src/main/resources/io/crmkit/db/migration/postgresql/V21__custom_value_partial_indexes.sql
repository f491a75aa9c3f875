-- CRMKit schema V21, PostgreSQL. A custom value row holds one value, in the column of its field's type (text,
-- number, date, time or boolean); the four value indexes of V1 held an entry for every row, three of them NULL, and
-- every insert of a value (create, import, edit, restore) wrote all four. Each now holds only the rows whose column
-- holds a value: a filter compares a column with = < > BETWEEN IN or LIKE, which no NULL satisfies, so PostgreSQL
-- uses the partial index for it as before (an empty field is found by the primary key). The upgrade runs in one
-- transaction whose DROP INDEX locks custom_value until it commits: reads and writes of custom values (customer
-- reads, custom-field filters) wait while the four indexes are rebuilt, about a second per million rows.
DROP INDEX ${prefix}custom_value_text;
DROP INDEX ${prefix}custom_value_number;
DROP INDEX ${prefix}custom_value_date;
DROP INDEX ${prefix}custom_value_time;
CREATE INDEX ${prefix}custom_value_text ON ${prefix}custom_value (tenant_id, field_id, text_value)
    WHERE text_value IS NOT NULL;
CREATE INDEX ${prefix}custom_value_number ON ${prefix}custom_value (tenant_id, field_id, number_value)
    WHERE number_value IS NOT NULL;
CREATE INDEX ${prefix}custom_value_date ON ${prefix}custom_value (tenant_id, field_id, date_value)
    WHERE date_value IS NOT NULL;
CREATE INDEX ${prefix}custom_value_time ON ${prefix}custom_value (tenant_id, field_id, time_value)
    WHERE time_value IS NOT NULL;

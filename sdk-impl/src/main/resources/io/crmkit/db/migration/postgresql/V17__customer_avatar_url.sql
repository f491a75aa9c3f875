-- CRMKit schema V17, PostgreSQL. The address of a customer's picture (an https URL of at most 1,024 characters, or
-- '' for none), on the customer and on a trashed customer, which carries every column to the trash and back.
ALTER TABLE ${prefix}customer ADD COLUMN avatar_url VARCHAR(1024) NOT NULL DEFAULT '';
ALTER TABLE ${prefix}trash_customer ADD COLUMN avatar_url VARCHAR(1024) NOT NULL DEFAULT '';

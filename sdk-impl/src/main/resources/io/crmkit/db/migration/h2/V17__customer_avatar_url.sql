-- CRMKit schema V17, H2. The address of a customer's picture (an https URL of at most 1,024 characters, or '' for
-- none), on the customer and on a trashed customer, which carries every column to the trash and back. H2 counts
-- UTF-16 units, so the column holds twice the characters, as for every text column here.
ALTER TABLE ${prefix}customer ADD COLUMN avatar_url VARCHAR(2048) DEFAULT '' NOT NULL;
ALTER TABLE ${prefix}trash_customer ADD COLUMN avatar_url VARCHAR(2048) DEFAULT '' NOT NULL;

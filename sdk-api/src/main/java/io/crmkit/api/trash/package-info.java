/** Deleted customers, kept with everything that belonged to them until restored or purged. */
package io.crmkit.api.trash;

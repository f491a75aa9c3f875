/**
 * Operations on many customers at once: edit attributes, add and remove tags, status changes, and delete
 * into the trash behind a confirmation. Each runs in chunks, reports progress and can run as a stored job.
 */
package io.crmkit.api.bulk;

/**
 * Customers in and out of files: import from .xlsx, .xls (Excel 97-2003) and CSV with a column mapping, matching of existing
 * customers, a dry run and a failure report; export of a query's customers with chosen columns; an import
 * template. Imports and exports run as stored jobs with progress.
 */
package io.crmkit.api.io;

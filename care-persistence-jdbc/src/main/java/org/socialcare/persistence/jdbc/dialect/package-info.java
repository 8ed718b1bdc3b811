/**
 * SQL dialects of the JDBC storage: the {@link org.socialcare.persistence.jdbc.dialect.SqlDialect} interface,
 * the standard-SQL {@link org.socialcare.persistence.jdbc.dialect.AnsiDialect} base, small subclasses for H2,
 * PostgreSQL and MariaDB that override only what their database does differently, and
 * {@link org.socialcare.persistence.jdbc.dialect.SqlDialects} which detects one from JDBC metadata.
 */
package org.socialcare.persistence.jdbc.dialect;

/**
 * The storage ports of care over plain JDBC: {@link org.socialcare.persistence.jdbc.JdbcCareStorage} builds
 * a {@link org.socialcare.core.port.out.CareStorage} of {@code Jdbc*} stores on a {@link javax.sql.DataSource},
 * with a {@link org.socialcare.persistence.jdbc.JdbcTransactionManager} that binds one connection per thread,
 * a hash-chained {@link org.socialcare.persistence.jdbc.JdbcAuditLog}, and a
 * {@link org.socialcare.persistence.jdbc.SchemaInitializer} for the versioned scripts under
 * {@code db/migration}. SQL that differs between databases lives in
 * {@link org.socialcare.persistence.jdbc.dialect}.
 */
package org.socialcare.persistence.jdbc;

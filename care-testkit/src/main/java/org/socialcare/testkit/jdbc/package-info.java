/** JDBC helpers for tests and benchmarks: a data source that counts the statements it runs. */
package org.socialcare.testkit.jdbc;

/**
 * The care test kit (TCK): abstract JUnit 5 contract tests that every implementation of a care port extends
 * and must pass ({@code storage} for stores, {@code adapter} for platform adapters), plus shared test data
 * ({@link org.socialcare.testkit.TestData}) and assertion helpers.
 */
package org.socialcare.testkit;

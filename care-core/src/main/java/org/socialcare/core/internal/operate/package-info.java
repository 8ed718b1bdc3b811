/**
 * The operator API behind {@code CareDesk.operations()}: desk-wide views and repairs (failed replies listed and
 * retried), built on the publishing services, which never depend back on it. Not API.
 */
package org.socialcare.core.internal.operate;

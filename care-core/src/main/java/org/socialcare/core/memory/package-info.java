/** Thread-safe in-memory implementations of the storage ports: the default for tests, demos and trials. */
package org.socialcare.core.memory;

/**
 * Fault-injection contracts: a desk stopped at each ingest step and restarted on the same storage stores every
 * inbound message exactly once. Subclass {@link org.socialcare.testkit.fault.IngestFaultContract} with a storage
 * factory (in-memory, each database).
 */
package org.socialcare.testkit.fault;

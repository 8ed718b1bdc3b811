/** Values the application passes to and gets from the desk: webhook requests and results, ingest, poll and dispatch results. */
package org.socialcare.core.port.in;

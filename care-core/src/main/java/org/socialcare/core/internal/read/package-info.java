/** Read-only views of a desk: conversations, threads, outbox entries, audit, configuration and metrics ({@code DeskReader}). Not API. */
package org.socialcare.core.internal.read;

/** Adapter internals (JSON handling); not API, may change without notice. */
package org.socialcare.twitter.internal;

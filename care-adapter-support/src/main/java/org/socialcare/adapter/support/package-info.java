/**
 * What every platform adapter needs once: the webhook template (GET challenge, POST verify then parse, 405
 * otherwise) and a constant-time HMAC-SHA256 signature check. Adapters depend on it; care-core does not.
 */
package org.socialcare.adapter.support;

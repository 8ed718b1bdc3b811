/**
 * Guard rails against a hijacked or misused account: {@link org.socialcare.core.domain.guard.HijackGuard}
 * judges the bank's own fresh posts that the desk did not send (allow-listed client apps, bursts; older ones
 * are recorded only), and
 * {@link org.socialcare.core.domain.guard.PublishingGuard} applies an outbound rate cap per channel and a
 * {@link org.socialcare.core.domain.guard.LinkPolicy link allow-list} before anything is published. The desk
 * pauses a channel (kill switch) on a suspected hijack. Pure JDK.
 */
package org.socialcare.core.domain.guard;

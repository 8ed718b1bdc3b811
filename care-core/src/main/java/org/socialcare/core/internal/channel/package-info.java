/** The kill switch and channel health alerts ({@code ChannelControl}). Not API. */
package org.socialcare.core.internal.channel;

/**
 * The entry points of care: {@link org.socialcare.core.CareDesk} (the desk facade, built with
 * {@code CareDesk.builder()}), {@link org.socialcare.core.DeskSettings} and
 * {@link org.socialcare.core.PollingScheduler}.
 */
package org.socialcare.core;

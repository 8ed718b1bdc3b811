/**
 * Service levels: {@link org.socialcare.core.domain.sla.BusinessCalendar} (opening hours, holidays, time zone,
 * 24/7) with business-time arithmetic, and {@link org.socialcare.core.domain.sla.SlaPolicy}, which turns a
 * conversation into running {@link org.socialcare.core.domain.sla.SlaClock}s (response and resolution),
 * their {@link org.socialcare.core.domain.sla.SlaStatus}, and the checkpoint instants stores index for the
 * desk's sweep. Pure JDK; every type is immutable.
 */
package org.socialcare.core.domain.sla;

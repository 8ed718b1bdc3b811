/**
 * Spring Boot 4 auto-configuration of a care desk: {@link org.socialcare.spring.boot.CareAutoConfiguration} wires
 * a {@code CareDesk} from {@code care.*} properties on the application's {@code DataSource}, runs its background
 * work as a managed lifecycle, maps the platform webhooks in Spring MVC, and adds a health indicator per channel
 * and the Micrometer binder when Actuator is present. Every bean backs off when the application defines its own.
 */
package org.socialcare.spring.boot;

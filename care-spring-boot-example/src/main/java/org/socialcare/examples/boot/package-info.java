/**
 * A Spring Boot 4 application using care-spring-boot-starter: the desk from {@code application.yml}, the
 * Twitter webhook under {@code /care/webhooks}, replies published by the Twitter adapter, health and Prometheus
 * metrics from Actuator. {@link org.socialcare.examples.boot.CareBootExampleApplication} is the entry point.
 */
package org.socialcare.examples.boot;

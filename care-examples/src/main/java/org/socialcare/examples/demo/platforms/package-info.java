/**
 * The demo's platforms: local Twitter and Facebook emulators on 127.0.0.1 that the care day is delivered
 * through, with the real adapters (twitter4j polling, signed Facebook webhooks, restfb publishing).
 */
package org.socialcare.examples.demo.platforms;

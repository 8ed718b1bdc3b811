/**
 * A custom channel written only against care-core's ports, as an integrator would write one: a bank's own web
 * chat. {@link org.socialcare.examples.webchat.WebChatChannelSource} polls the chat server's message log with
 * the sequence number as checkpoint, {@link org.socialcare.examples.webchat.WebChatPublisher} sends the
 * desk's private messages into a chat session, both over {@link java.net.http.HttpClient} with an HMAC-signed
 * request and platform errors mapped to {@link org.socialcare.core.error.PlatformException} kinds, and
 * {@link org.socialcare.examples.webchat.WebChatWebhookHandler} takes the server's signed pushes;
 * {@link org.socialcare.examples.webchat.WebChatServer} is a small local emulator of the chat back end for
 * tests and {@link org.socialcare.examples.webchat.WebChatExample}. The walkthrough is
 * {@code docs/writing-an-adapter.md}.
 */
package org.socialcare.examples.webchat;

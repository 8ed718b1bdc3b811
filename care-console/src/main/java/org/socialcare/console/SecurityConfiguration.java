package org.socialcare.console;

import java.util.ArrayList;
import java.util.List;
import org.socialcare.core.CareDesk;
import org.socialcare.core.domain.Agent;
import org.socialcare.core.domain.AgentId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may do what: form login (users from {@code console.users}, password hashes only), agents work the queues,
 * supervisors also decide approvals, pause channels and read metrics and audit trails. CSRF tokens on every form
 * and on the script's POSTs (Spring Security's default), sessions that expire ({@code server.servlet.session.timeout}),
 * a content security policy that allows nothing but this application's own files.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The configured users; each must be an agent of the desk (their login is their agent id, so everything they
     * do is audited under it), and a SUPERVISOR one of the desk's supervisors.
     */
    @Bean
    UserDetailsService users(ConsoleProperties properties, CareDesk desk) {
        List<UserDetails> users = new ArrayList<>();
        for (ConsoleProperties.User u : properties.users()) {
            Agent agent = desk.agent(AgentId.of(u.username()))
                    .orElseThrow(() -> new IllegalArgumentException("console.users[].username '" + u.username()
                            + "' is not an agent of the desk; agents are "
                            + desk.agents().stream().map(a -> a.id().value()).toList()));
            if (u.roles().contains("SUPERVISOR") && !agent.supervisor()) {
                throw new IllegalArgumentException("console.users[].roles of '" + u.username()
                        + "' hold SUPERVISOR but the desk's agent is no supervisor");
            }
            users.add(User.withUsername(u.username())
                    .password(u.password())
                    .roles(u.roles().toArray(String[]::new))
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/login", "/console.css", "/console.js", "/error")
                        .permitAll()
                        .requestMatchers("/supervisor/**")
                        .hasRole("SUPERVISOR")
                        .anyRequest()
                        .hasAnyRole("AGENT", "SUPERVISOR"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/queue", true))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.maximumSessions(3))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                                        + " connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
                                        + " base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}

package org.socialcare.console;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in and whether they supervise. */
@ControllerAdvice
class ConsoleModel {

    @ModelAttribute("user")
    String user(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("supervisor")
    boolean supervisor(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_SUPERVISOR".equals(a.getAuthority()));
    }
}

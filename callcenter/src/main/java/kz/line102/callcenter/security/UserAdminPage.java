package kz.line102.callcenter.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/users}, IT staff's page of users and roles; its files are static resources under {@code /admin/users/}. */
@Controller
class UserAdminPage {

    @GetMapping({"/admin/users", "/admin/users/"})
    String page() {
        return "forward:/admin/users/index.html";
    }
}

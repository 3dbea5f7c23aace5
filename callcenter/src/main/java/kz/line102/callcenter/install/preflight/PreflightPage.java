package kz.line102.callcenter.install.preflight;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/preflight}, IT staff's page; its files are static resources under {@code /admin/preflight/}. */
@Controller
class PreflightPage {

    @GetMapping({"/admin/preflight", "/admin/preflight/"})
    String preflight() {
        return "forward:/admin/preflight/index.html";
    }
}

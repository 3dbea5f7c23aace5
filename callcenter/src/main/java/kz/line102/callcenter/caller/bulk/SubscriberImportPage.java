package kz.line102.callcenter.caller.bulk;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/registry}, IT staff's page of the subscriber registry import; its files are static resources under {@code /admin/registry/}. */
@Controller
class SubscriberImportPage {

    @GetMapping({"/admin/registry", "/admin/registry/"})
    String page() {
        return "forward:/admin/registry/index.html";
    }
}

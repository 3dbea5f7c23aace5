package kz.line102.callcenter.routing.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /routing} is IT staff's page for the routing rules and the queue configuration;
 * its files are static resources under {@code /routing/}.
 */
@Controller
class RoutingPage {

    @GetMapping({"/routing", "/routing/"})
    String routing() {
        return "forward:/routing/index.html";
    }
}

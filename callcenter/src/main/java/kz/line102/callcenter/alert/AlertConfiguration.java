package kz.line102.callcenter.alert;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Supervisors' screens connect from pages of this same origin only (the default origin check). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
@EnableWebSocket
class AlertConfiguration implements WebSocketConfigurer {

    static final String PATH = "/ws/alerts";

    private final AlertSocket socket;

    AlertConfiguration(AlertSocket socket) {
        this.socket = socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, PATH);
    }
}

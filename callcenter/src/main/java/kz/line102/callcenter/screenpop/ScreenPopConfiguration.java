package kz.line102.callcenter.screenpop;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Consoles connect from pages of this same origin only (the default origin check). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ScreenPopConfiguration implements WebSocketConfigurer {

    static final String PATH = "/ws/screenpop";

    private final ScreenPopSocket socket;

    ScreenPopConfiguration(ScreenPopSocket socket) {
        this.socket = socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, PATH);
    }
}

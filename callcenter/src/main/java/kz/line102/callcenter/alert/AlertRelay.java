package kz.line102.callcenter.alert;

import kz.line102.callcenter.app.PersonalData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import kz.line102.callcenter.app.RedisChannelSubscription;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;
import redis.clients.jedis.JedisPubSub;

/** This node's end of the alert channel: hands every alert message to the screens connected here. */
@Component
public class AlertRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertRelay.class);

    private final List<Consumer<AlertMessage>> screens = new CopyOnWriteArrayList<>();
    private final RedisChannelSubscription subscription;
    private volatile boolean running;

    AlertRelay(RedisProperties redis, RedisKeys keys, JsonMapper json) {
        this.subscription = new RedisChannelSubscription(redis, AlertService.channel(keys), "alert-relay",
                () -> new JedisPubSub() {
                    @Override
                    public void onMessage(String channel, String message) {
                        AlertMessage m;
                        try {
                            m = json.readValue(message, AlertMessage.class);
                        } catch (RuntimeException e) {
                            log.error("unreadable alert message ({}): {}", e.toString(), PersonalData.text(message));
                            return;
                        }
                        deliver(m);
                    }
                });
    }

    AutoCloseable register(Consumer<AlertMessage> screen) {
        screens.add(screen);
        return () -> screens.remove(screen);
    }

    private void deliver(AlertMessage message) {
        for (Consumer<AlertMessage> screen : screens) {
            try {
                screen.accept(message);
            } catch (RuntimeException e) {
                log.warn("alert message not delivered to a screen: {}", e.toString());
            }
        }
    }

    public boolean subscribed() {
        return subscription.subscribed();
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            subscription.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        subscription.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package kz.line102.callcenter.alert;

import kz.line102.callcenter.app.ChannelRelay;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** This node's end of the alert channel: hands every alert message to the screens connected here. */
@Component
public class AlertRelay extends ChannelRelay<AlertMessage> {

    AlertRelay(RedisProperties redis, RedisKeys keys, JsonMapper json) {
        super(redis, AlertService.channel(keys), "alert", message -> json.readValue(message, AlertMessage.class));
    }
}

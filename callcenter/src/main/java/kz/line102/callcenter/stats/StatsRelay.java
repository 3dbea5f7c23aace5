package kz.line102.callcenter.stats;

import kz.line102.callcenter.app.ChannelRelay;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's end of the live statistics channel: keeps the newest snapshot and hands each one,
 * as published, to the sockets here.
 */
class StatsRelay extends ChannelRelay<String> {

    StatsRelay(RedisProperties redis, RedisKeys keys, JsonMapper json, LiveStats live) {
        super(redis, LiveStats.channel(keys), "stats", message -> {
            live.received(json.readValue(message, LiveStats.Snapshot.class));
            return message;
        });
    }
}

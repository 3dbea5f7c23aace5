package kz.line102.callcenter.security;

import java.time.Duration;

import kz.line102.callcenter.app.RedisKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import redis.clients.jedis.UnifiedJedis;

/**
 * Browser sessions in Redis instead of the servlet container's memory: with several nodes
 * behind a balancer without sticky sessions, and after a node restarts, the operator stays
 * signed in. The cookie keeps the container's rules: HttpOnly, SameSite=Lax, Secure whenever
 * the request came over TLS.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionConfiguration {

    @Bean
    RedisSessionRepository sessionRepository(UnifiedJedis redis, RedisKeys keys,
                                             @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return new RedisSessionRepository(redis, keys, timeout);
    }

    @Bean
    CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.name:JSESSIONID}") String name,
                                      @Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        if (secure) {
            // TLS ended by a proxy: the request looks plain here, the browser's is not.
            cookie.setUseSecureCookie(true);
        }
        cookie.setCookieName(name);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        // Our ids are random UUIDs; Base64 would only make them longer.
        cookie.setUseBase64Encoding(false);
        return cookie;
    }

    /** Spring Session's own resolver, as a bean so that sign-in can write the session's cookie first (SignInLanguage). */
    @Bean
    HttpSessionIdResolver httpSessionIdResolver(CookieSerializer cookieSerializer) {
        CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
        resolver.setCookieSerializer(cookieSerializer);
        return resolver;
    }
}

package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The per-user limit of a costly endpoint group, against the real Redis (the suite's own limits are lifted). */
@CallcenterTest
class RateLimitFilterTest {

    @Autowired
    RateLimiter limiter;
    @Autowired
    JsonMapper json;

    final String user = "limit-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void forget() {
        limiter.reset("downloads-test", user);
        SecurityContextHolder.clearContext();
    }

    @Test
    void theThirdDownloadInTheWindowIs429WithRetryAfterAndOtherPathsAreNotCounted() throws Exception {
        RequestLimitProperties props = new RequestLimitProperties(DataSize.ofMegabytes(1), List.of(), List.of(),
                Map.of("downloads-test", new RequestLimitProperties.RateLimit(2, Duration.ofMinutes(1),
                        List.of("GET /api/v1/archive/recordings/*/download"))));
        RateLimitFilter filter = new RateLimitFilter(limiter, props, json);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList("ROLE_AUDITOR")));

        assertThat(run(filter, "/api/v1/archive/recordings/" + UUID.randomUUID() + "/download").getStatus())
                .isEqualTo(200);
        assertThat(run(filter, "/api/v1/archive/recordings/" + UUID.randomUUID() + "/download").getStatus())
                .isEqualTo(200);
        assertThat(run(filter, "/api/v1/archive/recordings/" + UUID.randomUUID() + "/manifest").getStatus())
                .isEqualTo(200);
        MockHttpServletResponse third = run(filter, "/api/v1/archive/recordings/" + UUID.randomUUID() + "/download");
        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(third.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(json.readTree(third.getContentAsString()).path("code").asString()).isEqualTo("rate-limited");
    }

    private static MockHttpServletResponse run(RateLimitFilter filter, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}

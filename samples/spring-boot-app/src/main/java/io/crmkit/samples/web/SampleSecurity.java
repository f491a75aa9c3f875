package io.crmkit.samples.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may use the sample, and how: every page and API call needs a user signed in with the login form; the API
 * answers 401 to a caller who is not. Each user's authorities are what the starter's Spring Security resolver reads:
 * {@code TENANT_<tenant>} and {@code CRM_<permission>}, so that every call of the {@code Crm} bean acts as that user,
 * in that tenant, with those permissions.
 *
 * <p>CSRF: a request that changes something (POST, PUT, DELETE) must carry the token of the {@code XSRF-TOKEN}
 * cookie in the {@code X-XSRF-TOKEN} header, as the page's script does; a cross-site form cannot read the cookie.
 * {@code /actuator/health} is open, its details shown to signed-in users only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoUsers.class)
class SampleSecurity {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/app.css").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults())
                // The token lives in a cookie the page's script reads and sends back as it is (BREACH masking protects
                // tokens rendered into pages; only the login form is, and it carries no secret).
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** @return the demo users, their passwords encoded, with the authorities of their tenant and permissions */
    @Bean
    UserDetailsService users(DemoUsers demo, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, DemoUsers.User> entry : demo.users().entrySet()) {
            DemoUsers.User user = entry.getValue();
            List<String> authorities = new ArrayList<>();
            authorities.add("TENANT_" + user.tenant());
            user.permissions().forEach(permission -> authorities.add("CRM_" + permission.name()));
            users.add(User.withUsername(entry.getKey()).password(encoder.encode(user.password()))
                    .authorities(authorities.toArray(String[]::new)).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Loads the CSRF token on every request, so that its cookie is set for the page's script (Spring Security
     * otherwise creates the token only when a request needs it).
     */
    static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}

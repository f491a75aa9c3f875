package io.crmkit.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A client of the sample's API as the page is one: it signs in with the login form, keeps the session cookie, and
 * sends the CSRF token of the {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header of each request that
 * changes something (unless asked not to, as a cross-site form would).
 */
final class ApiSession {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private ApiSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @return a client nobody signed in to */
    static ApiSession anonymous(int port) {
        return new ApiSession(port);
    }

    /** @return a client signed in as the user; fails the test when the login form refuses them */
    static ApiSession signIn(int port, String user, String password) {
        ApiSession session = new ApiSession(port);
        HttpResponse<String> login = session.logIn(user, password);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).as("signed in as " + user).hasValue(session.base + "/");
        // Signing in replaces the CSRF token: the page the browser is sent to brings the new one.
        session.get("/");
        return session;
    }

    /** @return the answer of the login form: 302 to / when signed in, to /login?error otherwise */
    HttpResponse<String> logIn(String user, String password) {
        get("/login");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(withToken(request("/login").header("Content-Type", "application/x-www-form-urlencoded"))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** A GET as a browser navigating to a page makes it. */
    HttpResponse<String> getPage(String path) {
        return send(request(path).header("Accept", "text/html,application/xhtml+xml").GET().build());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, String json) {
        return send(withToken(json(path)).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A POST as a page of another site makes it: with this session's cookies, without the token. */
    HttpResponse<String> postWithoutToken(String path, String json) {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> put(String path, String json) {
        return send(withToken(json(path)).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> patch(String path, String json) {
        return send(withToken(json(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Uploads a file as the page's import form does. */
    HttpResponse<String> upload(String path, String fileName, byte[] content) {
        return send(withToken(multipart(path, fileName, content)).build());
    }

    /** An upload as a cross-site form makes it: with this session's cookies, without the token. */
    HttpResponse<String> uploadWithoutToken(String path, String fileName, byte[] content) {
        return send(multipart(path, fileName, content).build());
    }

    private HttpRequest.Builder multipart(String path, String fileName, byte[] content) {
        String boundary = "----crmkit-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private HttpRequest.Builder json(String path) {
        return request(path).header("Content-Type", "application/json");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request) {
        csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return request;
    }

    /** @return the token of the XSRF-TOKEN cookie, as the page's script reads it */
    Optional<String> csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

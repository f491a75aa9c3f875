package io.crmkit.impl.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.impl.validation.Errors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AvatarUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.example.com/a.png", "HTTPS://Example.COM/a.png?size=64&v=2",
            "https://example.com:8443/u/%E1%BB%85.jpg", "https://[2001:db8::1]/a.png", "  https://x.vn/a  ",
            "https://xn--nguyn-2ua.vn/a.png"})
    void takesAnAbsoluteHttpsUrlWithAHostAsTypedTrimmed(String url) {
        Errors errors = new Errors();

        String checked = AvatarUrls.check("avatarUrl", url, errors);

        assertThat(errors.isEmpty()).as(errors.messages().toString()).isTrue();
        assertThat(checked).isEqualTo(url.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://example.com/a.png | must start with https://",
        "javascript:alert(1) | must start with https://",
        "data:image/png;base64,iVBORw0KGgo= | must start with https://",
        "//example.com/a.png | must start with https://",
        "/avatars/a.png | must start with https://",
        "https:///a.png | needs a host name",
        "https:a.png | needs a host name",
        "https://user:secret@example.com/a.png | user name or password",
        "https://example.com/a b.png | may not contain spaces",
        "https://example.com/a\"><script>.png | not a URL",
        "https://exa mple.com/ | may not contain spaces"})
    void refusesWhatABrowserShouldNotLoadAsAPictureNamingTheField(String url, String problem) {
        Errors errors = new Errors();

        AvatarUrls.check("avatarUrl", url, errors);

        assertThat(errors.messages()).singleElement().asString().startsWith("avatarUrl: ").contains(problem);
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 1025})
    void holdsAtMost1024Characters(int length) {
        String url = "https://example.com/";
        url += "a".repeat(length - url.length());
        Errors errors = new Errors();

        AvatarUrls.check("avatarUrl", url, errors);

        assertThat(errors.isEmpty()).isEqualTo(length <= 1024);
        if (length > 1024) {
            assertThat(errors.messages()).singleElement().asString().contains("at most 1024 characters");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankMeansNoAvatar(String url) {
        Errors errors = new Errors();

        assertThat(AvatarUrls.check("avatarUrl", url, errors)).isEmpty();
        assertThat(AvatarUrls.check("avatarUrl", null, errors)).isEmpty();
        assertThat(errors.isEmpty()).isTrue();
    }
}

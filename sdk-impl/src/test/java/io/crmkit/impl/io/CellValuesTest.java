package io.crmkit.impl.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.api.customer.Channel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"vip, new", "vip; new", "vip;new", "vip\uFF0Cnew", "vip\u3001new", "vip\nnew", "vip\rnew",
            "vip\r\nnew", " vip ,  new ", "vip,,new", ", vip ;; new ;", "vip, new, vip", "vip\uFF0C new\u3001vip\r\n"})
    void aTagsCellSplitsOnEverySeparatorTrimsDropsEmptyPiecesAndRepeats(String cell) {
        assertThat(CellValues.tags(cell)).containsExactly("vip", "new");
    }

    @Test
    void tagsKeepTheOrderOfTheirFirstAppearanceAndInnerSpaces() {
        assertThat(CellValues.tags("new customer; vip, new customer\u3001a b")).containsExactly("new customer", "vip",
                "a b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " ; , \uFF0C \u3001 \r\n "})
    void aCellOfSeparatorsHoldsNoTag(String cell) {
        assertThat(CellValues.tags(cell)).isEmpty();
    }

    @Test
    void aTagsCellAsTheExportWritesItReadsBack() {
        assertThat(CellValues.tags(String.join("; ", List.of("fair", "vip", "o'brien", "say \"hi\"", "=x"))))
                .containsExactly("fair", "vip", "o'brien", "say \"hi\"", "=x");
    }

    @Test
    void phonesAndEmailsSplitOnSemicolonsAndLineBreaksOnlySinceACommaMayBelongToTheValue() {
        assertThat(CellValues.items("+84 912, 345 678; 0912000002\r\n0912000003\n\n;")).containsExactly(
                "+84 912, 345 678", "0912000002", "0912000003");
    }

    @Test
    void aChannelItemIsSplitAtItsFirstColonAndTrimmed() {
        assertThat(CellValues.channel("whatsapp:+84912345678").channel()).isEqualTo(Channel.of("whatsapp",
                "+84912345678"));
        assertThat(CellValues.channel(" web : https://x.vn/a:b ").channel()).isEqualTo(Channel.of("web",
                "https://x.vn/a:b"));
        assertThat(CellValues.items("whatsapp:+84912345678; web:abc").stream().map(CellValues::channel)
                .map(CellValues.ChannelItem::channel)).containsExactly(Channel.of("whatsapp", "+84912345678"),
                Channel.of("web", "abc"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "whatsapp+84912345678 | expected channel:account",
        ":abc | the channel before ':' is empty",
        "WhatsApp:+84912345678 | 'WhatsApp' is not a channel name",
        "1web:abc | '1web' is not a channel name",
        "what's app:abc | 'what's app' is not a channel name",
        "a_very_long_channel_name_x:abc | is not a channel name",
        "web: | the account after 'web:' is empty",
        "web:   | the account after 'web:' is empty"})
    void aMalformedChannelItemSaysWhatIsWrong(String item, String problem) {
        CellValues.ChannelItem read = CellValues.channel(item.strip());
        assertThat(read.channel()).isNull();
        assertThat(read.problem()).contains(problem);
    }

    @Test
    void aChannelNameOf24CharactersIsAllowed() {
        assertThat(CellValues.channel("a_very_long_channel_name:abc").channel()).isNotNull();
    }
}

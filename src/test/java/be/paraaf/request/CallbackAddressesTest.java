package be.paraaf.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "::1", "fe80::1", "fd00::1", "224.0.0.1", "::", "255.255.255.255", "240.0.0.1", "198.18.0.1",
        "192.0.0.8", "fc00::1", "fec0::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1",
        "::ffff:7f00:1", "::127.0.0.1", "::10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2002:c0a8:101::"})
    void isPublic_internalAddressesAreNot(String address) throws UnknownHostException {
        assertThat(CallbackAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "193.191.245.1", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808",
        "2002:808:808::"})
    void isPublic_internetAddressesAre(String address) throws UnknownHostException {
        assertThat(CallbackAddresses.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/hook", "http://127.0.0.1/hook", "http://[::1]/hook",
        "http://169.254.169.254/latest/meta-data", "http://[fe80::1]/", "http://10.0.0.1/", "http://172.16.5.4/",
        "http://192.168.0.1/", "http://[fd12::1]/", "http://0.0.0.0/", "http://[::]/", "http://224.0.0.251/",
        "http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://LOCALHOST./",
        // numeric spellings resolvers read differently: decimal, octal, hex, short forms
        "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/", "http://017700000001/",
        "http://0x7f.0.0.1/", "http://127.000.000.001/"})
    void requirePublic_refusesCallbacksIntoTheLocalNetwork(String url) {
        assertThatThrownBy(() -> CallbackAddresses.requirePublic(URI.create(url))).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://[::ffff:169.254.169.254]/", "http://10.1.2.3/"})
    void requirePublic_neverNamesTheResolvedAddress(String url) {
        assertThatThrownBy(() -> CallbackAddresses.requirePublic(URI.create(url)))
                .hasMessageNotContaining("169.254.169.254").hasMessageNotContaining("127.0.0.1")
                .hasMessageNotContaining("10.1.2.3").hasMessageNotContaining("ffff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "paraaf.be", "cafe.be", "a1.example", "0x.example", "1.2.3.4", "[::1]"})
    void ambiguousNumericHost_onlyNumbersThatAreNotADottedQuad(String host) {
        assertThat(CallbackAddresses.ambiguousNumericHost(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0x7f.1", "0177.0.0.1", "127.1", "1.2.3.04", "1.2.3.4.5", "256.1.1.1",
        "example.123"})
    void ambiguousNumericHost_refusesOtherSpellings(String host) {
        assertThat(CallbackAddresses.ambiguousNumericHost(host)).isTrue();
    }
}

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
        "100.64.0.1", "::1", "fe80::1", "fd00::1", "224.0.0.1"})
    void isPublic_internalAddressesAreNot(String address) throws UnknownHostException {
        assertThat(CallbackAddresses.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "193.191.245.1", "2001:4860:4860::8888"})
    void isPublic_internetAddressesAre(String address) throws UnknownHostException {
        assertThat(CallbackAddresses.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/hook", "http://127.0.0.1/hook", "http://[::1]/hook",
        "http://169.254.169.254/latest/meta-data"})
    void requirePublic_refusesCallbacksIntoTheLocalNetwork(String url) {
        assertThatThrownBy(() -> CallbackAddresses.requirePublic(URI.create(url))).isInstanceOf(IOException.class);
    }
}

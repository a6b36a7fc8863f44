package be.paraaf.web;

import be.paraaf.access.ApiClient;
import be.paraaf.access.ApiClientRepository;
import be.paraaf.access.ApiKeys;
import java.util.Optional;
import org.mockito.Mockito;

/** The one API client of a {@link WebSliceTest}: its key and who it is. */
final class SliceApiClient {

    static final String KEY = "slice-test-key-0123456789";
    static final ApiClient CLIENT = new ApiClient("slice-agency", "Slice Agency", false);

    private SliceApiClient() {
    }

    /** Makes {@link #KEY} the key of {@link #CLIENT} in the mocked repository; any other key is unknown. */
    static void knownTo(ApiClientRepository clients) {
        Mockito.when(clients.findByKeyHash(Mockito.anyString())).thenReturn(Optional.empty());
        Mockito.when(clients.findByKeyHash(ApiKeys.hash(KEY))).thenReturn(Optional.of(CLIENT));
    }
}

package be.paraaf.request;

import be.paraaf.request.RequestViews.RequestView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's list: an organisation's requests, newest first, by state and words in the title or a signer's
 * name.
 */
@Service
public class RequestSearch {

    private final JdbcClient jdbc;
    private final RequestRepository requests;

    RequestSearch(JdbcClient jdbc, RequestRepository requests) {
        this.jdbc = jdbc;
        this.requests = requests;
    }

    /** One page of matches and how many match in all. */
    public record Page(List<RequestView> items, long total, int page, int size) {
    }

    public Page search(String clientId, RequestState state, String text, int page, int size) {
        RequestService.checkPaging(page, size);
        StringBuilder where = new StringBuilder(" from signing_requests r where r.owner_client_id = ?");
        List<Object> params = new ArrayList<>(List.of(clientId));
        if (state != null) {
            where.append(" and r.state = ?");
            params.add(state.name());
        }
        if (text != null && !text.isBlank()) {
            String pattern = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" and (lower(r.title) like ? escape '\\' or r.id in"
                    + " (select s.request_id from request_signers s where s.request_id = r.id"
                    + " and lower(s.name) like ? escape '\\'))");
            params.add(pattern);
            params.add(pattern);
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add((long) page * size);
        pageParams.add(size);
        List<String> ids = jdbc.sql("select r.id" + where
                        + " order by r.created_at desc, r.id offset ? rows fetch next ? rows only")
                .params(pageParams).query(String.class).list();
        List<RequestView> items = ids.stream().map(id -> requests.find(id, clientId).orElseThrow())
                .map(request -> RequestView.of(request, null, null)).toList();
        return new Page(items, total, page, size);
    }
}

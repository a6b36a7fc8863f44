package be.paraaf.web;

import be.paraaf.system.ProblemType;
import be.paraaf.system.InvalidInputException;
import java.util.Map;

/** The page and size of a list endpoint, checked before any query: page 0…10,000, size 1…100. */
final class Paging {

    static final int MAX_PAGE = 10_000;
    static final int MAX_SIZE = 100;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException(ProblemType.INVALID_PAGING, "page must be between 0 and " + MAX_PAGE
                    + " and size between 1 and " + MAX_SIZE + " (got page " + page + ", size " + size + ").",
                    Map.of("maxPage", MAX_PAGE, "maxSize", MAX_SIZE), null);
        }
    }
}

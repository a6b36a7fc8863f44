package be.paraaf.signing;

/**
 * Where a new visible signature goes: a 1-based page number and a rectangle in PDF points (1/72 inch),
 * measured from the top-left corner of the page.
 */
public record Placement(int page, float x, float y, float width, float height) {

    public Placement {
        if (page < 1) {
            throw new IllegalArgumentException("page numbers start at 1");
        }
        if (x < 0 || y < 0) {
            throw new IllegalArgumentException("signature rectangle must lie on the page (x, y >= 0)");
        }
        if (width < 20 || height < 10 || width > 2000 || height > 2000) {
            throw new IllegalArgumentException("signature rectangle must be between 20x10 and 2000x2000 points");
        }
    }
}

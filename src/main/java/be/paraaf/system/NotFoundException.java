package be.paraaf.system;

/** A resource (pending signature, report, certificate) that does not exist or has expired. */
public class NotFoundException extends ParaafException {

    /** A problem of the catalogue; the not-found types are 404 there. */
    public NotFoundException(ProblemType type, String detail) {
        super(type, detail);
    }
}

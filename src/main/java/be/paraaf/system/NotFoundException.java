package be.paraaf.system;

/** A resource (pending signature, report, certificate) that does not exist or has expired. */
public class NotFoundException extends ParaafException {

    public NotFoundException(String problemType, String detail) {
        super(problemType, 404, detail);
    }
}

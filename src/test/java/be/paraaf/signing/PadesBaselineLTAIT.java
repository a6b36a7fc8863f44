package be.paraaf.signing;

/** PAdES-BASELINE-LTA in-process: sealed, signed in two steps, tampered (see {@link InProcessScenario}). */
class PadesBaselineLTAIT extends InProcessScenario {

    @Override
    SignatureLevel level() {
        return SignatureLevel.B_LTA;
    }
}

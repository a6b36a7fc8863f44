package be.paraaf.signing;

/** PAdES-BASELINE-B in-process: sealed, signed in two steps, tampered (see {@link InProcessScenario}). */
class PadesBaselineBIT extends InProcessScenario {

    @Override
    SignatureLevel level() {
        return SignatureLevel.B_B;
    }
}

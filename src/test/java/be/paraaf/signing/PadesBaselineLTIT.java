package be.paraaf.signing;

/** PAdES-BASELINE-LT in-process: sealed, signed in two steps, tampered (see {@link InProcessScenario}). */
class PadesBaselineLTIT extends InProcessScenario {

    @Override
    SignatureLevel level() {
        return SignatureLevel.B_LT;
    }
}

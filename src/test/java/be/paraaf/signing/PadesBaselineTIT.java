package be.paraaf.signing;

/** PAdES-BASELINE-T in-process: sealed, signed in two steps, tampered (see {@link InProcessScenario}). */
class PadesBaselineTIT extends InProcessScenario {

    @Override
    SignatureLevel level() {
        return SignatureLevel.B_T;
    }
}

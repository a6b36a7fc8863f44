package be.paraaf.request;

import be.paraaf.system.ProblemType;
import be.paraaf.identity.NationalRegisterNumber;
import be.paraaf.prepare.DocumentMetadata;
import be.paraaf.prepare.PdfInspection.SignatureField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a request's signers to the document's signature fields: every signer's field exists and is empty; where a
 * template document names a party under a field, that signer carries the party's national register number; and
 * every empty field the document gives to a party has a signer or is left unsigned on purpose
 * ({@code unsignedFields}). So a request on a template document completes only when every party's field is signed
 * (or was explicitly left out), and never with a stranger in a named field. An upload's fields name nobody: a
 * request may leave them empty without saying so.
 */
final class FieldAssignments {

    /** One signer's claim on a field. */
    record Assignment(String role, NationalRegisterNumber number, String field) {
    }

    private FieldAssignments() {
    }

    static void check(DocumentMetadata document, List<Assignment> assignments, List<String> unsignedFields) {
        checkFieldsExist(document, assignments.stream().map(Assignment::field).toList(), unsignedFields);
        checkIdentities(document, assignments);
        checkEveryFieldDecided(document, assignments, unsignedFields);
    }

    private static void checkFieldsExist(DocumentMetadata document, List<String> assigned, List<String> unsigned) {
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>(assigned);
        names.addAll(unsigned);
        for (String name : names) {
            Optional<SignatureField> field = document.fields().stream().filter(f -> f.name().equals(name)).findFirst();
            if (field.isEmpty()) {
                problems.add("field " + name + " does not exist");
            } else if (field.get().signed()) {
                problems.add("field " + name + " is already signed");
            }
        }
        if (!problems.isEmpty()) {
            throw new RequestException(ProblemType.INVALID_SIGNATURE_FIELD, String.join("; ", problems)
                    + ". The document's empty signature fields: " + emptyFields(document) + ".",
                    Map.of("errors", problems));
        }
    }

    private static void checkIdentities(DocumentMetadata document, List<Assignment> assignments) {
        List<String> problems = new ArrayList<>();
        for (Assignment assignment : assignments) {
            document.parties().stream()
                    .filter(party -> party.field().equals(assignment.field()) && party.nationalNumber() != null)
                    .filter(party -> !party.nationalNumber().equals(assignment.number().value()))
                    .findFirst()
                    .ifPresent(party -> problems.add("signer " + assignment.role() + " ("
                            + assignment.number().formatted() + ") would sign in field " + party.field()
                            + ", which the document reserves for " + party.role() + " " + party.name() + " ("
                            + NationalRegisterNumber.parse(party.nationalNumber()).formatted() + ")"));
        }
        if (!problems.isEmpty()) {
            throw new RequestException(ProblemType.SIGNER_NOT_NAMED_IN_DOCUMENT, String.join("; ", problems)
                    + ". A signer must be the person the document names in their field: correct the signer's "
                    + "national register number, or the document.", Map.of("errors", problems));
        }
    }

    private static void checkEveryFieldDecided(DocumentMetadata document, List<Assignment> assignments,
            List<String> unsignedFields) {
        Set<String> decided = new HashSet<>(unsignedFields);
        assignments.forEach(assignment -> decided.add(assignment.field()));
        List<String> open = emptyFields(document).stream().filter(name -> !decided.contains(name))
                .filter(name -> document.parties().stream().anyMatch(party -> party.field().equals(name))).toList();
        if (!open.isEmpty()) {
            List<String> described = open.stream().map(name -> document.parties().stream()
                    .filter(party -> party.field().equals(name)).findFirst()
                    .map(party -> name + " (" + party.role() + " " + party.name() + ")").orElse(name)).toList();
            throw new RequestException(ProblemType.UNASSIGNED_SIGNATURE_FIELD, "No signer is assigned to "
                    + String.join(", ", described) + ". Give each signature field the document reserves for a party "
                    + "a signer, or name it in unsignedFields to leave it unsigned on purpose.", Map.of("fields", open));
        }
    }

    private static List<String> emptyFields(DocumentMetadata document) {
        return document.fields().stream().filter(f -> !f.signed()).map(SignatureField::name).toList();
    }
}

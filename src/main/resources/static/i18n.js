// paraaf page texts in Dutch (reference), French and English. The choice follows ?lang=, then the
// last switch (localStorage), then the browser's Accept-Language; elements carry data-i18n keys.
const PARAAF_TEXTS = {
  nl: {
    "home.agency": "Huurovereenkomst opmaken en versturen", "home.agency.text": "Voor woonmaatschappijen: vul de huurovereenkomst in, bekijk ze en laat ze ondertekenen.",
    "agency.title": "Huurovereenkomst opmaken en versturen", "agency.key": "API-sleutel van uw organisatie",
    "agency.sample": "Voorbeeld invullen", "agency.agency": "Woonmaatschappij", "agency.name": "Naam",
    "agency.enterprise": "Ondernemingsnummer", "agency.address": "Adres", "agency.representative": "Vertegenwoordiger",
    "agency.nrn": "Rijksregisternummer", "agency.tenants": "Huurders", "agency.addTenant": "Huurder toevoegen",
    "agency.removeTenant": "Verwijderen", "agency.birth": "Geboortedatum", "agency.method": "Ondertekenen met",
    "agency.either": "itsme of eID", "agency.dwelling": "Woning", "agency.start": "Begindatum", "agency.months": "Duur (maanden)",
    "agency.baseRent": "Basishuurprijs", "agency.adjustedRent": "Aangepaste huurprijs", "agency.charges": "Kosten",
    "agency.deposit": "Waarborg", "agency.clauses": "Bijzondere bepalingen", "agency.preview": "Voorbeeld bekijken",
    "agency.send": "Ter ondertekening versturen", "agency.request": "Ondertekening", "agency.state": "Stand",
    "agency.download": "Ondertekende huurovereenkomst downloaden", "agency.archive": "Archief",
    "agency.search": "Zoeken", "agency.evidence": "Bewijsstukken (ZIP)", "agency.none": "Niets gevonden.",
    "agency.requestTitle": "Huurovereenkomst",
    "home.app": "itsme-app (simulator)", "home.app.text": "Een telefoon-app om itsme-bevestigingen na te bootsen (demo).",
    "app.title": "itsme (simulator)", "app.phone": "Gsm-nummer", "app.nrn": "Rijksregisternummer",
    "app.newCode": "Kies uw itsme-code (5 cijfers)", "app.enrol": "Registreren", "app.enrolled": "Geregistreerd: bevestig nu met uw eID.",
    "app.account": "Account", "app.active": "actief", "app.pending": "Te bevestigen", "app.nothing": "Niets te bevestigen.",
    "app.verification": "Controlecode:", "app.code": "Uw itsme-code", "app.approve": "Bevestigen", "app.reject": "Weigeren",
    "app.approved": "Bevestigd.", "app.rejected": "Geweigerd.", "app.attemptsLeft": "nog {0} pogingen",
    "app.forget": "Deze app vergeten",
    "sign.title": "Ondertekenen", "sign.document": "Document", "sign.role": "U tekent als", "sign.state": "Stand",
    "sign.how": "Hoe wilt u ondertekenen?", "sign.itsme": "Met itsme", "sign.eid": "Met mijn eID-kaart",
    "sign.itsme.code": "Controleer dat uw itsme-app dezelfde code toont en bevestig met uw itsme-code:",
    "sign.itsme.wait": "Wachten op uw bevestiging in de app…",
    "sign.eid.help": "Steek uw eID in de kaartlezer en start de paraaf-agent; hij vraagt uw pincode:",
    "sign.eid.wait": "Deze pagina werkt zichzelf bij zodra de agent klaar is.",
    "sign.decline": "Weigeren", "sign.decline.reason": "Reden (niet verplicht)",
    "sign.done": "U hebt dit document ondertekend. Dank u.", "sign.declined": "U hebt geweigerd te ondertekenen.",
    "sign.page": "Pagina {0} van {1}",
    "signer.WAITING": "nog niet aan de beurt", "signer.INVITED": "uitgenodigd", "signer.VIEWED": "bekeken",
    "signer.SIGNED": "ondertekend", "signer.DECLINED": "geweigerd",
    "home.title": "paraaf — elektronisch ondertekenen in België",
    "home.verify": "Een handtekening controleren",
    "home.verify.text": "Laad een ondertekende PDF of XML op en zie of de handtekeningen geldig zijn.",
    "home.api": "API-documentatie",
    "verify.title": "Handtekeningen controleren",
    "verify.intro": "Kies een ondertekende PDF of XML. Het bestand wordt enkel gebruikt om de handtekeningen te controleren.",
    "verify.file": "Document",
    "verify.original": "Origineel (enkel voor een losse XML-handtekening)",
    "verify.submit": "Controleren",
    "verify.busy": "Bezig met controleren…",
    "verify.none": "Dit document bevat geen elektronische handtekeningen.",
    "verify.summary": "{0} van {1} handtekeningen geldig",
    "verify.signature": "Handtekening {0}",
    "verify.signer": "Ondertekenaar", "verify.nrn": "Rijksregisternummer", "verify.time": "Ondertekend op",
    "verify.proven": "Bewezen tijdstip", "verify.level": "Niveau", "verify.field": "Veld",
    "verify.changes": "Wijzigingen nadien", "verify.noChanges": "geen", "verify.why": "Uitleg",
    "verify.downloads": "Rapporten", "verify.pdf": "Leesbaar rapport (PDF)",
    "verify.timestamps": "Tijdstempels",
    "verdict.VALID": "Geldig", "verdict.INDETERMINATE": "Onbeslist", "verdict.INVALID": "Ongeldig",
    "reason.VALID": "De handtekening is geldig.",
    "reason.HASH_FAILURE": "Het document werd gewijzigd nadat het ondertekend werd.",
    "reason.SIG_CRYPTO_FAILURE": "De handtekening past niet bij de ondertekende gegevens.",
    "reason.REVOKED": "Het certificaat van de ondertekenaar werd ingetrokken.",
    "reason.REVOKED_NO_POE": "Het certificaat van de ondertekenaar werd ingetrokken.",
    "reason.NO_CERTIFICATE_CHAIN_FOUND": "Het certificaat van de ondertekenaar leidt niet naar een vertrouwde certificatie-autoriteit.",
    "reason.NO_CERTIFICATE_CHAIN_FOUND_NO_POE": "Het certificaat van de ondertekenaar leidt niet naar een vertrouwde certificatie-autoriteit.",
    "reason.TRY_LATER": "Er is nog geen intrekkingsinformatie; probeer later opnieuw.",
    "error.generic": "Het document kon niet gecontroleerd worden.",
    "app.demo": "Demoburgers",
    "app.demo.help": "Eén klik en deze app is de telefoon van die persoon (demo). Hun itsme-code: {0}",
    "app.demo.loaded": "Telefoon van {0} geladen.",
    "app.activate": "Activeren (demo, zonder de eID-bevestiging)",
    "app.activate.help": "Voornaam en naam zoals op de eID:", "app.givenName": "Voornaam", "app.surname": "Naam",
    "app.activated": "Geactiveerd: u kunt nu bevestigen.",
    "sign.eid.demo": "Demo: teken met de virtuele eID-kaart van {0} (pincode {1}):",
    "sign.eid.demoCards": "Virtuele demo-eID-kaarten (pincode {0}), te gebruiken met --card-dir:"
  },
  fr: {
    "home.agency": "Rédiger et envoyer un bail", "home.agency.text": "Pour les sociétés de logement : remplissez le bail, vérifiez-le et faites-le signer.",
    "agency.title": "Rédiger et envoyer un bail", "agency.key": "Clé API de votre organisation",
    "agency.sample": "Remplir un exemple", "agency.agency": "Société de logement", "agency.name": "Nom",
    "agency.enterprise": "Numéro d'entreprise", "agency.address": "Adresse", "agency.representative": "Représentant",
    "agency.nrn": "Numéro de registre national", "agency.tenants": "Locataires", "agency.addTenant": "Ajouter un locataire",
    "agency.removeTenant": "Supprimer", "agency.birth": "Date de naissance", "agency.method": "Signer avec",
    "agency.either": "itsme ou eID", "agency.dwelling": "Logement", "agency.start": "Date de début", "agency.months": "Durée (mois)",
    "agency.baseRent": "Loyer de base", "agency.adjustedRent": "Loyer adapté", "agency.charges": "Charges",
    "agency.deposit": "Garantie", "agency.clauses": "Clauses particulières", "agency.preview": "Aperçu",
    "agency.send": "Envoyer pour signature", "agency.request": "Signature", "agency.state": "État",
    "agency.download": "Télécharger le bail signé", "agency.archive": "Archives",
    "agency.search": "Rechercher", "agency.evidence": "Pièces justificatives (ZIP)", "agency.none": "Rien trouvé.",
    "agency.requestTitle": "Bail",
    "home.app": "App itsme (simulateur)", "home.app.text": "Une app de téléphone qui simule les confirmations itsme (démo).",
    "app.title": "itsme (simulateur)", "app.phone": "Numéro de GSM", "app.nrn": "Numéro de registre national",
    "app.newCode": "Choisissez votre code itsme (5 chiffres)", "app.enrol": "S'enregistrer", "app.enrolled": "Enregistré : confirmez maintenant avec votre eID.",
    "app.account": "Compte", "app.active": "actif", "app.pending": "À confirmer", "app.nothing": "Rien à confirmer.",
    "app.verification": "Code de contrôle :", "app.code": "Votre code itsme", "app.approve": "Confirmer", "app.reject": "Refuser",
    "app.approved": "Confirmé.", "app.rejected": "Refusé.", "app.attemptsLeft": "encore {0} essais",
    "app.forget": "Oublier cette app",
    "sign.title": "Signer", "sign.document": "Document", "sign.role": "Vous signez en tant que", "sign.state": "État",
    "sign.how": "Comment voulez-vous signer ?", "sign.itsme": "Avec itsme", "sign.eid": "Avec ma carte eID",
    "sign.itsme.code": "Vérifiez que votre app itsme affiche le même code et confirmez avec votre code itsme :",
    "sign.itsme.wait": "En attente de votre confirmation dans l'app…",
    "sign.eid.help": "Insérez votre eID dans le lecteur et lancez l'agent paraaf ; il demande votre code PIN :",
    "sign.eid.wait": "Cette page se met à jour dès que l'agent a terminé.",
    "sign.decline": "Refuser", "sign.decline.reason": "Raison (facultative)",
    "sign.done": "Vous avez signé ce document. Merci.", "sign.declined": "Vous avez refusé de signer.",
    "sign.page": "Page {0} de {1}",
    "signer.WAITING": "pas encore votre tour", "signer.INVITED": "invité", "signer.VIEWED": "consulté",
    "signer.SIGNED": "signé", "signer.DECLINED": "refusé",
    "home.title": "paraaf — signature électronique en Belgique",
    "home.verify": "Vérifier une signature",
    "home.verify.text": "Déposez un PDF ou un XML signé et voyez si les signatures sont valides.",
    "home.api": "Documentation de l'API",
    "verify.title": "Vérifier des signatures",
    "verify.intro": "Choisissez un PDF ou un XML signé. Le fichier ne sert qu'à vérifier les signatures.",
    "verify.file": "Document",
    "verify.original": "Original (uniquement pour une signature XML détachée)",
    "verify.submit": "Vérifier",
    "verify.busy": "Vérification en cours…",
    "verify.none": "Ce document ne contient aucune signature électronique.",
    "verify.summary": "{0} signature(s) valide(s) sur {1}",
    "verify.signature": "Signature {0}",
    "verify.signer": "Signataire", "verify.nrn": "Numéro de registre national", "verify.time": "Signé le",
    "verify.proven": "Moment prouvé", "verify.level": "Niveau", "verify.field": "Champ",
    "verify.changes": "Modifications ensuite", "verify.noChanges": "aucune", "verify.why": "Explication",
    "verify.downloads": "Rapports", "verify.pdf": "Rapport lisible (PDF)",
    "verify.timestamps": "Horodatages",
    "verdict.VALID": "Valide", "verdict.INDETERMINATE": "Indéterminée", "verdict.INVALID": "Invalide",
    "reason.VALID": "La signature est valide.",
    "reason.HASH_FAILURE": "Le document a été modifié après sa signature.",
    "reason.SIG_CRYPTO_FAILURE": "La signature ne correspond pas aux données signées.",
    "reason.REVOKED": "Le certificat du signataire a été révoqué.",
    "reason.REVOKED_NO_POE": "Le certificat du signataire a été révoqué.",
    "reason.NO_CERTIFICATE_CHAIN_FOUND": "Le certificat du signataire ne mène pas à une autorité de certification de confiance.",
    "reason.NO_CERTIFICATE_CHAIN_FOUND_NO_POE": "Le certificat du signataire ne mène pas à une autorité de certification de confiance.",
    "reason.TRY_LATER": "Aucune information de révocation n'est encore disponible ; réessayez plus tard.",
    "error.generic": "Le document n'a pas pu être vérifié.",
    "app.demo": "Citoyens de démonstration",
    "app.demo.help": "Un clic et cette app devient le téléphone de cette personne (démo). Leur code itsme : {0}",
    "app.demo.loaded": "Téléphone de {0} chargé.",
    "app.activate": "Activer (démo, sans la confirmation eID)",
    "app.activate.help": "Prénom et nom comme sur l'eID :", "app.givenName": "Prénom", "app.surname": "Nom",
    "app.activated": "Activé : vous pouvez maintenant confirmer.",
    "sign.eid.demo": "Démo : signez avec la carte eID virtuelle de {0} (code PIN {1}) :",
    "sign.eid.demoCards": "Cartes eID virtuelles de démonstration (code PIN {0}), à utiliser avec --card-dir :"
  },
  en: {
    "home.agency": "Prepare and send a lease", "home.agency.text": "For housing agencies: fill in the lease, check it and have it signed.",
    "agency.title": "Prepare and send a lease", "agency.key": "Your organisation's API key",
    "agency.sample": "Fill in an example", "agency.agency": "Housing agency", "agency.name": "Name",
    "agency.enterprise": "Enterprise number", "agency.address": "Address", "agency.representative": "Representative",
    "agency.nrn": "National register number", "agency.tenants": "Tenants", "agency.addTenant": "Add a tenant",
    "agency.removeTenant": "Remove", "agency.birth": "Birth date", "agency.method": "Sign with",
    "agency.either": "itsme or eID", "agency.dwelling": "Dwelling", "agency.start": "Start date", "agency.months": "Duration (months)",
    "agency.baseRent": "Base rent", "agency.adjustedRent": "Adjusted rent", "agency.charges": "Charges",
    "agency.deposit": "Deposit", "agency.clauses": "Special clauses", "agency.preview": "Preview",
    "agency.send": "Send for signing", "agency.request": "Signing", "agency.state": "State",
    "agency.download": "Download the signed lease", "agency.archive": "Archive",
    "agency.search": "Search", "agency.evidence": "Evidence (ZIP)", "agency.none": "Nothing found.",
    "agency.requestTitle": "Lease",
    "home.app": "itsme app (simulator)", "home.app.text": "A phone app that simulates itsme confirmations (demo).",
    "app.title": "itsme (simulator)", "app.phone": "Mobile number", "app.nrn": "National register number",
    "app.newCode": "Choose your itsme code (5 digits)", "app.enrol": "Enrol", "app.enrolled": "Enrolled: now confirm with your eID.",
    "app.account": "Account", "app.active": "active", "app.pending": "To confirm", "app.nothing": "Nothing to confirm.",
    "app.verification": "Verification code:", "app.code": "Your itsme code", "app.approve": "Confirm", "app.reject": "Reject",
    "app.approved": "Confirmed.", "app.rejected": "Rejected.", "app.attemptsLeft": "{0} attempts left",
    "app.forget": "Forget this app",
    "sign.title": "Sign", "sign.document": "Document", "sign.role": "You sign as", "sign.state": "State",
    "sign.how": "How do you want to sign?", "sign.itsme": "With itsme", "sign.eid": "With my eID card",
    "sign.itsme.code": "Check that your itsme app shows the same code and confirm with your itsme code:",
    "sign.itsme.wait": "Waiting for your confirmation in the app…",
    "sign.eid.help": "Insert your eID in the card reader and start the paraaf agent; it asks for your PIN:",
    "sign.eid.wait": "This page updates itself as soon as the agent has finished.",
    "sign.decline": "Decline", "sign.decline.reason": "Reason (optional)",
    "sign.done": "You signed this document. Thank you.", "sign.declined": "You declined to sign.",
    "sign.page": "Page {0} of {1}",
    "signer.WAITING": "not your turn yet", "signer.INVITED": "invited", "signer.VIEWED": "viewed",
    "signer.SIGNED": "signed", "signer.DECLINED": "declined",
    "home.title": "paraaf — electronic signing in Belgium",
    "home.verify": "Verify a signature",
    "home.verify.text": "Upload a signed PDF or XML and see whether its signatures are valid.",
    "home.api": "API documentation",
    "verify.title": "Verify signatures",
    "verify.intro": "Choose a signed PDF or XML. The file is used only to check its signatures.",
    "verify.file": "Document",
    "verify.original": "Original (only for a detached XML signature)",
    "verify.submit": "Verify",
    "verify.busy": "Verifying…",
    "verify.none": "This document contains no electronic signatures.",
    "verify.summary": "{0} of {1} signatures valid",
    "verify.signature": "Signature {0}",
    "verify.signer": "Signer", "verify.nrn": "National register number", "verify.time": "Signed at",
    "verify.proven": "Proven time", "verify.level": "Level", "verify.field": "Field",
    "verify.changes": "Changes afterwards", "verify.noChanges": "none", "verify.why": "Why",
    "verify.downloads": "Reports", "verify.pdf": "Readable report (PDF)",
    "verify.timestamps": "Time-stamps",
    "verdict.VALID": "Valid", "verdict.INDETERMINATE": "Indeterminate", "verdict.INVALID": "Invalid",
    "reason.VALID": "The signature is valid.",
    "error.generic": "The document could not be verified.",
    "app.demo": "Demo citizens",
    "app.demo.help": "One click and this app becomes that person's phone (demo). Their itsme code: {0}",
    "app.demo.loaded": "{0}'s phone loaded.",
    "app.activate": "Activate (demo, skips the eID confirmation)",
    "app.activate.help": "Given name and surname as on the eID:", "app.givenName": "Given name", "app.surname": "Surname",
    "app.activated": "Activated: you can now approve.",
    "sign.eid.demo": "Demo: sign with {0}'s virtual eID card (PIN {1}):",
    "sign.eid.demoCards": "Demo virtual eID cards (PIN {0}), to use with --card-dir:"
  }
};

const paraafI18n = (() => {
  const supported = Object.keys(PARAAF_TEXTS);
  function initial() {
    const fromQuery = new URLSearchParams(location.search).get("lang");
    if (supported.includes(fromQuery)) return fromQuery;
    const stored = localStorage.getItem("paraaf.lang");
    if (supported.includes(stored)) return stored;
    for (const tag of navigator.languages || [navigator.language || "nl"]) {
      const code = tag.slice(0, 2).toLowerCase();
      if (supported.includes(code)) return code;
    }
    return "nl";
  }
  let language = initial();
  const listeners = [];
  function t(key, ...args) {
    let text = PARAAF_TEXTS[language][key] ?? PARAAF_TEXTS.en[key] ?? PARAAF_TEXTS.nl[key] ?? key;
    args.forEach((arg, i) => { text = text.replace("{" + i + "}", arg); });
    return text;
  }
  function apply() {
    document.documentElement.lang = language;
    document.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("nav.languages button").forEach(button =>
      button.setAttribute("aria-pressed", String(button.dataset.lang === language)));
    listeners.forEach(listener => listener(language));
  }
  function use(code) {
    if (!supported.includes(code)) return;
    language = code;
    localStorage.setItem("paraaf.lang", code);
    apply();
  }
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("nav.languages button").forEach(button =>
      button.addEventListener("click", () => use(button.dataset.lang)));
    apply();
  });
  return { t, use, onChange: listener => listeners.push(listener), language: () => language };
})();

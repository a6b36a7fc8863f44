// paraaf page texts in Dutch (reference), French and English. The choice follows ?lang=, then the
// last switch (localStorage), then the browser's Accept-Language; elements carry data-i18n keys.
// Also the problem box every page shows (paraafProblem).
const PARAAF_TEXTS = {
  nl: {
    "app.confirm.read": "Lees eerst de itsme-overeenkomst (PDF)",
    "agency.actualisations": "Actualisaties", "agency.actualisations.text": "Vraag een kandidaat-huurder of hij ingeschreven blijft; hij antwoordt en ondertekent op zijn eigen pagina.",
    "agency.candidate": "Kandidaat-huurder", "agency.dossier": "Dossiernummer", "agency.due": "Antwoord tegen", "agency.language": "Taal",
    "agency.actualisation.send": "Actualisatie vragen", "agency.refresh": "Vernieuwen", "agency.confirmation": "Ondertekende bevestiging",
    "agency.actualisation.OPEN": "nog niet beantwoord", "agency.actualisation.AWAITING_SIGNATURE": "wacht op handtekening",
    "agency.actualisation.STAYS": "blijft ingeschreven", "agency.actualisation.WITHDRAWN": "ziet af van inschrijving",
    "agency.actualisation.OVERDUE": "termijn verstreken",
    "citizen.signNow": "Nu ondertekenen",
    "app.confirm.help": "Bevestig uw registratie met uw eID: steek de kaart in de lezer en start de paraaf-agent. Hij ondertekent de itsme-overeenkomst op uw naam na uw pincode:",
    "app.confirm.wait": "Deze app wordt actief zodra de agent klaar is.",
    "app.locked": "Uw itsme-account is geblokkeerd na te veel foute codes. Alleen een beheerder kan het deblokkeren.",
    "app.unlock": "Deblokkeren (demo)", "app.unlocked": "Gedeblokkeerd.",
    "home.citizen": "Mijn documenten", "home.citizen.text": "Voor burgers: meld u aan met itsme of uw eID en zie uw documenten, wat u nog moet ondertekenen en de actualisatie van uw inschrijving voor een sociale woning.",
    "citizen.title": "Mijn documenten", "citizen.login": "Aanmelden", "citizen.nrn": "Uw rijksregisternummer",
    "citizen.login.itsme": "Aanmelden met itsme", "citizen.login.itsme.code": "Controleer dat uw itsme-app dezelfde code toont en bevestig met uw itsme-code:",
    "citizen.login.eid": "Aanmelden met mijn eID-kaart", "citizen.login.eid.help": "Steek uw eID in de kaartlezer en start de paraaf-agent; hij vraagt uw pincode:",
    "citizen.login.eid.wait": "Deze pagina meldt u aan zodra de agent klaar is.",
    "citizen.loggedIn": "Aangemeld:", "citizen.logout": "Afmelden", "citizen.error": "Dat lukte niet",
    "citizen.actualisations": "Actualisatie sociale woning", "citizen.actualisations.none": "Er is geen actualisatie voor u.",
    "citizen.dossier": "Dossier {0} bij {1}, te beantwoorden tegen {2}",
    "citizen.stay": "Ik wil ingeschreven blijven als kandidaat-huurder.", "citizen.withdraw": "Ik zie af van mijn inschrijving.",
    "citizen.confirm": "Bevestigen en ondertekenen", "citizen.awaiting": "U koos al, maar ondertekende nog niet. Kies opnieuw om verder te gaan.",
    "citizen.status.OPEN": "Te beantwoorden.", "citizen.status.AWAITING_SIGNATURE": "Wacht op uw handtekening.",
    "citizen.status.STAYS": "Ondertekend: u blijft ingeschreven.", "citizen.status.WITHDRAWN": "Ondertekend: u ziet af van uw inschrijving.",
    "citizen.status.OVERDUE": "De termijn is verstreken; neem contact op met uw woonmaatschappij.",
    "citizen.download": "Ondertekende bevestiging downloaden", "citizen.requests": "Ondertekeningen",
    "citizen.requests.none": "Er zijn geen ondertekeningen voor u.",
    "citizen.documents": "Mijn ondertekende documenten", "citizen.documents.none": "Nog geen documenten.", "citizen.open": "Downloaden",
    "request.DRAFT": "in voorbereiding", "request.IN_PROGRESS": "lopend", "request.COMPLETED": "ondertekend",
    "request.DECLINED": "geweigerd", "request.EXPIRED": "verlopen", "request.CANCELLED": "geannuleerd",
    "doctype.lease": "Huurovereenkomst", "doctype.actualisation": "Actualisatie", "doctype.itsme-contract": "itsme-overeenkomst",
    "doctype.upload": "Document", "sign.back": "Terug naar mijn documenten",
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
    "sign.decline": "Weigeren", "sign.decline.reason": "Reden (verplicht)",
    "sign.done": "U hebt dit document ondertekend. Dank u.", "sign.declined": "U hebt geweigerd te ondertekenen.",
    "sign.page": "Pagina {0} van {1}",
    "agency.declineReason": "reden: {0}", "sign.download": "Het document downloaden (PDF)", "sign.download.signed": "Het ondertekende document downloaden (PDF)",
    "sign.notYourTurn": "U bent nog niet aan de beurt: u krijgt bericht zodra u kunt ondertekenen.",
    "sign.requestState.DRAFT": "Deze aanvraag is nog niet verstuurd.", "sign.requestState.COMPLETED": "Iedereen heeft ondertekend.",
    "sign.requestState.DECLINED": "Iemand heeft geweigerd te ondertekenen; de aanvraag is stopgezet.",
    "sign.requestState.EXPIRED": "Deze aanvraag is verlopen.", "sign.requestState.CANCELLED": "De afzender heeft deze aanvraag ingetrokken.",
    "sign.decline.title": "Niet ondertekenen", "sign.decline.confirm": "Weet u het zeker? Weigeren stopt de aanvraag voor iedereen en de afzender krijgt uw reden te zien.",
    "sign.decline.yes": "Ja, weigeren", "sign.decline.no": "Annuleren",
    "sign.error.reason-missing": "Geef een reden op: de afzender krijgt ze te zien.",
    "sign.error.not-your-turn": "U bent nog niet aan de beurt.", "sign.error.request-not-in-progress": "Deze aanvraag loopt niet meer.",
    "sign.error.signer-already-acted": "U hebt al ondertekend of geweigerd.", "sign.error.consent-method-not-allowed": "De afzender staat deze manier van ondertekenen niet toe.",
    "sign.error.itsme-account-not-found": "Er is geen actieve itsme-account voor u.", "sign.error.rate-limited": "Te veel pogingen; probeer het over een minuut opnieuw.",
    "sign.error.signing-link-expired": "Deze link is verlopen.", "sign.error.invalid-reason": "De reden is te lang (hoogstens 500 tekens).",
    "sign.error.other": "Dat lukte niet. Probeer het opnieuw of neem contact op met de afzender.",
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
    "verify.summary": "{0} van {1} handtekeningen geldig",
    "verify.signature": "Handtekening {0}",
    "verify.signer": "Ondertekenaar", "verify.nrn": "Rijksregisternummer", "verify.time": "Ondertekend op",
    "verify.proven": "Bewezen tijdstip", "verify.level": "Niveau", "verify.field": "Veld",
    "verify.changes": "Wijzigingen nadien", "verify.noChanges": "geen",
    "verify.downloads": "Rapporten", "verify.pdf": "Leesbaar rapport (PDF)",
    "verify.timestamps": "Tijdstempels",
    "verify.findings": "Wat er gebeurde na de ondertekening",
    "verify.picture.signed": "Pagina {0} zoals ondertekend",
    "verify.picture.current": "Pagina {0} nu, wijzigingen rood omkaderd",
    "verify.picture.currentSame": "Pagina {0} nu (geen zichtbaar verschil)",
    "verify.picture.signedAlt": "Pagina {0} zoals {1} ze ondertekende",
    "verify.picture.currentAlt": "Pagina {0} zoals ze nu is, met de gewijzigde delen rood omkaderd",
    "verify.picture.currentAltSame": "Pagina {0} zoals ze nu is, zonder zichtbaar verschil",
    "verify.picture.missing": "Pagina {0} bestond nog niet toen deze handtekening werd geplaatst.",
    "verify.picture.someone": "de ondertekenaar",
    "verify.technical": "Technische details", "verify.ades": "ETSI-resultaat (DSS)",
    "verify.modification": "Wijzigingsniveau nadien", "verify.allowed": "toegelaten",
    "verify.certification": "Certificering", "verify.signedBytes": "Ondertekende bytes",
    "verify.wholeDocument": "Dekt het hele bestand", "verify.yes": "ja", "verify.no": "nee",
    "verify.policy": "Beleid", "verify.qualification": "Kwalificatie",
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
    "app.confirm.read": "Lisez d'abord le contrat itsme (PDF)",
    "agency.actualisations": "ActualisationService", "agency.actualisations.text": "Demandez à un candidat-locataire s'il reste inscrit ; il répond et signe sur sa propre page.",
    "agency.candidate": "Candidat-locataire", "agency.dossier": "Numéro de dossier", "agency.due": "Réponse pour le", "agency.language": "Langue",
    "agency.actualisation.send": "Demander l'actualisation", "agency.refresh": "Actualiser", "agency.confirmation": "Confirmation signée",
    "agency.actualisation.OPEN": "pas encore de réponse", "agency.actualisation.AWAITING_SIGNATURE": "en attente de signature",
    "agency.actualisation.STAYS": "reste inscrit", "agency.actualisation.WITHDRAWN": "renonce à l'inscription",
    "agency.actualisation.OVERDUE": "délai dépassé",
    "citizen.signNow": "Signer maintenant",
    "app.confirm.help": "Confirmez votre inscription avec votre eID : insérez la carte dans le lecteur et lancez l'agent paraaf ; il signe le contrat itsme après votre code PIN :",
    "app.confirm.wait": "Cette app devient active dès que l'agent a terminé.",
    "app.locked": "Votre compte itsme est bloqué après trop de codes erronés. Seul un administrateur peut le débloquer.",
    "app.unlock": "Débloquer (démo)", "app.unlocked": "Débloqué.",
    "home.citizen": "Mes documents", "home.citizen.text": "Pour les citoyens : connectez-vous avec itsme ou votre eID et consultez vos documents, ce qu'il vous reste à signer et l'actualisation de votre inscription pour un logement social.",
    "citizen.title": "Mes documents", "citizen.login": "Se connecter", "citizen.nrn": "Votre numéro de registre national",
    "citizen.login.itsme": "Se connecter avec itsme", "citizen.login.itsme.code": "Vérifiez que votre app itsme affiche le même code et confirmez avec votre code itsme :",
    "citizen.login.eid": "Se connecter avec ma carte eID", "citizen.login.eid.help": "Insérez votre eID dans le lecteur et lancez l'agent paraaf ; il vous demandera votre code PIN :",
    "citizen.login.eid.wait": "Cette page vous connecte dès que l'agent a terminé.",
    "citizen.loggedIn": "Connecté :", "citizen.logout": "Se déconnecter", "citizen.error": "Cela n'a pas fonctionné",
    "citizen.actualisations": "Actualisation logement social", "citizen.actualisations.none": "Aucune actualisation ne vous concerne.",
    "citizen.dossier": "Dossier {0} auprès de {1}, à répondre avant le {2}",
    "citizen.stay": "Je souhaite rester inscrit comme candidat-locataire.", "citizen.withdraw": "Je renonce à mon inscription.",
    "citizen.confirm": "Confirmer et signer", "citizen.awaiting": "Vous avez choisi, mais pas encore signé. Choisissez à nouveau pour continuer.",
    "citizen.status.OPEN": "À répondre.", "citizen.status.AWAITING_SIGNATURE": "En attente de votre signature.",
    "citizen.status.STAYS": "Signé : vous restez inscrit.", "citizen.status.WITHDRAWN": "Signé : vous renoncez à votre inscription.",
    "citizen.status.OVERDUE": "Le délai est dépassé ; contactez votre société de logement.",
    "citizen.download": "Télécharger la confirmation signée", "citizen.requests": "Signatures",
    "citizen.requests.none": "Aucune signature ne vous concerne.",
    "citizen.documents": "Mes documents signés", "citizen.documents.none": "Pas encore de documents.", "citizen.open": "Télécharger",
    "request.DRAFT": "en préparation", "request.IN_PROGRESS": "en cours", "request.COMPLETED": "signé",
    "request.DECLINED": "refusé", "request.EXPIRED": "expiré", "request.CANCELLED": "annulé",
    "doctype.lease": "Bail", "doctype.actualisation": "Actualisation", "doctype.itsme-contract": "Contrat itsme",
    "doctype.upload": "Document", "sign.back": "Retour à mes documents",
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
    "sign.decline": "Refuser", "sign.decline.reason": "Raison (obligatoire)",
    "sign.done": "Vous avez signé ce document. Merci.", "sign.declined": "Vous avez refusé de signer.",
    "sign.page": "Page {0} de {1}",
    "agency.declineReason": "raison : {0}", "sign.download": "Télécharger le document (PDF)", "sign.download.signed": "Télécharger le document signé (PDF)",
    "sign.notYourTurn": "Ce n’est pas encore votre tour : vous serez prévenu dès que vous pourrez signer.",
    "sign.requestState.DRAFT": "Cette demande n’a pas encore été envoyée.", "sign.requestState.COMPLETED": "Tout le monde a signé.",
    "sign.requestState.DECLINED": "Quelqu’un a refusé de signer ; la demande est arrêtée.",
    "sign.requestState.EXPIRED": "Cette demande a expiré.", "sign.requestState.CANCELLED": "L’expéditeur a retiré cette demande.",
    "sign.decline.title": "Ne pas signer", "sign.decline.confirm": "En êtes-vous sûr ? Refuser arrête la demande pour tout le monde et l’expéditeur verra votre raison.",
    "sign.decline.yes": "Oui, refuser", "sign.decline.no": "Annuler",
    "sign.error.reason-missing": "Indiquez une raison : l’expéditeur la verra.",
    "sign.error.not-your-turn": "Ce n’est pas encore votre tour.", "sign.error.request-not-in-progress": "Cette demande n’est plus en cours.",
    "sign.error.signer-already-acted": "Vous avez déjà signé ou refusé.", "sign.error.consent-method-not-allowed": "L’expéditeur n’autorise pas cette façon de signer.",
    "sign.error.itsme-account-not-found": "Vous n’avez pas de compte itsme actif.", "sign.error.rate-limited": "Trop de tentatives ; réessayez dans une minute.",
    "sign.error.signing-link-expired": "Ce lien a expiré.", "sign.error.invalid-reason": "La raison est trop longue (500 caractères au plus).",
    "sign.error.other": "Cela n’a pas fonctionné. Réessayez ou contactez l’expéditeur.",
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
    "verify.summary": "{0} signature(s) valide(s) sur {1}",
    "verify.signature": "Signature {0}",
    "verify.signer": "Signataire", "verify.nrn": "Numéro de registre national", "verify.time": "Signé le",
    "verify.proven": "Moment prouvé", "verify.level": "Niveau", "verify.field": "Champ",
    "verify.changes": "Modifications ensuite", "verify.noChanges": "aucune",
    "verify.downloads": "Rapports", "verify.pdf": "Rapport lisible (PDF)",
    "verify.timestamps": "Horodatages",
    "verify.findings": "Ce qui s'est passé après la signature",
    "verify.picture.signed": "Page {0} telle que signée",
    "verify.picture.current": "Page {0} actuelle, modifications encadrées en rouge",
    "verify.picture.currentSame": "Page {0} actuelle (aucune différence visible)",
    "verify.picture.signedAlt": "La page {0} telle que {1} l'a signée",
    "verify.picture.currentAlt": "La page {0} telle qu'elle est maintenant, les parties modifiées encadrées en rouge",
    "verify.picture.currentAltSame": "La page {0} telle qu'elle est maintenant, sans différence visible",
    "verify.picture.missing": "La page {0} n'existait pas encore lorsque cette signature a été apposée.",
    "verify.picture.someone": "le signataire",
    "verify.technical": "Détails techniques", "verify.ades": "Résultat ETSI (DSS)",
    "verify.modification": "Niveau de modification ensuite", "verify.allowed": "autorisé",
    "verify.certification": "Certification", "verify.signedBytes": "Octets signés",
    "verify.wholeDocument": "Couvre tout le fichier", "verify.yes": "oui", "verify.no": "non",
    "verify.policy": "Politique", "verify.qualification": "Qualification",
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
    "app.confirm.read": "Read the itsme contract first (PDF)",
    "agency.actualisations": "ActualisationService", "agency.actualisations.text": "Ask a candidate tenant whether they stay registered; they answer and sign on their own page.",
    "agency.candidate": "Candidate tenant", "agency.dossier": "File number", "agency.due": "Answer by", "agency.language": "Language",
    "agency.actualisation.send": "Ask for the actualisation", "agency.refresh": "Refresh", "agency.confirmation": "Signed confirmation",
    "agency.actualisation.OPEN": "not answered yet", "agency.actualisation.AWAITING_SIGNATURE": "waiting for the signature",
    "agency.actualisation.STAYS": "stays registered", "agency.actualisation.WITHDRAWN": "gives up the registration",
    "agency.actualisation.OVERDUE": "deadline passed",
    "citizen.signNow": "Sign now",
    "app.confirm.help": "Confirm your enrolment with your eID: insert the card in the reader and start the paraaf agent; it signs the itsme contract after your PIN:",
    "app.confirm.wait": "This app becomes active as soon as the agent has finished.",
    "app.locked": "Your itsme account is locked after too many wrong codes. Only an administrator can unlock it.",
    "app.unlock": "Unlock (demo)", "app.unlocked": "Unlocked.",
    "home.citizen": "My documents", "home.citizen.text": "For citizens: log in with itsme or your eID to see your documents, what you still have to sign and the actualisation of your social-housing registration.",
    "citizen.title": "My documents", "citizen.login": "Log in", "citizen.nrn": "Your national register number",
    "citizen.login.itsme": "Log in with itsme", "citizen.login.itsme.code": "Check that your itsme app shows the same code and confirm with your itsme code:",
    "citizen.login.eid": "Log in with my eID card", "citizen.login.eid.help": "Insert your eID in the card reader and start the paraaf agent; it will ask for your PIN:",
    "citizen.login.eid.wait": "This page logs you in as soon as the agent has finished.",
    "citizen.loggedIn": "Logged in:", "citizen.logout": "Log out", "citizen.error": "That did not work",
    "citizen.actualisations": "Social housing actualisation", "citizen.actualisations.none": "There is no actualisation for you.",
    "citizen.dossier": "File {0} with {1}, to answer by {2}",
    "citizen.stay": "I want to stay registered as a candidate tenant.", "citizen.withdraw": "I give up my registration.",
    "citizen.confirm": "Confirm and sign", "citizen.awaiting": "You chose but have not signed yet. Choose again to continue.",
    "citizen.status.OPEN": "To answer.", "citizen.status.AWAITING_SIGNATURE": "Waiting for your signature.",
    "citizen.status.STAYS": "Signed: you stay registered.", "citizen.status.WITHDRAWN": "Signed: you give up your registration.",
    "citizen.status.OVERDUE": "The deadline has passed; contact your housing company.",
    "citizen.download": "Download the signed confirmation", "citizen.requests": "Signatures",
    "citizen.requests.none": "There are no signatures for you.",
    "citizen.documents": "My signed documents", "citizen.documents.none": "No documents yet.", "citizen.open": "Download",
    "request.DRAFT": "being prepared", "request.IN_PROGRESS": "in progress", "request.COMPLETED": "signed",
    "request.DECLINED": "declined", "request.EXPIRED": "expired", "request.CANCELLED": "cancelled",
    "doctype.lease": "Lease", "doctype.actualisation": "Actualisation", "doctype.itsme-contract": "itsme contract",
    "doctype.upload": "Document", "sign.back": "Back to my documents",
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
    "sign.decline": "Decline", "sign.decline.reason": "Reason (required)",
    "sign.done": "You signed this document. Thank you.", "sign.declined": "You declined to sign.",
    "sign.page": "Page {0} of {1}",
    "agency.declineReason": "reason: {0}", "sign.download": "Download the document (PDF)", "sign.download.signed": "Download the signed document (PDF)",
    "sign.notYourTurn": "It is not your turn yet: you will be told as soon as you can sign.",
    "sign.requestState.DRAFT": "This request has not been sent yet.", "sign.requestState.COMPLETED": "Everyone has signed.",
    "sign.requestState.DECLINED": "Someone declined to sign; the request has stopped.",
    "sign.requestState.EXPIRED": "This request has expired.", "sign.requestState.CANCELLED": "The sender withdrew this request.",
    "sign.decline.title": "Do not sign", "sign.decline.confirm": "Are you sure? Declining stops the request for everyone, and the sender will see your reason.",
    "sign.decline.yes": "Yes, decline", "sign.decline.no": "Cancel",
    "sign.error.reason-missing": "Give a reason: the sender will see it.",
    "sign.error.not-your-turn": "It is not your turn yet.", "sign.error.request-not-in-progress": "This request is no longer running.",
    "sign.error.signer-already-acted": "You have already signed or declined.", "sign.error.consent-method-not-allowed": "The sender does not allow this way of signing.",
    "sign.error.itsme-account-not-found": "You have no active itsme account.", "sign.error.rate-limited": "Too many attempts; try again in a minute.",
    "sign.error.signing-link-expired": "This link has expired.", "sign.error.invalid-reason": "The reason is too long (500 characters at most).",
    "sign.error.other": "That did not work. Try again or contact the sender.",
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
    "verify.summary": "{0} of {1} signatures valid",
    "verify.signature": "Signature {0}",
    "verify.signer": "Signer", "verify.nrn": "National register number", "verify.time": "Signed at",
    "verify.proven": "Proven time", "verify.level": "Level", "verify.field": "Field",
    "verify.changes": "Changes afterwards", "verify.noChanges": "none",
    "verify.downloads": "Reports", "verify.pdf": "Readable report (PDF)",
    "verify.timestamps": "Time-stamps",
    "verify.findings": "What happened after signing",
    "verify.picture.signed": "Page {0} as signed",
    "verify.picture.current": "Page {0} now, changes framed in red",
    "verify.picture.currentSame": "Page {0} now (no visible difference)",
    "verify.picture.signedAlt": "Page {0} as {1} signed it",
    "verify.picture.currentAlt": "Page {0} as it is now, the changed parts framed in red",
    "verify.picture.currentAltSame": "Page {0} as it is now, with no visible difference",
    "verify.picture.missing": "Page {0} did not exist yet when this signature was made.",
    "verify.picture.someone": "the signer",
    "verify.technical": "Technical details", "verify.ades": "ETSI result (DSS)",
    "verify.modification": "Modification level afterwards", "verify.allowed": "allowed",
    "verify.certification": "Certification", "verify.signedBytes": "Signed bytes",
    "verify.wholeDocument": "Covers the whole file", "verify.yes": "yes", "verify.no": "no",
    "verify.policy": "Policy", "verify.qualification": "Qualification",
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
    // a language in the link is a choice too: it sticks when the user follows links to other pages
    if (supported.includes(fromQuery)) { localStorage.setItem("paraaf.lang", fromQuery); return fromQuery; }
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
  // a date (ISO "2026-12-31" or an instant) as people in Belgium write it in the current language
  function date(value) {
    const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? value + "T12:00:00" : value);
    return isNaN(parsed) ? String(value) : parsed.toLocaleDateString(language + "-BE",
      { day: "numeric", month: "long", year: "numeric" });
  }
  return { t, use, date, onChange: listener => listeners.push(listener), language: () => language };
})();

// An RFC 9457 answer as every page shows it: its title (else the page's fallback text) and detail, plus what
// the page adds (field errors, attempts left), in one alert box that replaces what `container` held.
// What the service runs as, asked once per page (GET /api/config): {demo} is true only in the embedded default
// mode, the one mode that has the demo data and the /api/dev/** shortcuts. Pages call those only then.
const paraafConfig = (() => {
  let config = null;
  return () => config ??= fetch("/api/config").then(r => r.ok ? r.json() : { demo: false })
    .catch(() => ({ demo: false }));
})();

// elements marked data-demo-only (the simulator, the API description) appear only in the demo
document.addEventListener("DOMContentLoaded", () => paraafConfig().then(config => {
  if (config.demo) document.querySelectorAll("[data-demo-only]").forEach(element => { element.hidden = false; });
}));

/** GET a demo-only JSON resource, or {@code fallback} outside the demo. */
function paraafDemo(path, fallback) {
  return paraafConfig().then(config => config.demo
    ? fetch(path).then(r => r.ok ? r.json() : fallback).catch(() => fallback) : fallback);
}

function paraafProblem(container, body, fallback, extra = "") {
  const box = document.createElement("div");
  box.className = "error";
  box.setAttribute("role", "alert");
  box.id = "problem";
  box.textContent = (body.title || fallback) + (body.detail ? ": " + body.detail : "") + extra;
  container.replaceChildren(box);
}

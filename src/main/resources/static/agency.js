// The housing agency's page: fill the lease (tenants added and removed), preview the rendered PDF/A pages,
// send it to the tenants and the representative (each by national register number, itsme or eID), follow the
// request live, download the signed lease and search the archive. The API key stays in this tab
// (sessionStorage); documents are fetched with it and shown as blob URLs.
(() => {
  const t = paraafI18n.t;
  const status = document.getElementById("status");
  const keyInput = document.getElementById("api-key");
  keyInput.value = sessionStorage.getItem("paraaf.key") || "";
  keyInput.addEventListener("change", () => {
    sessionStorage.setItem("paraaf.key", keyInput.value.trim());
    actualisations().catch(() => {});
  });
  // the embedded default (dev) mode has a demo agency whose key the README documents: fill it in
  if (!keyInput.value) {
    paraafDemo("/api/dev/demo/agency", null).then(agency => {
      if (agency && !keyInput.value) { keyInput.value = agency.apiKey; actualisations().catch(() => {}); }
    });
  }
  let documentId = null;
  let requestId = null;
  let following = null;
  // every call carries the organisation's API key
  const api = paraafApi.client({ headers: () => ({ "X-API-Key": keyInput.value.trim() }) });

  const SAMPLE = {
    agency: { name: "Woonmaatschappij Scheldeland (demo)", enterpriseNumber: "0403.170.701",
      address: { street: "Kouter", number: "12", postalCode: "9000", municipality: "Gent" }, representative: "Jérôme Maës",
      iban: "BE68 5390 0754 7034" },
    tenants: [{ name: "Zoë Van den Broeck", nationalNumber: "92.05.05-123.45", birthDate: "1992-05-05" }],
    dwelling: { street: "Rue de l'Église", number: "7", postalCode: "9300", municipality: "Aalst" },
    startDate: "2027-01-01", durationMonths: 108, baseRent: "845,50", adjustedRent: "512,37", charges: "45,00",
    deposit: "1.024,74", clauses: "De huurder mag een kleine huiskat houden."
  };
  const value = id => document.getElementById(id).value.trim();
  // an amount as Belgians write it ("845,50", "1.024,74", "1 024,74") in the API's form ("845.50"); an amount
  // written with a decimal point and no comma is passed on as typed
  const euro = text => text.includes(",") ? text.replace(/[.\s\u00a0\u202f]/g, "").replace(",", ".") : text;
  const amount = id => euro(value(id));
  const set = (id, text) => { document.getElementById(id).value = text ?? ""; };
  // dates show as dd/mm/yyyy and go to the API as ISO; a date that is none is said before anything is sent
  const shown = iso => iso ? paraafI18n.shortDate(iso) : "";
  function isoOf(input, label) {
    const typed = input.value.trim();
    if (!typed) return "";
    const iso = paraafI18n.isoDate(typed);
    if (iso) return iso;
    throw Object.assign(new paraafApi.ParaafProblem(0, { title: t("agency.badDate", label ? label + " " + typed
      : typed) }), { input });
  }
  const dateOf = id => isoOf(document.getElementById(id), t(document.querySelector("label[for='" + id + "']")
    .dataset.i18n));

  // one tenant: each input with a visible label in the page's language (data-i18n: switched with the language)
  function tenantRow(tenant = {}) {
    const row = document.createElement("p");
    row.className = "tenant";
    const field = (cls, label, text, size, extra = {}) => {
      const wrapper = document.createElement("label");
      const words = document.createElement("span");
      words.dataset.i18n = label;
      words.textContent = t(label);
      const input = Object.assign(document.createElement("input"), { className: cls, size, value: text || "" });
      Object.entries(extra).forEach(([name, value]) => input.setAttribute(name, value));
      wrapper.append(words, document.createElement("br"), input);
      return wrapper;
    };
    const methodLabel = document.createElement("label");
    const methodWords = Object.assign(document.createElement("span"), { textContent: t("agency.method") });
    methodWords.dataset.i18n = "agency.method";
    const method = document.createElement("select");
    method.className = "tenant-method";
    [["EITHER", "agency.either"], ["ITSME", "sign.itsme"], ["EID", "sign.eid"]].forEach(([v, label]) => {
      const option = document.createElement("option"); option.value = v; option.textContent = t(label);
      option.dataset.i18n = label; method.append(option);
    });
    methodLabel.append(methodWords, document.createElement("br"), method);
    const remove = document.createElement("button");
    remove.type = "button"; remove.className = "remove-tenant"; remove.textContent = t("agency.removeTenant");
    remove.dataset.i18n = "agency.removeTenant";
    remove.addEventListener("click", () => row.remove());
    row.append(field("tenant-name", "agency.name", tenant.name, 24), " ",
      field("tenant-nrn", "agency.nrn", tenant.nationalNumber, 15), " ",
      field("tenant-birth", "agency.birth", shown(tenant.birthDate), 10,
        { inputmode: "numeric", placeholder: t("agency.datePlaceholder"), "aria-describedby": "date-format" }),
      " ", methodLabel, " ", remove);
    document.getElementById("tenants").append(row);
  }

  document.getElementById("add-tenant").addEventListener("click", () => tenantRow());
  // In the embedded default (dev) mode the sample's people are the demo citizens: two tenants and the
  // representative, each with a seeded itsme account (and virtual eID card), so the sample lease can be signed as
  // every party. Elsewhere SAMPLE's tenant (the first demo citizen, as in test-docs/templates/lease.json) stands alone.
  const demoCitizens = paraafDemo("/api/dev/demo/citizens", []);

  document.getElementById("sample").addEventListener("click", async () => {
    const s = SAMPLE;
    const demo = await demoCitizens;
    const tenants = demo.length >= 2 ? demo.slice(0, 2).map(citizen => ({ name: citizen.name,
      nationalNumber: citizen.nationalRegisterNumberFormatted, birthDate: citizen.birthDate })) : s.tenants;
    const representative = demo[2];
    set("agency-name", s.agency.name); set("agency-number", s.agency.enterpriseNumber);
    set("agency-street", s.agency.address.street); set("agency-house", s.agency.address.number);
    set("agency-postal", s.agency.address.postalCode); set("agency-city", s.agency.address.municipality);
    set("agency-iban", s.agency.iban);
    set("agency-representative", representative ? representative.name : s.agency.representative);
    if (representative) set("agency-representative-nrn", representative.nationalRegisterNumberFormatted);
    document.getElementById("tenants").replaceChildren();
    tenants.forEach(tenantRow);
    set("dwelling-street", s.dwelling.street); set("dwelling-house", s.dwelling.number);
    set("dwelling-postal", s.dwelling.postalCode); set("dwelling-city", s.dwelling.municipality);
    set("start", shown(s.startDate)); set("months", s.durationMonths); set("base-rent", s.baseRent);
    set("adjusted-rent", s.adjustedRent); set("charges", s.charges); set("deposit", s.deposit); set("clauses", s.clauses);
  });

  function tenants() {
    return [...document.querySelectorAll("#tenants .tenant")].map(row => ({
      name: row.querySelector(".tenant-name").value.trim(), nationalNumber: row.querySelector(".tenant-nrn").value.trim(),
      birthDate: isoOf(row.querySelector(".tenant-birth"), t("agency.birth")),
      method: row.querySelector(".tenant-method").value }));
  }

  function lease() {
    return { agency: { name: value("agency-name"), enterpriseNumber: value("agency-number"),
        address: { street: value("agency-street"), number: value("agency-house"), postalCode: value("agency-postal"),
          municipality: value("agency-city") }, representative: value("agency-representative"),
        ...(value("agency-iban") ? { iban: value("agency-iban") } : {}) },
      tenants: tenants().map(({ name, nationalNumber, birthDate }) => ({ name, nationalNumber, birthDate })),
      dwelling: { street: value("dwelling-street"), number: value("dwelling-house"), postalCode: value("dwelling-postal"),
        municipality: value("dwelling-city") },
      startDate: dateOf("start"), durationMonths: Number(value("months")), baseRent: amount("base-rent"),
      adjustedRent: amount("adjusted-rent"), charges: amount("charges"), deposit: amount("deposit"), clauses: value("clauses") };
  }

  document.getElementById("lease").addEventListener("submit", async event => {
    event.preventDefault();
    try {
      sessionStorage.setItem("paraaf.key", keyInput.value.trim());
      const metadata = await api.json("/api/documents/templates/lease?lang=" + paraafI18n.language(),
        { method: "POST", json: lease() });
      documentId = metadata.id;
      const box = document.getElementById("pages");
      box.replaceChildren();
      for (let page = 1; page <= metadata.pageCount; page++) {
        const blob = await api.blob("/api/documents/" + documentId + "/pages/" + page + ".png?dpi=96");
        const image = document.createElement("img");
        image.src = URL.createObjectURL(blob);
        image.alt = t("sign.page", page, metadata.pageCount);
        image.className = "page";
        image.style.maxWidth = "100%";
        box.append(image);
      }
      document.getElementById("document").hidden = false;
      status.replaceChildren();
    } catch (problem) { show(problem); }
  });

  document.getElementById("send").addEventListener("click", async () => {
    const people = tenants();
    const signers = people.map((tenant, index) => ({ role: "tenant-" + (index + 1), name: tenant.name,
      nationalRegisterNumber: tenant.nationalNumber, consentMethods: tenant.method, fieldName: "tenant-" + (index + 1),
      step: index + 1 }));
    signers.push({ role: "agency", name: value("agency-representative"), nationalRegisterNumber:
      value("agency-representative-nrn"), consentMethods: "EITHER", fieldName: "agency", step: people.length + 1 });
    try {
      const notices = value("notify-email") ? { notificationEmail: value("notify-email"),
        notificationLanguage: value("notify-language") } : {};
      const created = await api.json("/api/requests", { method: "POST",
        json: { documentId, title: t("agency.requestTitle"), signers, ...notices } });
      requestId = created.id;
      names = new Map(signers.map(signer => [signer.role, signer.name]));
      await api.response("/api/requests/" + requestId + "/start", { method: "POST" });
      const list = document.getElementById("signers");
      list.replaceChildren();
      created.signerLinks.forEach(link => {
        const item = document.createElement("li");
        item.dataset.role = link.role;
        const anchor = document.createElement("a");
        anchor.href = "/sign.html?token=" + encodeURIComponent(link.token);
        anchor.className = "signer-link";
        const state = document.createElement("span");
        state.className = "signer-state";
        item.append(anchor, " — ", state);
        list.append(item);
      });
      document.getElementById("request").hidden = false;
      states();
      follow();
    } catch (problem) { show(problem); }
  });

  // the request's and signers' states in the current language (again after a language switch)
  let lastRequest = null;
  let names = new Map();
  function states() {
    // a signer by the role people read and their name: "Huurder 1 — Zoë Van den Broeck"
    document.querySelectorAll("#signers li").forEach(item => {
      item.querySelector(".signer-link").textContent = paraafI18n.role(item.dataset.role)
        + (names.get(item.dataset.role) ? " — " + names.get(item.dataset.role) : "");
    });
    if (!lastRequest) return;
    document.getElementById("request-state").textContent = t("request." + lastRequest.state);
    lastRequest.signers.forEach(signer => {
      const item = document.querySelector("#signers li[data-role='" + CSS.escape(signer.role) + "'] .signer-state");
      // a decline's reason is the agency's to read, as the signer gave it
      if (item) item.textContent = t("signer." + signer.state) + (signer.state === "DECLINED" && signer.declineReason
        ? " — " + t("agency.declineReason", signer.declineReason) : "");
    });
  }
  paraafI18n.onChange(states);

  // follows the request until it ends (completed, declined, expired, cancelled), slower while nothing changes
  function follow() {
    if (following) following.stop();
    following = paraafApi.poll(async () => {
      const request = await api.json("/api/requests/" + requestId);
      lastRequest = request;
      states();
      document.getElementById("downloads").hidden = request.state !== "COMPLETED";
      return paraafApi.ended(request.state) || request;
    }, { every: 2000, max: 10000, onProblem: show });
  }

  document.getElementById("download-pdf").addEventListener("click", async () => {
    try { save(await api.blob("/api/requests/" + requestId + "/document"), "huurovereenkomst.pdf"); }
    catch (problem) { show(problem); }
  });

  document.getElementById("archive-search").addEventListener("submit", async event => {
    event.preventDefault();
    try {
      const page = await api.json("/api/archive?nationalNumber=" + encodeURIComponent(value("archive-nrn")));
      const list = document.getElementById("archive-results");
      list.replaceChildren();
      page.items.forEach(entry => {
        const item = document.createElement("li");
        const evidence = document.createElement("button");
        evidence.type = "button"; evidence.textContent = t("agency.evidence");
        evidence.addEventListener("click", async () => {
          try { save(await api.blob("/api/archive/" + entry.id + "/evidence"), "evidence-" + entry.id + ".zip"); }
          catch (problem) { show(problem); }
        });
        item.append(t("doctype." + entry.documentType) + " — " + shown(entry.archivedAt || entry.createdAt) + " ", evidence);
        list.append(item);
      });
      if (!page.items.length) list.append(Object.assign(document.createElement("li"), { textContent: t("agency.none") }));
    } catch (problem) { show(problem); }
  });

  // Wonen-in-Vlaanderen actualisations: ask a candidate to confirm or withdraw by a due date; the candidate
  // answers on their own page and signs; the signed confirmation is the request's document.
  document.getElementById("actualisation-form").addEventListener("submit", async event => {
    event.preventDefault();
    try {
      await api.json("/api/actualisations", { method: "POST", json: { name: value("act-name"),
        nationalRegisterNumber: value("act-nrn"), dossierNumber: value("act-dossier"),
        housingCompany: value("act-company") || null, dueDate: dateOf("act-due"), language: value("act-language") } });
      status.replaceChildren();
      await actualisations();
    } catch (problem) { show(problem); }
  });
  document.getElementById("act-refresh").addEventListener("click", () => actualisations().catch(show));

  let lastActualisations = [];
  async function actualisations() {
    lastActualisations = await api.json("/api/actualisations?size=50");
    renderActualisations();
  }

  function renderActualisations() {
    const list = document.getElementById("actualisation-list");
    list.replaceChildren(...lastActualisations.map(item => {
      const line = document.createElement("li");
      line.className = "actualisation";
      line.dataset.id = item.id;
      line.append(item.dossierNumber + " — " + item.name + " — " + shown(item.dueDate) + " — ");
      const state = document.createElement("strong");
      state.className = "actualisation-status";
      state.textContent = t("agency.actualisation." + item.status);
      line.append(state);
      if (item.status === "STAYS" || item.status === "WITHDRAWN") {
        const download = document.createElement("button");
        download.type = "button"; download.className = "download"; download.textContent = t("agency.confirmation");
        download.addEventListener("click", async () => {
          try { save(await api.blob("/api/requests/" + item.requestId + "/document"),
            "actualisatie-" + item.dossierNumber + ".pdf"); } catch (problem) { show(problem); }
        });
        line.append(" ", download);
      }
      return line;
    }));
  }
  paraafI18n.onChange(renderActualisations);

  function save(blob, name) {
    const anchor = document.createElement("a");
    anchor.href = URL.createObjectURL(blob); anchor.download = name;
    document.body.append(anchor); anchor.click(); anchor.remove();
  }

  function show(problem) {
    paraafApi.show(status, problem, null, fieldName);
    // the fields the service refused are marked, for eyes and screen readers; the first gets the focus
    document.querySelectorAll("[aria-invalid='true']").forEach(input => input.removeAttribute("aria-invalid"));
    const refused = ((problem && problem.body && problem.body.errors) || []).map(error => error && fieldInput(error.field))
      .concat(problem && problem.input ? [problem.input] : []).filter(Boolean);
    refused.forEach(input => input.setAttribute("aria-invalid", "true"));
    if (refused.length) refused[0].focus();
  }
  // a field path of the lease's JSON as the form calls it: "tenants[1].birthDate" → "Huurder 2 — Geboortedatum"
  const FIELDS = { "agency.name": ["agency-name", "agency.name"], "agency.enterpriseNumber": ["agency-number",
    "agency.enterprise"], "agency.address.street": ["agency-street", "agency.street"], "agency.address.number":
    ["agency-house", "agency.house"], "agency.address.postalCode": ["agency-postal", "agency.postal"],
    "agency.address.municipality": ["agency-city", "agency.city"], "agency.representative":
    ["agency-representative", "agency.representative"], "agency.iban": ["agency-iban", "agency.iban"],
    "dwelling.street": ["dwelling-street", "agency.street"], "dwelling.number": ["dwelling-house", "agency.house"],
    "dwelling.postalCode": ["dwelling-postal", "agency.postal"], "dwelling.municipality": ["dwelling-city",
    "agency.city"], startDate: ["start", "agency.start"], durationMonths: ["months", "agency.months"],
    baseRent: ["base-rent", "agency.baseRent"], adjustedRent: ["adjusted-rent", "agency.adjustedRent"],
    charges: ["charges", "agency.charges"], deposit: ["deposit", "agency.deposit"], clauses: ["clauses", "agency.clauses"] };
  const TENANT_FIELDS = { name: ["tenant-name", "agency.name"], nationalNumber: ["tenant-nrn", "agency.nrn"],
    birthDate: ["tenant-birth", "agency.birth"] };
  function fieldOf(path) {
    const tenant = /^tenants\[(\d+)\]\.(\w+)$/.exec(String(path || ""));
    if (tenant && TENANT_FIELDS[tenant[2]]) return { tenant: Number(tenant[1]), entry: TENANT_FIELDS[tenant[2]] };
    return FIELDS[path] ? { entry: FIELDS[path] } : null;
  }
  function fieldName(path) {
    const found = fieldOf(path);
    if (!found) return null;
    const words = t(found.entry[1]);
    return found.tenant === undefined ? words : t("agency.tenant", found.tenant + 1) + " — " + words;
  }
  function fieldInput(path) {
    const found = fieldOf(path);
    if (!found) return null;
    if (found.tenant === undefined) return document.getElementById(found.entry[0]);
    const row = document.querySelectorAll("#tenants .tenant")[found.tenant];
    return row ? row.querySelector("." + found.entry[0]) : null;
  }
  // date placeholders in the page's language
  function placeholders() {
    document.querySelectorAll("input.date, input.tenant-birth").forEach(input => {
      input.placeholder = t("agency.datePlaceholder");
    });
  }
  paraafI18n.onChange(placeholders);

  tenantRow();
  if (keyInput.value) actualisations().catch(() => {});
})();

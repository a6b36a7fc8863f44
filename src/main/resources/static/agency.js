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

  const SAMPLE = {
    agency: { name: "Woonmaatschappij Scheldeland (demo)", enterpriseNumber: "0403.170.701",
      address: { street: "Kouter", number: "12", postalCode: "9000", municipality: "Gent" }, representative: "Jérôme Maës" },
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

  function tenantRow(tenant = {}) {
    const row = document.createElement("p");
    row.className = "tenant";
    const field = (cls, label, text, size, type) => {
      const input = document.createElement("input");
      input.className = cls; input.size = size; input.value = text || ""; input.type = type || "text";
      input.setAttribute("aria-label", t(label));
      input.placeholder = t(label);
      return input;
    };
    const method = document.createElement("select");
    method.className = "tenant-method";
    method.setAttribute("aria-label", t("agency.method"));
    [["EITHER", "agency.either"], ["ITSME", "sign.itsme"], ["EID", "sign.eid"]].forEach(([v, label]) => {
      const option = document.createElement("option"); option.value = v; option.textContent = t(label); method.append(option);
    });
    const remove = document.createElement("button");
    remove.type = "button"; remove.className = "remove-tenant"; remove.textContent = t("agency.removeTenant");
    remove.addEventListener("click", () => row.remove());
    row.append(field("tenant-name", "agency.name", tenant.name, 24), " ",
      field("tenant-nrn", "agency.nrn", tenant.nationalNumber, 15), " ",
      field("tenant-birth", "agency.birth", tenant.birthDate, 10, "date"), " ", method, " ", remove);
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
    set("agency-representative", representative ? representative.name : s.agency.representative);
    if (representative) set("agency-representative-nrn", representative.nationalRegisterNumberFormatted);
    document.getElementById("tenants").replaceChildren();
    tenants.forEach(tenantRow);
    set("dwelling-street", s.dwelling.street); set("dwelling-house", s.dwelling.number);
    set("dwelling-postal", s.dwelling.postalCode); set("dwelling-city", s.dwelling.municipality);
    set("start", s.startDate); set("months", s.durationMonths); set("base-rent", s.baseRent);
    set("adjusted-rent", s.adjustedRent); set("charges", s.charges); set("deposit", s.deposit); set("clauses", s.clauses);
  });

  function tenants() {
    return [...document.querySelectorAll("#tenants .tenant")].map(row => ({
      name: row.querySelector(".tenant-name").value.trim(), nationalNumber: row.querySelector(".tenant-nrn").value.trim(),
      birthDate: row.querySelector(".tenant-birth").value, method: row.querySelector(".tenant-method").value }));
  }

  function lease() {
    return { agency: { name: value("agency-name"), enterpriseNumber: value("agency-number"),
        address: { street: value("agency-street"), number: value("agency-house"), postalCode: value("agency-postal"),
          municipality: value("agency-city") }, representative: value("agency-representative") },
      tenants: tenants().map(({ name, nationalNumber, birthDate }) => ({ name, nationalNumber, birthDate })),
      dwelling: { street: value("dwelling-street"), number: value("dwelling-house"), postalCode: value("dwelling-postal"),
        municipality: value("dwelling-city") },
      startDate: value("start"), durationMonths: Number(value("months")), baseRent: amount("base-rent"),
      adjustedRent: amount("adjusted-rent"), charges: amount("charges"), deposit: amount("deposit"), clauses: value("clauses") };
  }

  async function call(path, options = {}) {
    options.headers = Object.assign({ "X-API-Key": keyInput.value.trim() }, options.headers || {});
    const response = await fetch(path, options);
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw problem;
    }
    return response;
  }

  document.getElementById("lease").addEventListener("submit", async event => {
    event.preventDefault();
    try {
      sessionStorage.setItem("paraaf.key", keyInput.value.trim());
      const response = await call("/api/documents/templates/lease?lang=" + paraafI18n.language(), { method: "POST",
        headers: { "Content-Type": "application/json" }, body: JSON.stringify(lease()) });
      const metadata = await response.json();
      documentId = metadata.id;
      const box = document.getElementById("pages");
      box.replaceChildren();
      for (let page = 1; page <= metadata.pageCount; page++) {
        const blob = await (await call("/api/documents/" + documentId + "/pages/" + page + ".png?dpi=60")).blob();
        const image = document.createElement("img");
        image.src = URL.createObjectURL(blob);
        image.alt = t("sign.page", page, metadata.pageCount);
        image.className = "page";
        image.style.maxWidth = "100%"; image.style.border = "1px solid #c9d1d9"; image.style.margin = "0 0 1rem";
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
      const created = await (await call("/api/requests", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ documentId, title: t("agency.requestTitle"), signers }) })).json();
      requestId = created.id;
      await call("/api/requests/" + requestId + "/start", { method: "POST" });
      const list = document.getElementById("signers");
      list.replaceChildren();
      created.signerLinks.forEach(link => {
        const item = document.createElement("li");
        item.dataset.role = link.role;
        const anchor = document.createElement("a");
        anchor.href = "/sign.html?token=" + encodeURIComponent(link.token);
        anchor.textContent = link.role;
        anchor.className = "signer-link";
        const state = document.createElement("span");
        state.className = "signer-state";
        item.append(anchor, " — ", state);
        list.append(item);
      });
      document.getElementById("request").hidden = false;
      follow();
    } catch (problem) { show(problem); }
  });

  // the request's and signers' states in the current language (again after a language switch)
  let lastRequest = null;
  function states() {
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

  function follow() {
    clearInterval(following);
    const refresh = async () => {
      try {
        const request = await (await call("/api/requests/" + requestId)).json();
        lastRequest = request;
        states();
        document.getElementById("downloads").hidden = request.state !== "COMPLETED";
        if (!["DRAFT", "IN_PROGRESS"].includes(request.state)) clearInterval(following);
      } catch (problem) { show(problem); clearInterval(following); }
    };
    refresh();
    following = setInterval(refresh, 2000);
  }

  document.getElementById("download-pdf").addEventListener("click", async () => {
    try { save(await (await call("/api/requests/" + requestId + "/document")).blob(), "huurovereenkomst.pdf"); }
    catch (problem) { show(problem); }
  });

  document.getElementById("archive-search").addEventListener("submit", async event => {
    event.preventDefault();
    try {
      const page = await (await call("/api/archive?nationalNumber=" + encodeURIComponent(value("archive-nrn")))).json();
      const list = document.getElementById("archive-results");
      list.replaceChildren();
      page.items.forEach(entry => {
        const item = document.createElement("li");
        const evidence = document.createElement("button");
        evidence.type = "button"; evidence.textContent = t("agency.evidence");
        evidence.addEventListener("click", async () => save(await (await call("/api/archive/" + entry.id + "/evidence"))
          .blob(), "evidence-" + entry.id + ".zip"));
        item.append((entry.documentType || "") + " — " + (entry.archivedAt || entry.createdAt || "") + " ", evidence);
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
      await call("/api/actualisations", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: value("act-name"), nationalRegisterNumber: value("act-nrn"),
          dossierNumber: value("act-dossier"), housingCompany: value("act-company") || null,
          dueDate: value("act-due"), language: value("act-language") }) });
      status.replaceChildren();
      await actualisations();
    } catch (problem) { show(problem); }
  });
  document.getElementById("act-refresh").addEventListener("click", () => actualisations().catch(show));

  let lastActualisations = [];
  async function actualisations() {
    lastActualisations = await (await call("/api/actualisations?size=50")).json();
    renderActualisations();
  }

  function renderActualisations() {
    const list = document.getElementById("actualisation-list");
    list.replaceChildren(...lastActualisations.map(item => {
      const line = document.createElement("li");
      line.className = "actualisation";
      line.dataset.id = item.id;
      line.append(item.dossierNumber + " — " + item.name + " — " + paraafI18n.date(item.dueDate) + " — ");
      const state = document.createElement("strong");
      state.className = "actualisation-status";
      state.textContent = t("agency.actualisation." + item.status);
      line.append(state);
      if (item.status === "STAYS" || item.status === "WITHDRAWN") {
        const download = document.createElement("button");
        download.type = "button"; download.className = "download"; download.textContent = t("agency.confirmation");
        download.addEventListener("click", async () => {
          try { save(await (await call("/api/requests/" + item.requestId + "/document")).blob(),
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
    paraafProblem(status, problem, t("error.generic"),
      Array.isArray(problem.errors) ? " " + problem.errors.map(e => e.field + ": " + e.message).join("; ") : "");
  }

  tenantRow();
  if (keyInput.value) actualisations().catch(() => {});
})();

// The citizen's page: log in with itsme (push approval, the code shown here must match the app) or with the eID
// (the local paraaf agent signs the login challenge with the card; this page picks up the session with a secret
// only it holds), then see the actualisation of a social-housing registration (choose, then sign the
// confirmation on the signer page), the signing requests naming the citizen (on their turn, a link of their own
// opens the signer page) and their archived documents.
// The session token stays in this tab (sessionStorage); all server text is set with textContent.
(() => {
  const t = paraafI18n.t;
  const STORE = "paraaf.citizen";
  const HEADER = "Paraaf-Citizen-Session";
  const status = document.getElementById("status");
  let session = JSON.parse(sessionStorage.getItem(STORE) || "null");
  let waiting = null;

  async function call(path, options = {}) {
    const headers = Object.assign({}, options.headers || {});
    if (session) headers[HEADER] = session.token;
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (response.status === 401 && session) { forget(); }
    return response;
  }

  async function json(response) {
    try { return await response.json(); } catch (e) { return {}; }
  }

  // ---------------------------------------------------------------- log in

  document.getElementById("itsme-login").addEventListener("submit", async event => {
    event.preventDefault();
    const nationalRegisterNumber = document.getElementById("nrn").value.replace(/[\s.\-]/g, "");
    const response = await fetch("/api/citizen/login/itsme", { method: "POST",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify({ nationalRegisterNumber }) });
    const started = await json(response);
    if (!response.ok) { problem(started); return; }
    status.replaceChildren();
    document.getElementById("login-code").textContent = started.verificationCode;
    document.getElementById("itsme-login-waiting").hidden = false;
    wait(async () => {
      const result = await fetch("/api/citizen/login/itsme/" + encodeURIComponent(started.id));
      if (result.status === 202) return false;
      const body = await json(result);
      if (!result.ok) { problem(body); return true; }
      loggedIn(body);
      return true;
    });
  });

  document.getElementById("eid-login").addEventListener("click", async () => {
    const response = await fetch("/api/citizen/login/eid/challenge", { method: "POST" });
    const challenge = await json(response);
    if (!response.ok) { problem(challenge); return; }
    status.replaceChildren();
    document.getElementById("login-agent-command").textContent =
      "java -jar paraaf.jar eid-agent login --link " + challenge.agentLink;
    document.getElementById("eid-login-help").hidden = false;
    // one click: the local agent (agent.js) answers the challenge; the session is picked up below as before
    paraafAgent.run(document.getElementById("login-agent-box"), { action: "login", link: challenge.agentLink,
      onDone: () => {} });
    wait(async () => {
      const result = await fetch("/api/citizen/login/eid/" + encodeURIComponent(challenge.id) + "/session", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ pickupToken: challenge.pickupToken }) });
      if (result.status === 202) return false;
      const body = await json(result);
      if (!result.ok) { problem(body); return true; }
      loggedIn(body);
      return true;
    });
  });

  // polls until `step` answers true; one login at a time
  function wait(step) {
    if (waiting) clearInterval(waiting);
    let busy = false;
    waiting = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        if (await step()) { clearInterval(waiting); waiting = null; }
      } finally { busy = false; }
    }, 1000);
  }

  function loggedIn(body) {
    session = { token: body.token, nationalRegisterNumber: body.nationalRegisterNumber, method: body.method };
    sessionStorage.setItem(STORE, JSON.stringify(session));
    document.getElementById("itsme-login-waiting").hidden = true;
    document.getElementById("eid-login-help").hidden = true;
    document.getElementById("login-agent-box").hidden = true;
    show();
  }

  document.getElementById("logout").addEventListener("click", async () => {
    await call("/api/citizen/session", { method: "DELETE" });
    forget();
  });

  function forget() {
    session = null;
    sessionStorage.removeItem(STORE);
    show();
  }

  // ---------------------------------------------------------------- what the citizen sees

  async function show() {
    document.getElementById("login").hidden = !!session;
    document.getElementById("home").hidden = !session;
    if (!session) return;
    const nrn = session.nationalRegisterNumber || "";
    document.getElementById("who").textContent = "*******" + nrn.slice(-4) + " ("
      + (session.method === "EID" ? "eID" : "itsme") + ")";
    await Promise.all([actualisations(), requests(), documents()]);
  }

  async function actualisations() {
    const box = document.getElementById("actualisations");
    const response = await call("/api/citizen/actualisations");
    const items = await json(response);
    if (!response.ok) { problem(items); return; }
    box.replaceChildren(...(items.length ? items.map(actualisation) : [muted(t("citizen.actualisations.none"))]));
  }

  function actualisation(item) {
    const form = document.createElement("form");
    form.className = "actualisation";
    form.dataset.id = item.id;
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = t("citizen.dossier", item.dossierNumber, item.housingCompany || "—",
      paraafI18n.date(item.dueDate));
    const state = document.createElement("p");
    state.className = "actualisation-status";
    state.textContent = t("citizen.status." + item.status);
    fieldset.append(legend, state);
    const open = item.status === "OPEN" || item.status === "AWAITING_SIGNATURE";
    if (open) {
      ["STAY", "WITHDRAW"].forEach(choice => {
        const id = "choice-" + item.id + "-" + choice;
        const radio = document.createElement("input");
        radio.type = "radio"; radio.name = "choice"; radio.value = choice; radio.id = id; radio.required = true;
        radio.checked = item.choice === choice;
        const label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = t(choice === "STAY" ? "citizen.stay" : "citizen.withdraw");
        const line = document.createElement("p");
        line.append(radio, " ", label);
        fieldset.append(line);
      });
      if (item.status === "AWAITING_SIGNATURE") fieldset.append(muted(t("citizen.awaiting")));
      const confirm = document.createElement("button");
      confirm.type = "submit"; confirm.className = "primary confirm"; confirm.textContent = t("citizen.confirm");
      fieldset.append(confirm);
      form.addEventListener("submit", async event => {
        event.preventDefault();
        const choice = form.querySelector("input[name=choice]:checked");
        if (!choice) return;
        confirm.disabled = true;
        const response = await call("/api/citizen/actualisations/" + encodeURIComponent(item.id) + "/decision", {
          method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ choice: choice.value, language: paraafI18n.language() }) });
        const decision = await json(response);
        confirm.disabled = false;
        if (!response.ok) { problem(decision); return; }
        location.href = decision.signingPage + "&back=citizen&lang=" + paraafI18n.language();
      });
    }
    if (item.status === "STAYS" || item.status === "WITHDRAWN") {
      fieldset.append(download(t("citizen.download"), "/api/citizen/actualisations/" + encodeURIComponent(item.id)
        + "/confirmation", "actualisatie-" + item.dossierNumber + ".pdf"));
    }
    form.append(fieldset);
    return form;
  }

  async function requests() {
    const box = document.getElementById("requests");
    const response = await call("/api/citizen/requests");
    const items = await json(response);
    if (!response.ok) { problem(items); return; }
    if (!items.length) { box.replaceChildren(muted(t("citizen.requests.none"))); return; }
    const list = document.createElement("ul");
    list.className = "links";
    items.forEach(item => {
      const line = document.createElement("li");
      line.className = "citizen-request";
      line.textContent = item.title + " — " + t("request." + item.state) + " (" + item.role + ": "
        + t("signer." + item.signerState) + ")";
      if (item.yourTurn) {
        const turn = document.createElement("button");
        turn.type = "button"; turn.className = "primary sign-now"; turn.textContent = t("citizen.signNow");
        turn.addEventListener("click", async () => {
          const response = await call("/api/citizen/requests/" + encodeURIComponent(item.requestId) + "/signing-link",
            { method: "POST" });
          const link = await json(response);
          if (!response.ok) { problem(link); return; }
          location.href = link.signingPage + "&back=citizen&lang=" + paraafI18n.language();
        });
        line.append(" ", turn);
      }
      list.append(line);
    });
    box.replaceChildren(list);
  }

  async function documents() {
    const box = document.getElementById("documents");
    const response = await call("/api/citizen/archive");
    const page = await json(response);
    if (!response.ok) { problem(page); return; }
    if (!page.items || !page.items.length) { box.replaceChildren(muted(t("citizen.documents.none"))); return; }
    const list = document.createElement("ul");
    list.className = "links";
    page.items.forEach(item => {
      const line = document.createElement("li");
      line.className = "archived";
      line.append(t("doctype." + item.documentType) + " — " + paraafI18n.date(item.archivedAt) + " ", download(t("citizen.open"), "/api/citizen/archive/" + encodeURIComponent(item.id)
        + "/document", item.id + ".pdf"));
      list.append(line);
    });
    box.replaceChildren(list);
  }

  // a button that fetches the PDF with the session header and saves it
  function download(label, path, fileName) {
    const button = document.createElement("button");
    button.type = "button"; button.className = "download"; button.textContent = label;
    button.addEventListener("click", async () => {
      const response = await call(path);
      if (!response.ok) { problem(await json(response)); return; }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url; link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    });
    return button;
  }

  function muted(text) {
    const line = document.createElement("p");
    line.className = "muted";
    line.textContent = text;
    return line;
  }

  function problem(body) {
    paraafProblem(status, body, t("citizen.error"));
  }

  paraafI18n.onChange(() => show());
})();

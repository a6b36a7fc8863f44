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
  // every call carries the session; a 401 means it ended: back to the login
  const api = paraafApi.client({ headers: () => session ? { [HEADER]: session.token } : {},
    unauthorized: () => { if (session) forget(); } });

  // ---------------------------------------------------------------- log in

  document.getElementById("itsme-login").addEventListener("submit", async event => {
    event.preventDefault();
    const nationalRegisterNumber = document.getElementById("nrn").value.replace(/[\s.\-]/g, "");
    let started;
    try {
      started = await paraafApi.json("/api/citizen/login/itsme", { method: "POST", json: { nationalRegisterNumber } });
    } catch (refusal) { problem(refusal); return; }
    status.replaceChildren();
    document.getElementById("login-code").textContent = started.verificationCode;
    document.getElementById("itsme-login-waiting").hidden = false;
    wait(() => paraafApi.response("/api/citizen/login/itsme/" + encodeURIComponent(started.id)));
  });

  document.getElementById("eid-login").addEventListener("click", async () => {
    let challenge;
    try {
      challenge = await paraafApi.json("/api/citizen/login/eid/challenge", { method: "POST" });
    } catch (refusal) { problem(refusal); return; }
    status.replaceChildren();
    document.getElementById("login-agent-command").textContent =
      "java -jar paraaf.jar eid-agent login --link " + challenge.agentLink;
    document.getElementById("eid-login-help").hidden = false;
    // one click: the local agent (agent.js) answers the challenge; the session is picked up below as before
    paraafAgent.run(document.getElementById("login-agent-box"), { action: "login", link: challenge.agentLink,
      onDone: () => {} });
    wait(() => paraafApi.response("/api/citizen/login/eid/" + encodeURIComponent(challenge.id) + "/session",
      { method: "POST", json: { pickupToken: challenge.pickupToken } }));
  });

  // asks `ask()` until the login is done (200 with the session; 202: not yet) or refused; one login at a time
  function wait(ask) {
    if (waiting) waiting.stop();
    waiting = paraafApi.poll(async () => {
      const answer = await ask();
      if (answer.status === 202) return "waiting";
      loggedIn(await answer.json());
      return true;
    }, { every: 1000, max: 4000, onProblem: problem });
  }

  function loggedIn(body) {
    session = { token: body.token, nationalRegisterNumber: body.nationalRegisterNumber, method: body.method,
      name: body.name };
    sessionStorage.setItem(STORE, JSON.stringify(session));
    document.getElementById("itsme-login-waiting").hidden = true;
    document.getElementById("eid-login-help").hidden = true;
    document.getElementById("login-agent-box").hidden = true;
    show();
  }

  document.getElementById("logout").addEventListener("click", async () => {
    await api.response("/api/citizen/session", { method: "DELETE" }).catch(() => {});
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
    // the citizen by name (from their certificate); a session from before names were given shows the number's end
    const nrn = session.nationalRegisterNumber || "";
    document.getElementById("who").textContent = t("citizen.who", session.name || "*******" + nrn.slice(-4),
      session.method === "EID" ? "eID" : "itsme");
    await Promise.all([actualisations(), requests(), documents()]);
  }

  async function actualisations() {
    const box = document.getElementById("actualisations");
    let items;
    try { items = await api.json("/api/citizen/actualisations"); } catch (refusal) { problem(refusal); return; }
    box.replaceChildren(...(items.length ? items.map(actualisation) : [muted(t("citizen.actualisations.none"))]));
  }

  function actualisation(item) {
    const form = document.createElement("form");
    form.className = "actualisation";
    form.dataset.id = item.id;
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = t("citizen.dossier", item.dossierNumber, item.housingCompany || "—",
      paraafI18n.shortDate(item.dueDate));
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
        let decision;
        try {
          decision = await api.json("/api/citizen/actualisations/" + encodeURIComponent(item.id) + "/decision",
            { method: "POST", json: { choice: choice.value, language: paraafI18n.language() } });
        } catch (refusal) { problem(refusal); return; } finally { confirm.disabled = false; }
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
    let items;
    try { items = await api.json("/api/citizen/requests"); } catch (refusal) { problem(refusal); return; }
    if (!items.length) { box.replaceChildren(muted(t("citizen.requests.none"))); return; }
    const list = document.createElement("ul");
    list.className = "links";
    items.forEach(item => {
      const line = document.createElement("li");
      line.className = "citizen-request";
      line.textContent = item.title + " — " + t("request." + item.state) + " (" + paraafI18n.role(item.role) + ": "
        + t("signer." + item.signerState) + ")";
      if (item.yourTurn) {
        const turn = document.createElement("button");
        turn.type = "button"; turn.className = "primary sign-now"; turn.textContent = t("citizen.signNow");
        turn.addEventListener("click", async () => {
          let link;
          try {
            link = await api.json("/api/citizen/requests/" + encodeURIComponent(item.requestId) + "/signing-link",
              { method: "POST" });
          } catch (refusal) { problem(refusal); return; }
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
    let page;
    try { page = await api.json("/api/citizen/archive"); } catch (refusal) { problem(refusal); return; }
    if (!page.items || !page.items.length) { box.replaceChildren(muted(t("citizen.documents.none"))); return; }
    const list = document.createElement("ul");
    list.className = "links";
    page.items.forEach(item => {
      const line = document.createElement("li");
      line.className = "archived";
      line.append(t("doctype." + item.documentType) + " — " + paraafI18n.shortDate(item.archivedAt) + " ",
        download(t("citizen.open"), "/api/citizen/archive/" + encodeURIComponent(item.id) + "/document", item.id + ".pdf"));
      list.append(line);
    });
    box.replaceChildren(list);
  }

  // a button that fetches the PDF with the session header and saves it
  function download(label, path, fileName) {
    const button = document.createElement("button");
    button.type = "button"; button.className = "download"; button.textContent = label;
    button.addEventListener("click", async () => {
      let url;
      try { url = URL.createObjectURL(await api.blob(path)); } catch (refusal) { problem(refusal); return; }
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

  function problem(refusal) {
    paraafApi.show(status, refusal, t("citizen.error"));
  }

  paraafI18n.onChange(() => show());
})();

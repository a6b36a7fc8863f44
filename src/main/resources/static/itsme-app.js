// A phone-sized stand-in for the itsme app, speaking the same protocol as `paraaf itsme-app`: an EC P-256 device
// key made by WebCrypto, enrolment with proof of possession, the push channel by long poll (device-signed
// headers), approvals signing {consent id, hash, nonce} with the 5-digit code. A simulator: the device key is
// kept (extractable, as a JWK) in this browser's localStorage. In the embedded default (dev) mode the page also
// offers the seeded demo citizens' phones (GET /api/dev/demo/citizens, absent in production) and activates a
// freshly enrolled account through the dev endpoint, skipping the eID confirmation.
(() => {
  const t = paraafI18n.t;
  const STORE = "paraaf.itsme-app";
  const status = document.getElementById("status");
  let app = JSON.parse(localStorage.getItem(STORE) || "null");
  let key = null;
  let demo = null; // the demo citizens, in dev mode only
  let listening = null; // the push channel's poller: one at a time, a newer one (another device loaded) ends it

  const ecdsa = { name: "ECDSA", hash: "SHA-256" };
  const text = value => new TextEncoder().encode(value);
  const b64 = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)));
  const message = (purpose, ...fields) => text([purpose, ...fields].join("\n"));
  const sign = async bytes => b64(await crypto.subtle.sign(ecdsa, key, bytes));

  async function start() {
    if (!app) { show("enrol"); return; }
    key = await crypto.subtle.importKey("jwk", app.privateKey, { name: "ECDSA", namedCurve: "P-256" }, false, ["sign"]);
    show("account");
    document.getElementById("account-id").textContent = app.accountId;
    document.getElementById("dev-activation").hidden = !(demo && app.pendingActivation);
    confirmation();
    lockedState(!!app.locked);
    poll();
  }

  async function loadDemo() {
    try {
      const citizens = await paraafDemo("/api/dev/demo/citizens", null);
      if (!citizens) return; // production: no demo citizens
      demo = citizens;
    } catch (e) {
      return;
    }
    renderDemo();
  }

  function renderDemo() {
    const box = document.getElementById("demo-citizens");
    box.replaceChildren();
    const usable = demo.filter(citizen => citizen.itsme && citizen.itsme.state === "ACTIVE");
    usable.forEach(citizen => {
      const button = document.createElement("button");
      button.type = "button"; button.className = "demo-citizen"; button.dataset.nrn = citizen.nationalRegisterNumber;
      button.textContent = citizen.name + " (" + citizen.nationalRegisterNumberFormatted + ")";
      button.addEventListener("click", () => useDemo(citizen));
      box.append(button, " ");
    });
    document.getElementById("demo-help").textContent = usable.length ? t("app.demo.help", usable[0].itsme.code) : "";
    document.getElementById("demo").hidden = usable.length === 0;
  }

  // the same localStorage format as an enrolment made here, so a reload keeps that phone
  async function useDemo(citizen) {
    app = { accountId: citizen.itsme.accountId, deviceId: citizen.itsme.deviceId, privateKey: citizen.itsme.devicePrivateKey };
    localStorage.setItem(STORE, JSON.stringify(app));
    document.getElementById("consents").replaceChildren();
    await start();
    say(t("app.demo.loaded", citizen.name));
  }

  document.getElementById("dev-activation").addEventListener("submit", async event => {
    event.preventDefault();
    const body = { nationalRegisterNumber: app.nationalRegisterNumber,
      givenName: document.getElementById("given-name").value.trim(), surname: document.getElementById("surname").value.trim() };
    try {
      await paraafApi.json("/api/dev/itsme/accounts/" + encodeURIComponent(app.accountId) + "/activation",
        { method: "POST", json: body });
    } catch (refusal) { problem(refusal); return; }
    activated();
  });

  // A new account waits for the enrolment contract signed with the citizen's eID: the page shows the agent
  // command for the contract's link and follows the account (device-signed request) until it is active.
  let watching = null;
  function confirmation() {
    const box = document.getElementById("eid-confirmation");
    box.hidden = !app.pendingActivation;
    if (watching) watching.stop();
    if (!app.pendingActivation) return;
    // one link: the browser opens the contract to read, the agent signs it
    const contract = location.origin + "/api/itsme/enrolments/" + encodeURIComponent(app.accountId) + "/contract?lang="
      + paraafI18n.language();
    document.getElementById("contract-link").href = contract;
    document.getElementById("confirm-command").textContent = "java -jar paraaf.jar eid-agent sign --link " + contract;
    const account = app.accountId;
    watching = paraafApi.poll(async () => {
      if (!app || app.accountId !== account) return true;
      const state = (await paraafApi.json("/api/itsme/devices/" + app.deviceId + "/account",
        { headers: await headers() })).state;
      if (state === "ACTIVE") { activated(); return true; }
      return state;
    }, { every: 2000, max: 8000 });
  }

  function activated() {
    if (watching) watching.stop();
    app.pendingActivation = false;
    localStorage.setItem(STORE, JSON.stringify(app));
    document.getElementById("dev-activation").hidden = true;
    document.getElementById("eid-confirmation").hidden = true;
    say(t("app.activated"));
  }

  function show(id) {
    document.getElementById("enrol").hidden = id !== "enrol";
    document.getElementById("account").hidden = id !== "account";
  }

  document.getElementById("enrol").addEventListener("submit", async event => {
    event.preventDefault();
    const phone = document.getElementById("phone").value.replace(/[\s./-]/g, "");
    const nrn = document.getElementById("nrn").value.replace(/[\s.\-]/g, "");
    const code = document.getElementById("new-code").value;
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
    key = pair.privateKey;
    const body = { phone, nationalRegisterNumber: nrn, code,
      devicePublicKey: b64(await crypto.subtle.exportKey("spki", pair.publicKey)),
      proofOfPossession: await sign(message("paraaf-itsme-enrol-v1", nrn, phone)) };
    let json;
    try {
      json = await paraafApi.json("/api/itsme/enrolments", { method: "POST", json: body });
    } catch (refusal) { problem(refusal); return; }
    app = { accountId: json.accountId, deviceId: json.deviceId, privateKey: await crypto.subtle.exportKey("jwk", key),
      nationalRegisterNumber: nrn, pendingActivation: true };
    localStorage.setItem(STORE, JSON.stringify(app));
    say(t("app.enrolled"));
    start();
  });

  document.getElementById("forget").addEventListener("click", () => {
    localStorage.removeItem(STORE);
    location.reload();
  });

  async function headers() {
    const now = Math.floor(Date.now() / 1000);
    return { "Paraaf-Device-Time": String(now),
      "Paraaf-Device-Signature": await sign(message("paraaf-itsme-channel-v1", app.deviceId, String(now))) };
  }

  // the push channel: a long poll (the service answers when a consent arrives, else after 20 s)
  function poll() {
    if (listening) listening.stop();
    const device = app.deviceId;
    listening = paraafApi.poll(async signal => {
      if (!app || app.deviceId !== device) return true;
      const consents = await paraafApi.json("/api/itsme/devices/" + device + "/consents/pending?waitSeconds=20",
        { headers: await headers(), signal });
      render(consents);
      return consents.map(consent => consent.consentId);
    }, { every: 500, max: 3000, onProblem: problem });
  }

  function render(consents) {
    document.getElementById("nothing").hidden = consents.length > 0;
    const box = document.getElementById("consents");
    const known = new Set(consents.map(consent => consent.consentId));
    [...box.children].forEach(card => { if (!known.has(card.dataset.consent)) card.remove(); });
    consents.forEach(consent => {
      if (box.querySelector("[data-consent='" + CSS.escape(consent.consentId) + "']")) return;
      box.append(card(consent));
    });
  }

  function card(consent) {
    const card = document.createElement("form");
    card.className = "card consent";
    card.dataset.consent = consent.consentId;
    const title = document.createElement("h3");
    title.textContent = consent.documentTitle;
    const code = document.createElement("p");
    code.append(t("app.verification") + " ");
    const strong = document.createElement("strong");
    strong.className = "verification-code";
    strong.textContent = consent.verificationCode;
    code.append(strong);
    const label = document.createElement("label");
    label.textContent = t("app.code");
    const input = document.createElement("input");
    input.type = "password"; input.inputMode = "numeric"; input.maxLength = 5; input.className = "secret-code";
    label.append(document.createElement("br"), input);
    const approve = document.createElement("button");
    approve.type = "submit"; approve.className = "primary approve"; approve.textContent = t("app.approve");
    const reject = document.createElement("button");
    reject.type = "button"; reject.className = "reject"; reject.textContent = t("app.reject");
    card.append(title, code, label, document.createElement("br"), approve, document.createTextNode(" "), reject);
    card.addEventListener("submit", async event => {
      event.preventDefault();
      await answer(consent, "approval", "paraaf-itsme-approve-v1", { code: input.value });
    });
    reject.addEventListener("click", () => answer(consent, "rejection", "paraaf-itsme-reject-v1", {}));
    return card;
  }

  async function answer(consent, kind, purpose, extra) {
    const nonceBytes = crypto.getRandomValues(new Uint8Array(24));
    const nonce = b64(nonceBytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const body = Object.assign({ consentId: consent.consentId, hash: consent.hash, nonce,
      deviceSignature: await sign(message(purpose, consent.consentId, consent.hash, nonce)) }, extra);
    try {
      await paraafApi.json("/api/itsme/devices/" + app.deviceId + "/consents/" + consent.consentId + "/" + kind,
        { method: "POST", json: body });
    } catch (refusal) {
      if (refusal.status === 423) {
        document.querySelector("[data-consent='" + CSS.escape(consent.consentId) + "']")?.remove();
        lockedState(true);
      }
      problem(refusal);
      return;
    }
    say(t(kind === "approval" ? "app.approved" : "app.rejected"));
    document.querySelector("[data-consent='" + CSS.escape(consent.consentId) + "']")?.remove();
  }

  // Too many wrong codes lock the account (the server answers 423): the app says so until it is unlocked, which
  // takes an administrator; in the demo mode the page offers the dev unlock.
  function lockedState(locked) {
    if (!app) return;
    if (!!app.locked !== locked) { // written only on a change, so a page start never rewrites a forgotten phone
      app.locked = locked;
      localStorage.setItem(STORE, JSON.stringify(app));
    }
    document.getElementById("locked").hidden = !locked;
    document.getElementById("unlock").hidden = !locked || !demo;
  }

  document.getElementById("unlock").addEventListener("click", async () => {
    try {
      await paraafApi.json("/api/dev/itsme/accounts/" + encodeURIComponent(app.accountId) + "/unlock",
        { method: "POST" });
    } catch (refusal) { problem(refusal); return; }
    lockedState(false);
    poll(); // a refusal while locked may have ended the push channel
    say(t("app.unlocked"));
  });

  function say(message) {
    const line = document.createElement("p");
    line.className = "verdict VALID";
    line.id = "outcome";
    line.textContent = message;
    status.replaceChildren(line);
  }

  function problem(refusal) {
    paraafApi.show(status, refusal);
    const left = (refusal.body || {}).attemptsLeft;
    if (left !== undefined) status.querySelector("#problem").append(" (" + t("app.attemptsLeft", left) + ")");
  }
  function placeholders() {
    ["given-name", "surname"].forEach(id => {
      const input = document.getElementById(id);
      input.placeholder = t(id === "given-name" ? "app.givenName" : "app.surname");
      input.setAttribute("aria-label", input.placeholder);
    });
  }
  paraafI18n.onChange(() => { placeholders(); if (demo) renderDemo(); if (app && app.pendingActivation) confirmation(); });
  loadDemo().finally(start);
})();

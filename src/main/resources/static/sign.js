// The signer's page, reached through their personal link (?token=…): read the document (page previews and the
// PDF to download and keep — the signed one once signed), sign with itsme (the verification code shown here must
// match the app) or the eID card (the agent command), or decline with a reason after confirming. Actions show only
// when it is the signer's turn; a refused action is explained next to it, in the page's language. The page
// follows the request's state by polling; all server text is set with textContent.
(() => {
  const t = paraafI18n.t;
  const token = new URLSearchParams(location.search).get("token") || "";
  const api = "/api/sign/" + encodeURIComponent(token);
  const status = document.getElementById("status");
  // reached from the citizen's page (an actualisation): offer the way back
  document.getElementById("back").hidden = new URLSearchParams(location.search).get("back") !== "citizen";
  let info = null;
  let polling = null;

  async function load() {
    const response = await fetch(api);
    const json = await response.json();
    if (!response.ok) { problem(json); return null; }
    info = json;
    render();
    return json;
  }

  function render() {
    document.getElementById("request").hidden = false;
    document.getElementById("title").textContent = info.requestTitle;
    document.getElementById("document-name").textContent = info.document.name;
    document.getElementById("role").textContent = info.role + " (" + info.name + ")";
    document.getElementById("state").textContent = t("signer." + info.state);
    const turn = info.requestState === "IN_PROGRESS" && info.step === info.currentStep
      && ["INVITED", "VIEWED"].includes(info.state);
    document.getElementById("actions").hidden = !turn;
    const waiting = document.getElementById("turn");
    waiting.hidden = turn || ["SIGNED", "DECLINED"].includes(info.state);
    waiting.textContent = info.requestState === "IN_PROGRESS" ? t("sign.notYourTurn")
      : t("sign.requestState." + info.requestState);
    const download = document.getElementById("download");
    download.href = api + "/document";
    download.textContent = t(info.state === "SIGNED" || info.requestState === "COMPLETED"
      ? "sign.download.signed" : "sign.download");
    document.getElementById("itsme").hidden = info.consentMethods === "EID";
    document.getElementById("eid").hidden = info.consentMethods === "ITSME";
    if (info.state === "SIGNED") say(t("sign.done"), "VALID");
    if (info.state === "DECLINED") say(t("sign.declined"), "INVALID");
    const command = "java -jar paraaf.jar eid-agent sign --link " + location.origin + api;
    document.getElementById("agent-command").textContent = command;
    renderDemoCards(command);
  }

  // Embedded default (dev) mode only: the demo citizens' virtual eID cards, so the eID path works without a card
  // reader. The signer's own card (matched by name) gets the full command; otherwise the ready cards are listed.
  let demo = [];
  paraafDemo("/api/dev/demo/citizens", []).then(list => {
    demo = list;
    if (info) render();
  });

  function renderDemoCards(command) {
    const ready = demo.filter(citizen => citizen.card && citizen.card.ready);
    document.getElementById("demo-card").hidden = ready.length === 0;
    if (ready.length === 0) return;
    const signer = (info.name || "").trim().toLowerCase();
    const own = ready.find(citizen => citizen.name.toLowerCase() === signer);
    const demoCommand = document.getElementById("agent-command-demo");
    const list = document.getElementById("demo-cards");
    list.replaceChildren();
    demoCommand.hidden = !own;
    if (own) {
      document.getElementById("demo-card-label").textContent = t("sign.eid.demo", own.name, own.card.pin);
      demoCommand.textContent = command + " --card-dir " + shellWord(own.card.directory);
      return;
    }
    document.getElementById("demo-card-label").textContent = t("sign.eid.demoCards", ready[0].card.pin);
    ready.forEach(citizen => {
      const item = document.createElement("li");
      item.textContent = citizen.name + ": " + shellWord(citizen.card.directory);
      list.append(item);
    });
  }

  const shellWord = text => /^[\w@%+=:,.\/-]+$/.test(text) ? text : "'" + text.replace(/'/g, "'\\''") + "'";

  function pages() {
    const box = document.getElementById("pages");
    box.replaceChildren();
    for (let page = 1; page <= info.document.pageCount; page++) {
      const image = document.createElement("img");
      image.src = api + "/pages/" + page + ".png?dpi=72";
      image.alt = t("sign.page", page, info.document.pageCount);
      image.style.maxWidth = "100%";
      image.style.border = "1px solid #c9d1d9";
      image.style.display = "block";
      image.style.margin = "0 0 1rem";
      box.append(image);
    }
  }

  document.getElementById("itsme").addEventListener("click", async () => {
    const response = await fetch(api + "/itsme", { method: "POST" });
    const json = await response.json();
    if (!response.ok) { actionError("sign-error", json); return; }
    actionError("sign-error", null);
    document.getElementById("code").textContent = json.verificationCode;
    document.getElementById("itsme-waiting").hidden = false;
    follow();
  });

  document.getElementById("eid").addEventListener("click", () => {
    document.getElementById("eid-help").hidden = false;
    // one click: the local agent (agent.js) signs; the command line below stays for scripting
    paraafAgent.run(document.getElementById("agent-box"), { action: "sign", link: api, onDone: load });
    follow();
  });

  // declining ends the request for everyone: a reason first, then an explicit confirmation
  const reasonField = document.getElementById("reason");
  const confirmBox = document.getElementById("decline-confirm-box");
  document.getElementById("decline-form").addEventListener("submit", event => {
    event.preventDefault();
    if (!reasonField.value.trim()) {
      actionError("decline-error", { type: "reason-missing" });
      reasonField.setAttribute("aria-invalid", "true");
      reasonField.focus();
      return;
    }
    reasonField.removeAttribute("aria-invalid");
    actionError("decline-error", null);
    confirmBox.hidden = false;
    document.getElementById("decline-confirm").focus();
  });
  document.getElementById("decline-cancel").addEventListener("click", () => {
    confirmBox.hidden = true;
    document.getElementById("decline").focus();
  });
  document.getElementById("decline-confirm").addEventListener("click", async () => {
    const response = await fetch(api + "/decline", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason: reasonField.value.trim() }) });
    const json = await response.json();
    confirmBox.hidden = true;
    if (!response.ok) { actionError("decline-error", json); return; }
    await load();
  });

  // a refused action, next to it and in the page's language: known problem types have their own sentence
  function actionError(id, json) {
    const box = document.getElementById(id);
    box.hidden = !json;
    if (!json) { box.textContent = ""; return; }
    const slug = String(json.type || "").split("/").pop();
    const key = "sign.error." + slug;
    box.textContent = t(key) !== key ? t(key) : t("sign.error.other");
  }

  function follow() {
    if (polling) return;
    polling = setInterval(async () => {
      const current = await load();
      if (current && current.state === "SIGNED") { clearInterval(polling); polling = null; }
    }, 1000);
  }

  function say(text, kind) {
    status.replaceChildren();
    const line = document.createElement("p");
    line.className = "verdict " + kind;
    line.id = "outcome";
    line.textContent = text;
    status.append(line);
  }

  function problem(json) {
    paraafProblem(status, json, t("error.generic"));
  }

  paraafI18n.onChange(() => { if (info) { render(); pages(); } });
  load().then(loaded => { if (loaded) pages(); });
})();

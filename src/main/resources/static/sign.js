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
    try {
      info = await paraafApi.json(api);
    } catch (refusal) {
      paraafApi.show(status, refusal);
      return null;
    }
    render();
    return info;
  }

  // nothing more can happen on this link: signed, declined, or the request ended
  const over = current => ["SIGNED", "DECLINED"].includes(current.state) || paraafApi.ended(current.requestState);

  function render() {
    document.getElementById("request").hidden = false;
    document.getElementById("title").textContent = info.requestTitle;
    document.getElementById("document-name").textContent = info.document.name;
    document.getElementById("role").textContent = paraafI18n.role(info.role) + " — " + info.name;
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

  // The pages as sharp images at the chosen zoom: the server renders each at the resolution the shown width needs
  // (device pixels included, in steps so the cache is shared, at most the service's 200 dpi); the box scrolls when
  // zoomed in. Buttons and the keys +, - and 0 on the focused page box change the zoom.
  const ZOOMS = [1, 1.5, 2, 3];
  const A4_WIDTH_INCHES = 8.27;
  let zoom = 0;
  const box = document.getElementById("pages");
  box.addEventListener("keydown", event => {
    if (event.key === "+" || event.key === "=") setZoom(zoom + 1);
    else if (event.key === "-") setZoom(zoom - 1);
    else if (event.key === "0") setZoom(0);
    else return;
    event.preventDefault();
  });
  document.getElementById("zoom-in").addEventListener("click", () => setZoom(zoom + 1));
  document.getElementById("zoom-out").addEventListener("click", () => setZoom(zoom - 1));
  document.getElementById("zoom-fit").addEventListener("click", () => setZoom(0));

  function setZoom(level) {
    const next = Math.max(0, Math.min(ZOOMS.length - 1, level));
    if (next === zoom) return;
    zoom = next;
    pages();
  }

  function pages() {
    const factor = ZOOMS[zoom];
    box.setAttribute("aria-label", t("sign.pages", info.document.pageCount));
    document.getElementById("zoom-level").textContent = Math.round(factor * 100) + " %";
    document.getElementById("zoom-out").disabled = zoom === 0;
    document.getElementById("zoom-in").disabled = zoom === ZOOMS.length - 1;
    const shown = (box.clientWidth || 800) * factor * (window.devicePixelRatio || 1);
    const dpi = Math.min(200, Math.max(72, Math.ceil(shown / A4_WIDTH_INCHES / 24) * 24));
    box.replaceChildren();
    for (let page = 1; page <= info.document.pageCount; page++) {
      const image = document.createElement("img");
      image.src = api + "/pages/" + page + ".png?dpi=" + dpi;
      image.alt = t("sign.page", page, info.document.pageCount);
      image.className = "page";
      image.dataset.dpi = String(dpi);
      image.style.width = factor * 100 + "%";
      box.append(image);
    }
  }

  document.getElementById("itsme").addEventListener("click", async () => {
    let started;
    try {
      started = await paraafApi.json(api + "/itsme", { method: "POST" });
    } catch (refusal) { actionError("sign-error", refusal); return; }
    actionError("sign-error", null);
    document.getElementById("code").textContent = started.verificationCode;
    document.getElementById("itsme-waiting").hidden = false;
    follow(3000);
  });

  document.getElementById("eid").addEventListener("click", () => {
    document.getElementById("eid-help").hidden = false;
    // one click: the local agent (agent.js) signs; the command line below stays for scripting
    paraafAgent.run(document.getElementById("agent-box"), { action: "sign", link: api, onDone: () => follow(3000) });
    follow(3000);
  });

  // declining ends the request for everyone: a reason first, then an explicit confirmation
  const reasonField = document.getElementById("reason");
  const confirmBox = document.getElementById("decline-confirm-box");
  document.getElementById("decline-form").addEventListener("submit", event => {
    event.preventDefault();
    if (!reasonField.value.trim()) {
      actionError("decline-error", new paraafApi.ParaafProblem(0, { type: "reason-missing" }));
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
    confirmBox.hidden = true;
    try {
      await paraafApi.json(api + "/decline", { method: "POST", json: { reason: reasonField.value.trim() } });
    } catch (refusal) { actionError("decline-error", refusal); return; }
    await load();
  });

  // a refused action, next to it and in the page's language (paraafApi.describe: a known type's own sentence)
  function actionError(id, refusal) {
    const box = document.getElementById(id);
    box.hidden = !refusal;
    box.textContent = refusal ? paraafApi.describe(refusal, paraafI18n.t("problem.other")) : "";
  }

  // follows the link's state until nothing more can happen on it; after a click (an approval on its way) at most
  // `max` ms apart, else slowing to 8 s while nothing changes
  function follow(max = 8000) {
    if (polling) polling.stop();
    polling = paraafApi.poll(async () => {
      const current = await paraafApi.json(api);
      if (JSON.stringify(current) !== JSON.stringify(info)) { info = current; render(); }
      return over(current) || current;
    }, { every: 1000, max, onProblem: refusal => paraafApi.show(status, refusal) });
  }

  function say(text, kind) {
    status.replaceChildren();
    const line = document.createElement("p");
    line.className = "verdict " + kind;
    line.id = "outcome";
    line.textContent = text;
    status.append(line);
  }

  paraafI18n.onChange(() => { if (info) { render(); pages(); } });
  load().then(loaded => {
    if (!loaded) return;
    pages();
    if (!over(loaded)) follow();
  });
})();

// The signer's page, reached through their personal link (?token=…): read the document (page previews),
// sign with itsme (the verification code shown here must match the app) or the eID card (the agent command),
// or decline. The page follows the request's state by polling; all server text is set with textContent.
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
    const done = ["SIGNED", "DECLINED"].includes(info.state) || info.requestState !== "IN_PROGRESS";
    document.getElementById("actions").hidden = done;
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
    if (!response.ok) { problem(json); return; }
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

  document.getElementById("decline-form").addEventListener("submit", async event => {
    event.preventDefault();
    const reason = document.getElementById("reason").value;
    const response = await fetch(api + "/decline", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason }) });
    const json = await response.json();
    if (!response.ok) { problem(json); return; }
    await load();
  });

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

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
    document.getElementById("agent-command").textContent = "java -jar paraaf.jar eid-agent sign --link "
      + location.origin + api;
  }

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
    const box = document.createElement("div");
    box.className = "error";
    box.setAttribute("role", "alert");
    box.id = "problem";
    box.textContent = (json.title || t("error.generic")) + (json.detail ? ": " + json.detail : "");
    status.replaceChildren(box);
  }

  paraafI18n.onChange(() => { if (info) { render(); pages(); } });
  load().then(loaded => { if (loaded) pages(); });
})();

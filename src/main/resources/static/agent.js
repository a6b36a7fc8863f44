// The local paraaf agent (docs/agent.md): a small program on the citizen's computer that listens on 127.0.0.1 and
// signs or logs in with the eID card. This page never sees the PIN: the agent's own window shows who asks, what,
// and the code below, and asks the PIN there. When the agent is absent or too old, the box shows how to install it
// and looks again every few seconds. Used by sign.js and citizen.js through paraafAgent.run(box, {...}).
const paraafAgent = (() => {
  const PROTOCOL = 1;          // the agent's routes this page speaks (LocalAgent.PROTOCOL)
  const MIN_VERSION = "1.0.0"; // older agents are asked to update
  const RETRY_MS = 3000;
  const params = new URLSearchParams(location.search);
  if (/^\d{2,5}$/.test(params.get("agentPort") || "")) localStorage.setItem("paraaf.agentPort", params.get("agentPort"));
  const base = "http://127.0.0.1:" + (localStorage.getItem("paraaf.agentPort") || "47210");
  // the words are in i18n.js ("agent.*"), with every other page text
  const t = paraafI18n.t;
  let pairing = null;

  const newer = (have, need) => {
    const a = String(have).split(".").map(Number), b = need.split(".").map(Number);
    for (let i = 0; i < 3; i++) if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
    return true;
  };

  // {state: "ready" | "absent" | "outdated", version}
  async function detect() {
    try {
      const response = await fetch(base + "/v1/version", { cache: "no-store" });
      if (!response.ok) return { state: "absent" };
      const info = await response.json();
      const ok = info.protocol >= PROTOCOL && newer(info.version, MIN_VERSION);
      return { state: ok ? "ready" : "outdated", version: info.version };
    } catch (e) {
      return { state: "absent" }; // not running, or it refused this page's origin
    }
  }

  async function post(path, body) {
    if (!pairing) {
      const session = await fetch(base + "/v1/session", { method: "POST" });
      if (!session.ok) return { ok: false, body: await session.json() };
      pairing = (await session.json()).pairingToken;
    }
    const response = await fetch(base + path, { method: "POST",
      headers: { "Content-Type": "application/json", "X-Paraaf-Pairing": pairing }, body: JSON.stringify(body) });
    const json = await response.json().catch(() => ({}));
    if (response.status === 401) pairing = null; // the session ended: pair again next time
    return { ok: response.ok, body: json };
  }

  const element = (tag, id, text) => {
    const node = document.createElement(tag);
    if (id) node.id = id;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  function installGuide(detected) {
    const guide = element("div", "agent-install");
    guide.className = "card";
    guide.append(element("p", null, detected.state === "outdated" ? t("agent.outdated", detected.version, MIN_VERSION)
      : t("agent.absent")), element("p", null, t("agent.install")));
    const list = element("ul");
    list.append(element("li", null, t("agent.linux")), element("li", null, t("agent.windows")));
    const link = element("a", "agent-downloads", t("agent.downloads"));
    link.href = "/downloads";
    const downloads = element("p");
    downloads.append(link);
    guide.append(list, downloads);
    return guide;
  }

  // Finds the agent (showing the install guide and looking again until it answers), then asks it to `action`
  // ("sign" or "login") the `link`; onDone() after success. Everything shows in `box`.
  let runs = 0;
  function run(box, { action, link, onDone }) {
    const generation = String(++runs); // a second click replaces the first run's loop
    box.dataset.run = generation;
    const status = element("p", "agent-status", t("agent.looking"));
    status.setAttribute("role", "status");
    box.replaceChildren(status);
    box.hidden = false;
    const attempt = async () => {
      if (!box.isConnected || box.hidden || box.dataset.run !== generation) return;
      const detected = await detect();
      if (detected.state !== "ready") {
        box.replaceChildren(installGuide(detected), status);
        setTimeout(attempt, RETRY_MS);
        return;
      }
      const code = String(1000 + crypto.getRandomValues(new Uint16Array(1))[0] % 9000);
      const strong = element("strong", "agent-code", code);
      strong.className = "verdict VALID";
      const codeLine = element("p");
      codeLine.append(strong);
      status.textContent = t("agent.window");
      box.replaceChildren(element("p", null, t("agent.code")), codeLine, status);
      const result = await post(action === "sign" ? "/v1/sign" : "/v1/login", { link, verificationCode: code });
      if (result.ok) {
        box.replaceChildren(element("p", "agent-done", t(action === "sign" ? "agent.signed" : "agent.loggedIn")));
        onDone(result.body);
        return;
      }
      const problem = element("div", "agent-problem");
      problem.className = "error";
      problem.setAttribute("role", "alert");
      problem.textContent = (result.body.title || t("agent.problem")) + (result.body.detail ? ": " + result.body.detail : "")
        + (Number.isInteger(result.body.triesLeft) && !/tr(y|ies) left/.test(result.body.detail || "")
          ? t("agent.triesLeft", result.body.triesLeft) : "");
      const again = element("button", "agent-again", t("agent.again"));
      again.type = "button";
      again.addEventListener("click", attempt);
      box.replaceChildren(problem, again);
    };
    attempt();
  }

  return { run, detect, base: () => base };
})();

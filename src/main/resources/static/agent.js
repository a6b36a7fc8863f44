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
  const TEXTS = {
    nl: { looking: "De paraaf-agent zoeken…", absent: "De paraaf-agent draait niet op deze computer.",
      outdated: "Uw paraaf-agent ({0}) is te oud: installeer versie {1} of nieuwer.",
      install: "Installeer hem eenmaal (en de eID-middleware van eid.belgium.be), start hem en deze pagina gaat vanzelf verder:",
      linux: "Linux: het .deb-pakket (sudo apt install ./paraaf-agent_*.deb) of de app-map (bin/paraaf-agent).",
      windows: "Windows en macOS: de app-map van de downloadpagina; start paraaf-agent.",
      downloads: "Downloads met versie en SHA-256", code: "Controlecode — het venster van de agent toont dezelfde:",
      window: "Controleer de code in het venster van de agent en typ daar uw pincode.", signed: "Ondertekend met uw eID.",
      loggedIn: "Aangemeld met uw eID.", again: "Opnieuw proberen", triesLeft: " (nog {0} pogingen)" },
    fr: { looking: "Recherche de l'agent paraaf…", absent: "L'agent paraaf ne tourne pas sur cet ordinateur.",
      outdated: "Votre agent paraaf ({0}) est trop ancien : installez la version {1} ou plus récente.",
      install: "Installez-le une fois (ainsi que le middleware eID d'eid.belgium.be), lancez-le et cette page continue d'elle-même :",
      linux: "Linux : le paquet .deb (sudo apt install ./paraaf-agent_*.deb) ou le dossier d'application (bin/paraaf-agent).",
      windows: "Windows et macOS : le dossier d'application de la page de téléchargement ; lancez paraaf-agent.",
      downloads: "Téléchargements avec version et SHA-256", code: "Code de contrôle — la fenêtre de l'agent affiche le même :",
      window: "Vérifiez le code dans la fenêtre de l'agent et tapez-y votre code PIN.", signed: "Signé avec votre eID.",
      loggedIn: "Connecté avec votre eID.", again: "Réessayer", triesLeft: " (encore {0} essais)" },
    en: { looking: "Looking for the paraaf agent…", absent: "The paraaf agent is not running on this computer.",
      outdated: "Your paraaf agent ({0}) is too old: install version {1} or newer.",
      install: "Install it once (and the eID middleware from eid.belgium.be), start it, and this page goes on by itself:",
      linux: "Linux: the .deb package (sudo apt install ./paraaf-agent_*.deb) or the app folder (bin/paraaf-agent).",
      windows: "Windows and macOS: the app folder from the downloads page; start paraaf-agent.",
      downloads: "Downloads with version and SHA-256", code: "Check code — the agent's window shows the same:",
      window: "Check the code in the agent's window and type your PIN there.", signed: "Signed with your eID.",
      loggedIn: "Logged in with your eID.", again: "Try again", triesLeft: " ({0} tries left)" }
  };
  const t = (key, ...args) => {
    let text = (TEXTS[paraafI18n.language()] || TEXTS.en)[key];
    args.forEach((arg, i) => { text = text.replace("{" + i + "}", arg); });
    return text;
  };
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
    guide.append(element("p", null, detected.state === "outdated" ? t("outdated", detected.version, MIN_VERSION)
      : t("absent")), element("p", null, t("install")));
    const list = element("ul");
    list.append(element("li", null, t("linux")), element("li", null, t("windows")));
    const link = element("a", "agent-downloads", t("downloads"));
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
    const status = element("p", "agent-status", t("looking"));
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
      status.textContent = t("window");
      box.replaceChildren(element("p", null, t("code")), codeLine, status);
      const result = await post(action === "sign" ? "/v1/sign" : "/v1/login", { link, verificationCode: code });
      if (result.ok) {
        box.replaceChildren(element("p", "agent-done", t(action === "sign" ? "signed" : "loggedIn")));
        onDone(result.body);
        return;
      }
      const problem = element("div", "agent-problem");
      problem.className = "error";
      problem.setAttribute("role", "alert");
      problem.textContent = (result.body.title || "paraaf agent") + (result.body.detail ? ": " + result.body.detail : "")
        + (Number.isInteger(result.body.triesLeft) && !/tr(y|ies) left/.test(result.body.detail || "")
          ? t("triesLeft", result.body.triesLeft) : "");
      const again = element("button", "agent-again", t("again"));
      again.type = "button";
      again.addEventListener("click", attempt);
      box.replaceChildren(problem, again);
    };
    attempt();
  }

  return { run, detect, base: () => base };
})();

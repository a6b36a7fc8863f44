// The agent's packages with their version and SHA-256, or why there are none (GET /api/downloads).
(async () => {
  let list;
  try {
    list = await paraafApi.json("/api/downloads");
  } catch (refusal) {
    paraafApi.show(document.getElementById("no-packages"), refusal);
    return;
  }
  document.getElementById("agent-version").textContent = list.agentVersion || "—";
  if (!list.packages || list.packages.length === 0) {
    const none = document.getElementById("no-packages");
    none.textContent = list.message || paraafI18n.t("downloads.none");
    none.hidden = false;
    return;
  }
  const body = document.querySelector("#packages tbody");
  list.packages.forEach(item => {
    const row = document.createElement("tr");
    const name = document.createElement("td");
    const link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.file;
    name.append(link);
    const size = document.createElement("td");
    size.textContent = (item.size / 1048576).toFixed(1) + " MB";
    const sha = document.createElement("td");
    sha.className = "sha256";
    sha.textContent = item.sha256;
    row.append(name, size, sha);
    body.append(row);
  });
  document.getElementById("packages").hidden = false;
})();

// The verifier page: posts the file to /api/validations and shows each signature's verdict in plain
// words. Everything is rendered with textContent (never innerHTML): file names and certificate names
// come from the uploader and must not become markup.
(() => {
  const t = paraafI18n.t;
  const form = document.getElementById("verify-form");
  const status = document.getElementById("status");
  const result = document.getElementById("result");
  const submit = document.getElementById("submit");
  let last = null;

  form.addEventListener("dragover", event => { event.preventDefault(); form.classList.add("over"); });
  form.addEventListener("dragleave", () => form.classList.remove("over"));
  form.addEventListener("drop", event => {
    event.preventDefault();
    form.classList.remove("over");
    if (event.dataTransfer.files.length) {
      document.getElementById("document").files = event.dataTransfer.files;
    }
  });

  form.addEventListener("submit", async event => {
    event.preventDefault();
    const file = document.getElementById("document").files[0];
    if (!file) { document.getElementById("document").focus(); return; }
    const body = new FormData();
    body.append("document", file);
    const original = document.getElementById("original").files[0];
    if (original) body.append("originalDocument", original);
    submit.disabled = true;
    status.textContent = t("verify.busy");
    result.replaceChildren();
    try {
      const response = await fetch("/api/validations", { method: "POST", body });
      const json = await response.json();
      if (!response.ok) { showProblem(json); return; }
      last = json;
      render(json);
      status.textContent = "";
    } catch (e) {
      showProblem({ title: t("error.generic") });
    } finally {
      submit.disabled = false;
    }
  });

  paraafI18n.onChange(() => { if (last) render(last); });

  function showProblem(problem) {
    status.textContent = "";
    paraafProblem(result, problem, t("error.generic"));
  }

  function render(summary) {
    const nodes = [el("h2", null, t("verify.summary", summary.validSignatureCount, summary.signatureCount))];
    if (summary.signatures.length === 0) nodes.push(el("p", null, t("verify.none")));
    summary.signatures.forEach((signature, index) => nodes.push(signatureCard(signature, index + 1)));
    if (summary.timestamps.length) {
      const card = el("div", "card");
      card.append(el("h3", null, t("verify.timestamps")));
      const list = el("ul");
      summary.timestamps.forEach(ts => list.append(el("li", null,
        t("verdict." + ts.verdict) + " — " + (ts.type || "") + ", " + time(ts.productionTime) + (ts.producedBy ? ", " + ts.producedBy : ""))));
      card.append(list);
      nodes.push(card);
    }
    nodes.push(downloads(summary));
    result.replaceChildren(...nodes);
  }

  function signatureCard(signature, number) {
    const card = el("article", "card signature");
    card.dataset.verdict = signature.verdict;
    const heading = el("h3", null, t("verify.signature", number) + " ");
    heading.append(el("span", "verdict " + signature.verdict, t("verdict." + signature.verdict)));
    card.append(heading);
    const rows = el("dl");
    row(rows, t("verify.why"), reason(signature));
    row(rows, t("verify.signer"), signature.signerName);
    if (signature.nationalRegisterNumber) row(rows, t("verify.nrn"), signature.nationalRegisterNumber);
    row(rows, t("verify.time"), time(signature.claimedSigningTime));
    row(rows, t("verify.proven"), time(signature.bestSigningTime));
    row(rows, t("verify.level"), signature.level);
    if (signature.signatureFieldName) row(rows, t("verify.field"), signature.signatureFieldName);
    row(rows, t("verify.changes"), signature.modifications.length ? signature.modifications.join("; ") : t("verify.noChanges"));
    card.append(rows);
    return card;
  }

  function reason(signature) {
    const key = signature.verdict === "VALID" ? "reason.VALID" : "reason." + signature.subIndication;
    const text = t(key);
    return text === key ? signature.reason : text;
  }

  function downloads(summary) {
    const card = el("div", "card");
    card.append(el("h3", null, t("verify.downloads")));
    const list = el("ul", "links");
    const pdf = el("a", null, t("verify.pdf"));
    pdf.href = summary.reports.pdf + "?lang=" + paraafI18n.language();
    pdf.id = "pdf-report";
    list.append(item(pdf));
    ["simple", "detailed", "diagnostic", "etsi"].forEach(kind => {
      const link = el("a", null, kind + " (XML)");
      link.href = summary.reports[kind];
      list.append(item(link));
    });
    card.append(list);
    return card;
  }

  function item(child) { const li = el("li"); li.append(child); return li; }
  function row(list, label, value) { list.append(el("dt", null, label), el("dd", null, value || "-")); }
  function time(iso) { return iso ? new Date(iso).toLocaleString(paraafI18n.language() + "-BE") : "-"; }
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
})();

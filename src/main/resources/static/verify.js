// The verifier page: posts the file to /api/validations and shows the document's verdict first, then each
// signature's verdict, reason, findings and pictures. The words of results (verdicts, reasons, findings)
// come from the JSON in nl, fr and en; only page labels come from i18n.js. Everything is rendered with
// textContent (never innerHTML): file names and certificate names come from the uploader and must not
// become markup.
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
      const json = await paraafApi.json("/api/validations", { method: "POST", body });
      last = json;
      render(json);
      status.textContent = "";
      // the verdict first, also for a screen reader: focus moves to it (not on a language switch)
      document.getElementById("verdict").focus();
    } catch (refusal) {
      showProblem(refusal);
    } finally {
      submit.disabled = false;
    }
  });

  paraafI18n.onChange(() => { if (last) render(last); });

  function showProblem(problem) {
    status.textContent = "";
    paraafApi.show(result, problem);
  }

  // a sentence of the JSON ({nl, fr, en}) in the page's language
  function words(sentence) {
    if (!sentence) return "";
    return sentence[paraafI18n.language()] ?? sentence.nl ?? "";
  }

  function render(summary) {
    const nodes = [banner(summary)];
    (summary.signatures || []).forEach((signature, index) => nodes.push(signatureCard(summary, signature, index + 1)));
    if (summary.timestamps && summary.timestamps.length) {
      const card = el("section", "card");
      card.append(el("h3", null, t("verify.timestamps")));
      const list = el("ul");
      summary.timestamps.forEach(ts => {
        const li = el("li");
        li.append(el("span", "verdict small " + ts.verdict, words(ts.verdictLabel) || ts.verdict),
          " " + (ts.type || "") + ", " + time(ts.productionTime) + (ts.producedBy ? ", " + ts.producedBy : ""));
        list.append(li);
      });
      card.append(list);
      nodes.push(card);
    }
    nodes.push(downloads(summary));
    result.replaceChildren(...nodes);
  }

  // the document's verdict, first and large: what a verifier must see before any detail
  function banner(summary) {
    const box = el("section", "banner " + summary.verdict);
    box.id = "verdict";
    box.dataset.verdict = summary.verdict;
    box.setAttribute("aria-labelledby", "verdict-label");
    box.tabIndex = -1;
    const label = el("h2", null, words(summary.verdictLabel));
    label.id = "verdict-label";
    box.append(label, el("p", "verdict-text", words(summary.verdictText)));
    if (summary.signatureCount) {
      box.append(el("p", "count", t("verify.summary", summary.validSignatureCount, summary.signatureCount)));
    }
    if (summary.findings && summary.findings.length) {
      box.append(findingList(summary.findings, "document-findings"));
    }
    return box;
  }

  function signatureCard(summary, signature, number) {
    const card = el("article", "card signature");
    card.dataset.verdict = signature.verdict;
    const heading = el("h3", null, t("verify.signature", number) + " ");
    heading.append(el("span", "verdict " + signature.verdict, words(signature.verdictLabel)));
    card.append(heading);
    card.append(el("p", "reason", words(signature.reasonText) || signature.reason));
    if (signature.findings && signature.findings.length) {
      card.append(el("h4", null, t("verify.findings")));
      card.append(findingList(signature.findings, "findings"));
    }
    (signature.pictures || []).forEach(picture => card.append(pictures(signature, number, picture)));
    const rows = el("dl");
    row(rows, t("verify.signer"), signature.signerName);
    if (signature.nationalRegisterNumber) row(rows, t("verify.nrn"), signature.nationalRegisterNumber);
    row(rows, t("verify.time"), time(signature.claimedSigningTime));
    row(rows, t("verify.proven"), time(signature.bestSigningTime));
    row(rows, t("verify.level"), signature.level);
    if (signature.signatureFieldName) row(rows, t("verify.field"), signature.signatureFieldName);
    if (!signature.findings || !signature.findings.length) row(rows, t("verify.changes"), t("verify.noChanges"));
    card.append(rows);
    card.append(technical(summary, signature));
    return card;
  }

  function findingList(findings, className) {
    const list = el("ul", className);
    findings.forEach(finding => {
      const li = el("li", null, words(finding.text));
      li.dataset.code = finding.code;
      list.append(li);
    });
    return list;
  }

  // the page as the signer signed it next to the page now, the changes framed in red on the latter
  function pictures(signature, number, picture) {
    const who = signature.signerName || t("verify.picture.someone");
    const pair = el("div", "pictures");
    pair.dataset.page = picture.page;
    const signed = el("figure", "picture signed");
    if (picture.signed) {
      signed.append(image(picture.signed, t("verify.picture.signedAlt", picture.page, who)));
      signed.append(el("figcaption", null, t("verify.picture.signed", picture.page)));
    } else {
      signed.append(el("p", "missing", t("verify.picture.missing", picture.page)));
    }
    const current = el("figure", "picture current");
    // changedAreas is -1 until the picture is first drawn (pictures are rendered on request)
    const same = picture.changedAreas === 0;
    current.append(image(picture.current, t(same ? "verify.picture.currentAltSame" : "verify.picture.currentAlt", picture.page)));
    current.append(el("figcaption", null, t(same ? "verify.picture.currentSame" : "verify.picture.current", picture.page)));
    pair.append(signed, current);
    return pair;
  }

  function image(src, alt) {
    const img = document.createElement("img");
    img.src = src;
    img.alt = alt;
    img.loading = "lazy";
    return img;
  }

  // what a specialist wants to check: ETSI result, change levels, codes and object paths, collapsed
  function technical(summary, signature) {
    const details = el("details", "technical");
    details.append(el("summary", null, t("verify.technical")));
    const rows = el("dl");
    row(rows, t("verify.ades"), [signature.adesVerdict, signature.indication, signature.subIndication].filter(Boolean).join(" / "));
    row(rows, t("verify.modification"), (signature.modificationLevel || "-") + " (" + t("verify.allowed") + ": " + (signature.allowedModificationLevel || "-") + ")");
    if (signature.certification) row(rows, t("verify.certification"), signature.certification);
    if (signature.signedBytes != null) row(rows, t("verify.signedBytes"), String(signature.signedBytes));
    row(rows, t("verify.wholeDocument"), signature.coversWholeDocument ? t("verify.yes") : t("verify.no"));
    row(rows, t("verify.policy"), summary.policy + " — " + summary.modificationPolicy);
    if (signature.qualification) row(rows, t("verify.qualification"), signature.qualification);
    details.append(rows);
    if (signature.findings && signature.findings.length) {
      const list = el("ul", "codes");
      signature.findings.forEach(finding => {
        const li = el("li");
        li.append(el("code", null, finding.code), " " + (finding.level || "") + (finding.pages && finding.pages.length ? " p. " + finding.pages.join(", ") : ""));
        if (finding.detail) li.append(el("div", "detail", finding.detail));
        list.append(li);
      });
      details.append(list);
    }
    const messages = [...(signature.errors || []), ...(signature.warnings || [])];
    if (messages.length) {
      const list = el("ul", "messages");
      messages.forEach(message => list.append(el("li", null, message)));
      details.append(list);
    }
    return details;
  }

  function downloads(summary) {
    const card = el("section", "card");
    card.append(el("h3", null, t("verify.downloads")));
    const list = el("ul", "links");
    const pdf = el("a", null, t("verify.pdf"));
    pdf.href = summary.reports.pdf + "?lang=" + paraafI18n.language();
    pdf.id = "pdf-report";
    list.append(item(pdf));
    ["simple", "detailed", "diagnostic", "etsi"].forEach(kind => {
      if (!summary.reports[kind]) return;
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

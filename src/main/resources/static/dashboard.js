// The agency's dashboard: staff log in with itsme or the eID (the citizen login, traded for a staff session cookie
// that is HttpOnly and SameSite=Strict), then see the organisation's requests (state, search, paging), a request's
// signers and timeline, act (cancel, remind, new link, replace a signer), download the signed PDF, the completion
// certificate and the evidence, bulk-send a template over a CSV, and — admins — manage members and the API key.
// Every change carries the session's CSRF token (X-CSRF-Token). All server text is set with textContent.
(() => {
  const t = paraafI18n.t;
  const status = document.getElementById("status");
  const SIZE = 20;
  let me = null;
  let page = 0;
  let total = 0;
  let current = null;
  let waiting = null;
  let shownList = null; // what the table shows, so polling re-draws only what changed (focus stays put)

  async function call(path, options = {}) {
    const headers = Object.assign({}, options.headers || {});
    if (me && options.method && options.method !== "GET") headers["X-CSRF-Token"] = me.csrfToken;
    const response = await fetch(path, Object.assign({ credentials: "same-origin" }, options, { headers }));
    if (response.status === 401 && me) { me = null; show(); }
    return response;
  }

  async function json(response) {
    try { return await response.json(); } catch (e) { return {}; }
  }

  function problem(body, box = status) {
    paraafProblem(box, body, t("citizen.error"), body.errors ? "" : "");
  }

  // ---------------------------------------------------------------- log in: a citizen login, then the staff session

  async function staffSession(citizen) {
    const response = await fetch("/api/staff/session", { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Paraaf-Citizen-Session": citizen.token }, body: "{}" });
    const body = await json(response);
    if (!response.ok) { problem(body); return; }
    me = body;
    document.getElementById("itsme-login-waiting").hidden = true;
    document.getElementById("eid-login-help").hidden = true;
    document.getElementById("login-agent-box").hidden = true;
    status.replaceChildren();
    show();
  }

  document.getElementById("itsme-login").addEventListener("submit", async event => {
    event.preventDefault();
    const nationalRegisterNumber = document.getElementById("nrn").value.replace(/[\s.\-]/g, "");
    const response = await fetch("/api/citizen/login/itsme", { method: "POST",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify({ nationalRegisterNumber }) });
    const started = await json(response);
    if (!response.ok) { problem(started); return; }
    status.replaceChildren();
    document.getElementById("login-code").textContent = started.verificationCode;
    document.getElementById("itsme-login-waiting").hidden = false;
    wait(async () => {
      const result = await fetch("/api/citizen/login/itsme/" + encodeURIComponent(started.id));
      if (result.status === 202) return false;
      const body = await json(result);
      if (!result.ok) { problem(body); return true; }
      await staffSession(body);
      return true;
    });
  });

  document.getElementById("eid-login").addEventListener("click", async () => {
    const response = await fetch("/api/citizen/login/eid/challenge", { method: "POST" });
    const challenge = await json(response);
    if (!response.ok) { problem(challenge); return; }
    status.replaceChildren();
    document.getElementById("login-agent-command").textContent =
      "java -jar paraaf.jar eid-agent login --link " + challenge.agentLink;
    document.getElementById("eid-login-help").hidden = false;
    paraafAgent.run(document.getElementById("login-agent-box"), { action: "login", link: challenge.agentLink,
      onDone: () => {} });
    wait(async () => {
      const result = await fetch("/api/citizen/login/eid/" + encodeURIComponent(challenge.id) + "/session", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ pickupToken: challenge.pickupToken }) });
      if (result.status === 202) return false;
      const body = await json(result);
      if (!result.ok) { problem(body); return true; }
      await staffSession(body);
      return true;
    });
  });

  function wait(step) {
    if (waiting) clearInterval(waiting);
    let busy = false;
    waiting = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        if (await step()) { clearInterval(waiting); waiting = null; }
      } finally { busy = false; }
    }, 1000);
  }

  document.getElementById("logout").addEventListener("click", async () => {
    await call("/api/staff/session", { method: "DELETE" });
    me = null;
    show();
  });

  // ---------------------------------------------------------------- what staff see

  function show() {
    document.getElementById("login").hidden = !!me;
    document.getElementById("home").hidden = !me;
    if (!me) return;
    document.getElementById("who").textContent = me.organisationName + " — " + me.nationalRegisterNumber + " ("
      + t("dash.role." + me.role) + ", " + (me.method === "EID" ? "eID" : "itsme") + ")";
    document.getElementById("admin").hidden = me.role !== "ADMIN";
    list();
    if (me.role === "ADMIN") members();
  }

  document.getElementById("filters").addEventListener("submit", event => {
    event.preventDefault();
    page = 0;
    list();
  });
  document.getElementById("previous").addEventListener("click", () => { if (page > 0) { page--; list(); } });
  document.getElementById("next").addEventListener("click", () => {
    if ((page + 1) * SIZE < total) { page++; list(); }
  });

  // background: the 5-second refresh, which must not keep an unattended session alive (idle timeout)
  async function list(background = false) {
    const state = document.getElementById("filter-state").value;
    const q = document.getElementById("filter-q").value.trim();
    const query = new URLSearchParams({ page: String(page), size: String(SIZE) });
    if (state) query.set("state", state);
    if (q) query.set("q", q);
    const response = await call("/api/staff/requests?" + query,
      background ? { headers: { "Paraaf-Background": "1" } } : {});
    const result = await json(response);
    if (!response.ok) { problem(result); return; }
    const drawn = JSON.stringify(result);
    if (drawn === shownList) {
      if (current) timeline(current, background);
      return;
    }
    shownList = drawn;
    total = result.total;
    const body = document.querySelector("#requests tbody");
    body.replaceChildren(...result.items.map(row));
    const pages = Math.max(1, Math.ceil(total / SIZE));
    document.getElementById("page-info").textContent = t("dash.page", page + 1, pages, total);
    document.getElementById("previous").disabled = page === 0;
    document.getElementById("next").disabled = page + 1 >= pages;
    if (current) {
      const fresh = result.items.find(item => item.id === current.id);
      if (fresh) detail(fresh, background);
    }
  }

  function row(item) {
    const line = document.createElement("tr");
    line.dataset.id = item.id;
    const signed = item.signers.filter(signer => signer.state === "SIGNED").length;
    [item.title, t("request." + item.state), t("dash.progress", signed, item.signers.length),
      paraafI18n.date(item.createdAt)].forEach((text, index) => {
      const cell = document.createElement("td");
      cell.textContent = text;
      if (index === 1) cell.className = "request-state";
      if (index === 2) cell.className = "request-progress";
      line.append(cell);
    });
    const open = document.createElement("button");
    open.type = "button"; open.className = "open"; open.textContent = t("dash.details");
    open.setAttribute("aria-label", t("dash.details") + ": " + item.title);
    open.addEventListener("click", () => detail(item));
    const cell = document.createElement("td");
    cell.append(open);
    line.append(cell);
    return line;
  }

  // ---------------------------------------------------------------- one request

  async function detail(item, background = false) {
    current = item;
    const box = document.getElementById("detail");
    box.hidden = false;
    box.dataset.id = item.id;
    document.getElementById("detail-title").textContent = item.title;
    document.getElementById("detail-state").textContent = t("dash.state") + ": " + t("request." + item.state);
    const active = item.state === "IN_PROGRESS" || item.state === "DRAFT";
    document.getElementById("cancel").hidden = !active;
    document.getElementById("detail-signers").replaceChildren(...item.signers.map(signer => signerLine(item, signer)));
    downloads(item);
    timeline(item, background);
  }

  function signerLine(item, signer) {
    const line = document.createElement("li");
    line.className = "signer";
    line.dataset.position = signer.position;
    const words = document.createElement("span");
    words.textContent = signer.name + " (" + signer.role + ", " + signer.nationalRegisterNumber + "): "
      + t("signer." + signer.state) + (signer.declineReason ? " — " + signer.declineReason : "");
    line.append(words);
    const open = item.state === "IN_PROGRESS" && signer.state !== "SIGNED" && signer.state !== "DECLINED";
    if (!open) return line;
    const base = "/api/requests/" + encodeURIComponent(item.id) + "/signers/" + signer.position;
    if (signer.state === "INVITED" || signer.state === "VIEWED") {
      line.append(" ", action(t("dash.remind"), "remind", async () => {
        await act(base + "/remind", null, () => say(t("dash.reminded", signer.name)));
      }));
    }
    line.append(" ", action(t("dash.link"), "reissue", async () => {
      await act(base + "/link", null, link => showLink(line, link.token));
    }));
    const form = document.createElement("form");
    form.className = "replace";
    form.hidden = true;
    const fields = [["name", "dash.replace.name"], ["nationalRegisterNumber", "dash.members.nrn"],
      ["email", "dash.replace.email"]].map(([name, key]) => {
      const id = "replace-" + signer.position + "-" + name;
      const label = document.createElement("label");
      label.htmlFor = id; label.textContent = t(key);
      const input = document.createElement("input");
      input.id = id; input.name = name; input.size = 18;
      const p = document.createElement("p");
      p.append(label, " ", input);
      return p;
    });
    const submit = document.createElement("button");
    submit.type = "submit"; submit.textContent = t("dash.replace.submit");
    form.append(...fields, submit);
    form.addEventListener("submit", async event => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(form));
      data.nationalRegisterNumber = data.nationalRegisterNumber.replace(/[\s.\-]/g, "");
      data.language = paraafI18n.language();
      await act(base + "/replace", data, view => showLink(line, view.signerLinks[0].token));
    });
    line.append(" ", action(t("dash.replace"), "replace", () => { form.hidden = !form.hidden; }), form);
    return line;
  }

  function action(text, className, handler) {
    const button = document.createElement("button");
    button.type = "button"; button.className = className; button.textContent = text;
    button.addEventListener("click", handler);
    return button;
  }

  async function act(path, body, done) {
    const box = document.getElementById("detail-status");
    const response = await call(path, { method: "POST", headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined });
    const result = await json(response);
    if (!response.ok) { problem(result, box); return; }
    box.replaceChildren();
    done(result);
    list();
  }

  function say(text) {
    const p = document.createElement("p");
    p.textContent = text;
    document.getElementById("detail-status").replaceChildren(p);
  }

  function showLink(line, token) {
    const link = document.createElement("a");
    link.className = "new-link";
    link.href = "/sign.html?token=" + encodeURIComponent(token);
    link.textContent = t("dash.link.new");
    const p = document.createElement("p");
    p.append(link);
    document.getElementById("detail-status").replaceChildren(p);
  }

  document.getElementById("cancel").addEventListener("click", async () => {
    if (!current || !confirm(t("dash.cancel.confirm"))) return;
    await act("/api/requests/" + encodeURIComponent(current.id) + "/cancel", null, () => say(t("request.CANCELLED")));
  });

  async function downloads(item) {
    const box = document.getElementById("detail-downloads");
    const id = encodeURIComponent(item.id);
    const links = [download(t("dash.download.document"), "/api/requests/" + id + "/document", "document.pdf",
      "download-document")];
    if (item.state === "COMPLETED") {
      links.push(download(t("dash.download.certificate"), "/api/requests/" + id + "/certificate?lang="
        + paraafI18n.language(), "certificate.pdf", "download-certificate"));
      // the evidence belongs to the archive entry of this request (among the organisation's newest entries)
      const response = await call("/api/archive?size=100");
      if (response.ok) {
        const entry = (await json(response)).items.find(candidate => candidate.requestId === item.id);
        if (entry) {
          links.push(download(t("dash.download.evidence"), "/api/archive/" + encodeURIComponent(entry.id)
            + "/evidence", "evidence.asice", "download-evidence"));
        }
      }
    }
    box.replaceChildren(...links.flatMap(link => [link, " "]));
  }

  function download(text, path, name, className) {
    const button = document.createElement("button");
    button.type = "button"; button.className = className; button.textContent = text;
    button.addEventListener("click", async () => {
      const response = await call(path);
      if (!response.ok) { problem(await json(response), document.getElementById("detail-status")); return; }
      const anchor = document.createElement("a");
      anchor.href = URL.createObjectURL(await response.blob());
      anchor.download = name;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    });
    return button;
  }

  async function timeline(item, background = false) {
    const response = await call("/api/requests/" + encodeURIComponent(item.id) + "/audit",
      background ? { headers: { "Paraaf-Background": "1" } } : {});
    const audit = await json(response);
    if (!response.ok) { problem(audit, document.getElementById("detail-status")); return; }
    document.getElementById("timeline").replaceChildren(...audit.entries.map(entry => {
      const line = document.createElement("li");
      let details = {};
      try { details = JSON.parse(entry.details); } catch (e) { details = {}; }
      const when = new Date(entry.occurredAt).toLocaleString(paraafI18n.language() + "-BE");
      line.textContent = when + " — " + t("dash.event." + entry.event, details.role || "") + " ("
        + who(entry.actor) + ")";
      return line;
    }));
  }

  function who(actor) {
    const parts = actor.split(":");
    if (parts[0] === "staff") return t("dash.actor.staff", parts[2] || "");
    if (parts[0] === "agency") return t("dash.actor.agency");
    if (parts[0] === "signer") return t("dash.actor.signer", parts[1] || "");
    return "paraaf";
  }

  // ---------------------------------------------------------------- bulk send

  document.getElementById("bulk").addEventListener("submit", async event => {
    event.preventDefault();
    const report = document.getElementById("bulk-report");
    const file = document.getElementById("bulk-csv").files[0];
    if (!file) { paraafProblem(report, { detail: t("dash.bulk.nofile") }, t("citizen.error")); return; }
    const form = new FormData();
    form.append("csv", file);
    const common = document.getElementById("bulk-common").value.trim();
    if (common) form.append("common", common);
    const query = new URLSearchParams({ template: document.getElementById("bulk-template").value,
      lang: document.getElementById("bulk-lang").value });
    document.getElementById("bulk-submit").disabled = true;
    const response = await call("/api/staff/bulk-send?" + query, { method: "POST", body: form });
    document.getElementById("bulk-submit").disabled = false;
    const result = await json(response);
    if (!response.ok) {
      paraafProblem(report, result, t("citizen.error"));
      if (result.errors) report.append(errorTable(result.errors));
      return;
    }
    const done = document.createElement("p");
    done.id = "bulk-done";
    done.textContent = t("dash.bulk.sent", result.sent.length, result.rows);
    report.replaceChildren(done);
    if (result.errors.length) report.append(errorTable(result.errors));
    page = 0;
    list();
  });

  function errorTable(errors) {
    const table = document.createElement("table");
    table.className = "bulk-errors";
    const head = document.createElement("tr");
    ["dash.bulk.row", "dash.bulk.column", "dash.bulk.problem"].forEach(key => {
      const th = document.createElement("th");
      th.scope = "col"; th.textContent = t(key);
      head.append(th);
    });
    table.append(head);
    errors.forEach(error => {
      const line = document.createElement("tr");
      [String(error.row), error.column || "—", error.message].forEach(text => {
        const cell = document.createElement("td");
        cell.textContent = text;
        line.append(cell);
      });
      table.append(line);
    });
    return table;
  }

  // ---------------------------------------------------------------- members and API key (admins)

  async function members() {
    const response = await call("/api/staff/members");
    const list = await json(response);
    if (!response.ok) { problem(list); return; }
    document.getElementById("members").replaceChildren(...list.map(member => {
      const line = document.createElement("li");
      line.textContent = member.nationalRegisterNumber + " — " + t("dash.role." + member.role) + " ";
      line.append(action(t("dash.members.remove"), "remove", async () => {
        const removed = await call("/api/staff/members/" + encodeURIComponent(member.nationalRegisterNumber),
          { method: "DELETE" });
        if (!removed.ok) { problem(await json(removed)); return; }
        members();
      }));
      return line;
    }));
  }

  document.getElementById("member-add").addEventListener("submit", async event => {
    event.preventDefault();
    const response = await call("/api/staff/members", { method: "PUT", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ nationalRegisterNumber: document.getElementById("member-nrn").value
        .replace(/[\s.\-]/g, ""), role: document.getElementById("member-role").value }) });
    if (!response.ok) { problem(await json(response)); return; }
    document.getElementById("member-nrn").value = "";
    members();
  });

  document.getElementById("api-key").addEventListener("click", async () => {
    if (!confirm(t("dash.apikey.confirm"))) return;
    const response = await call("/api/staff/api-key", { method: "POST" });
    const result = await json(response);
    if (!response.ok) { problem(result); return; }
    document.getElementById("api-key-shown").textContent = t("dash.apikey.shown", result.apiKey);
  });

  paraafI18n.onChange(() => { shownList = null; if (me) { show(); if (current) detail(current); } });

  // a session this browser already has (the cookie is HttpOnly: ask the server)
  document.addEventListener("DOMContentLoaded", async () => {
    const response = await fetch("/api/staff/session", { credentials: "same-origin" });
    me = response.ok ? await json(response) : null;
    show();
    setInterval(() => { if (me && !document.hidden) list(true); }, 5000);
  });
})();

// The agency's dashboard: staff log in with itsme or the eID (the citizen login, traded for a staff session cookie
// that is HttpOnly and SameSite=Strict), then see the organisation's requests (state, search, paging), a request's
// signers and timeline, act (cancel, remind, new link, replace a signer), download the signed PDF, the completion
// certificate and the evidence, bulk-send a template over a CSV, and — admins — manage members and the API key.
// Every change carries the session's CSRF token (X-CSRF-Token); calls and polling go through paraafApi (api.js).
// All server text is set with textContent.
(() => {
  const t = paraafI18n.t;
  const status = document.getElementById("status");
  const SIZE = 20;
  let me = null;
  let page = 0;
  let total = 0;
  let current = null;
  let waiting = null; // the login being waited for
  let refresh = null; // the 5-second list refresh while logged in
  let shownList = null; // what the table shows, so polling re-draws only what changed (focus stays put)
  // a 401 means the session ended (idle, logged out elsewhere): back to the login
  const api = paraafApi.client({ unauthorized: () => { if (me) { me = null; show(); } } });
  const BACKGROUND = { headers: { "Paraaf-Background": "1" } };

  // every change (anything but GET) carries the session's CSRF token
  function call(path, options = {}) {
    if (!me || !options.method || options.method === "GET") return api.json(path, options);
    return api.json(path, Object.assign({}, options,
      { headers: Object.assign({ "X-CSRF-Token": me.csrfToken }, options.headers || {}) }));
  }

  function problem(refusal, box = status) {
    paraafApi.show(box, refusal, t("citizen.error"));
  }

  // ---------------------------------------------------------------- log in: a citizen login, then the staff session

  async function staffSession(citizen) {
    try {
      me = await paraafApi.json("/api/staff/session", { method: "POST",
        headers: { "Paraaf-Citizen-Session": citizen.token }, json: {} });
    } catch (refusal) { problem(refusal); return; }
    document.getElementById("itsme-login-waiting").hidden = true;
    document.getElementById("eid-login-help").hidden = true;
    document.getElementById("login-agent-box").hidden = true;
    status.replaceChildren();
    show();
  }

  document.getElementById("itsme-login").addEventListener("submit", async event => {
    event.preventDefault();
    const nationalRegisterNumber = document.getElementById("nrn").value.replace(/[\s.\-]/g, "");
    let started;
    try {
      started = await paraafApi.json("/api/citizen/login/itsme", { method: "POST", json: { nationalRegisterNumber } });
    } catch (refusal) { problem(refusal); return; }
    status.replaceChildren();
    document.getElementById("login-code").textContent = started.verificationCode;
    document.getElementById("itsme-login-waiting").hidden = false;
    wait(signal => paraafApi.response("/api/citizen/login/itsme/" + encodeURIComponent(started.id), { signal }));
  });

  document.getElementById("eid-login").addEventListener("click", async () => {
    let challenge;
    try {
      challenge = await paraafApi.json("/api/citizen/login/eid/challenge", { method: "POST" });
    } catch (refusal) { problem(refusal); return; }
    status.replaceChildren();
    document.getElementById("login-agent-command").textContent =
      "java -jar paraaf.jar eid-agent login --link " + challenge.agentLink;
    document.getElementById("eid-login-help").hidden = false;
    paraafAgent.run(document.getElementById("login-agent-box"), { action: "login", link: challenge.agentLink,
      onDone: () => {} });
    wait(signal => paraafApi.response("/api/citizen/login/eid/" + encodeURIComponent(challenge.id) + "/session",
      { method: "POST", json: { pickupToken: challenge.pickupToken }, signal }));
  });

  // asks `ask()` every second until the citizen login is done (200 with its session; 202: not yet) or refused,
  // then trades it for the staff session; one login at a time
  function wait(ask) {
    if (waiting) waiting.stop();
    waiting = paraafApi.poll(async signal => {
      const answer = await ask(signal);
      if (answer.status === 202) return false;
      await staffSession(await answer.json());
      return true;
    }, { every: 1000, max: 1000, onProblem: problem });
  }

  document.getElementById("logout").addEventListener("click", async () => {
    await call("/api/staff/session", { method: "DELETE" }).catch(() => {});
    me = null;
    show();
  });

  // ---------------------------------------------------------------- what staff see

  function show() {
    document.getElementById("login").hidden = !!me;
    document.getElementById("home").hidden = !me;
    if (refresh) { refresh.stop(); refresh = null; }
    if (!me) return;
    document.getElementById("who").textContent = me.organisationName + " — " + me.nationalRegisterNumber + " ("
      + t("dash.role." + me.role) + ", " + (me.method === "EID" ? "eID" : "itsme") + ")";
    document.getElementById("admin").hidden = me.role !== "ADMIN";
    follow();
    if (me.role === "ADMIN") members();
  }

  // the list now, then every 5 seconds while the page is shown (paused while hidden, stopped on leaving)
  function follow() {
    let first = true;
    refresh = paraafApi.poll(async () => {
      const background = !first;
      first = false;
      await list(background);
    }, { every: 5000, max: 5000 });
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
    let result;
    try {
      result = await call("/api/staff/requests?" + query, background ? BACKGROUND : {});
    } catch (refusal) { problem(refusal); return; }
    const drawn = JSON.stringify(result);
    if (drawn === shownList) {
      if (current) {
        timeline(current, background);
        evidence(current, background);
      }
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
    let result;
    try {
      result = await call(path, body ? { method: "POST", json: body } : { method: "POST" });
    } catch (refusal) { problem(refusal, box); return; }
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
    }
    box.replaceChildren(...links.flatMap(link => [link, " "]));
    evidence(item);
  }

  // the evidence belongs to the request's archive entry, made shortly after completion: the refresh asks again
  // until it is there
  async function evidence(item, background = false) {
    const box = document.getElementById("detail-downloads");
    if (item.state !== "COMPLETED" || box.querySelector(".download-evidence")) return;
    const entries = await call("/api/archive?requestId=" + encodeURIComponent(item.id), background ? BACKGROUND : {})
      .catch(() => null);
    const entry = entries && entries.items[0];
    if (!entry || current !== item || box.querySelector(".download-evidence")) return;
    box.append(download(t("dash.download.evidence"), "/api/archive/" + encodeURIComponent(entry.id) + "/evidence",
      "evidence.asice", "download-evidence"), " ");
  }

  function download(text, path, name, className) {
    const button = document.createElement("button");
    button.type = "button"; button.className = className; button.textContent = text;
    button.addEventListener("click", async () => {
      let file;
      try {
        file = await api.blob(path);
      } catch (refusal) { problem(refusal, document.getElementById("detail-status")); return; }
      const anchor = document.createElement("a");
      anchor.href = URL.createObjectURL(file);
      anchor.download = name;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    });
    return button;
  }

  async function timeline(item, background = false) {
    let audit;
    try {
      audit = await call("/api/requests/" + encodeURIComponent(item.id) + "/audit", background ? BACKGROUND : {});
    } catch (refusal) { problem(refusal, document.getElementById("detail-status")); return; }
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
    if (!file) { problem({ detail: t("dash.bulk.nofile") }, report); return; }
    const form = new FormData();
    form.append("csv", file);
    const common = document.getElementById("bulk-common").value.trim();
    if (common) form.append("common", common);
    const query = new URLSearchParams({ template: document.getElementById("bulk-template").value,
      lang: document.getElementById("bulk-lang").value });
    document.getElementById("bulk-submit").disabled = true;
    let result;
    try {
      result = await call("/api/staff/bulk-send?" + query, { method: "POST", body: form });
    } catch (refusal) {
      // the rows' mistakes go in the table below, not in the sentence
      problem(Object.assign({}, refusal.body, { errors: undefined }), report);
      if (Array.isArray(refusal.body && refusal.body.errors)) report.append(errorTable(refusal.body.errors));
      return;
    } finally {
      document.getElementById("bulk-submit").disabled = false;
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
    let list;
    try {
      list = await call("/api/staff/members");
    } catch (refusal) { problem(refusal); return; }
    document.getElementById("members").replaceChildren(...list.map(member => {
      const line = document.createElement("li");
      line.textContent = member.nationalRegisterNumber + " — " + t("dash.role." + member.role) + " ";
      line.append(action(t("dash.members.remove"), "remove", async () => {
        try {
          await call("/api/staff/members/" + encodeURIComponent(member.nationalRegisterNumber),
            { method: "DELETE" });
        } catch (refusal) { problem(refusal); return; }
        members();
      }));
      return line;
    }));
  }

  document.getElementById("member-add").addEventListener("submit", async event => {
    event.preventDefault();
    try {
      await call("/api/staff/members", { method: "PUT", json: {
        nationalRegisterNumber: document.getElementById("member-nrn").value.replace(/[\s.\-]/g, ""),
        role: document.getElementById("member-role").value } });
    } catch (refusal) { problem(refusal); return; }
    document.getElementById("member-nrn").value = "";
    members();
  });

  document.getElementById("api-key").addEventListener("click", async () => {
    if (!confirm(t("dash.apikey.confirm"))) return;
    let result;
    try {
      result = await call("/api/staff/api-key", { method: "POST" });
    } catch (refusal) { problem(refusal); return; }
    document.getElementById("api-key-shown").textContent = t("dash.apikey.shown", result.apiKey);
  });

  paraafI18n.onChange(() => { shownList = null; if (me) { show(); if (current) detail(current); } });

  // a session this browser already has (the cookie is HttpOnly: ask the server)
  document.addEventListener("DOMContentLoaded", async () => {
    me = await call("/api/staff/session").catch(() => null);
    show();
  });
})();

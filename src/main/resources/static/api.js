// How every page talks to the service and follows something until it ends: one fetch wrapper and one poller (#19).
//
// paraafApi.json(path, options) → the parsed JSON body (null when there is none); .response(…) → the Response;
// .blob(…) → a Blob. options are fetch's, plus `json` (a value sent as the JSON body). A refusal (not 2xx) or a
// network failure throws a ParaafProblem whose `body` is the RFC 9457 problem (or {} when there was none).
// paraafApi.client({headers, unauthorized}) gives the same three with headers added to every call (an API key, a
// session) and a hook for 401.
// paraafApi.describe(problem) → the problem in words of the page's language: a known type's own sentence
// ("problem.<slug>" in i18n.js), else the server's title and detail and the listed errors, else a generic sentence
// — never "undefined". paraafApi.show(container, problem) puts that in an alert box.
// paraafApi.poll(step, {every, max}) calls step(signal) until it answers true (a terminal state), stop() is
// called, the page is left, or the service refuses (4xx); it pauses while the page is hidden and waits longer
// (×1.5 up to `max`) while the answer does not change. paraafApi.ended(state) knows the terminal states.
const paraafApi = (() => {
  class ParaafProblem extends Error {
    constructor(status, body) {
      super(body && typeof body.title === "string" ? body.title : "HTTP " + status);
      this.status = status;
      this.body = body && typeof body === "object" ? body : {};
    }
  }

  function client({ headers = () => ({}), unauthorized = () => {} } = {}) {
    async function response(path, options = {}) {
      const init = Object.assign({}, options);
      init.headers = Object.assign({}, headers(), options.headers || {});
      if ("json" in options) {
        init.body = JSON.stringify(options.json);
        init.headers["Content-Type"] = "application/json";
        delete init.json;
      }
      let answer;
      try {
        answer = await fetch(path, init);
      } catch (error) {
        if (error && error.name === "AbortError") throw error;
        throw new ParaafProblem(0, {});
      }
      if (!answer.ok) {
        if (answer.status === 401) unauthorized();
        throw new ParaafProblem(answer.status, await answer.json().catch(() => ({})));
      }
      return answer;
    }
    async function json(path, options) {
      const answer = await response(path, options);
      const text = await answer.text();
      return text ? JSON.parse(text) : null;
    }
    async function blob(path, options) {
      return (await response(path, options)).blob();
    }
    return { response, json, blob };
  }

  const slug = body => String((body && body.type) || "").split("/").pop();
  const said = text => typeof text === "string" && text.trim() ? text.trim() : null;

  // `field` (optional) names a field path of the problem's errors in the page's words ("tenants[0].name" → "Huurder
  // 1 — Naam"); the path stays beside it for whoever reads the API
  function describe(problem, fallback, field = () => null) {
    const body = problem instanceof ParaafProblem ? problem.body : (problem || {});
    const t = paraafI18n.t;
    const type = slug(body);
    if (type && t("problem." + type) !== "problem." + type) return t("problem." + type);
    const words = [said(body.title), said(body.detail)].filter(Boolean);
    const errors = (Array.isArray(body.errors) ? body.errors : [])
      .map(error => typeof error === "string" ? said(error)
        : error && [said(error.field) && (field(error.field) ? field(error.field) + " (" + error.field + ")"
          : error.field), said(error.message)].filter(Boolean).join(": "))
      .filter(error => error && !words.some(word => word.includes(error)));
    if (!words.length) words.push(fallback || t("error.generic"));
    return words.join(": ") + (errors.length ? " (" + errors.join("; ") + ")" : "");
  }

  function show(container, problem, fallback, field) {
    const box = document.createElement("div");
    box.className = "error";
    box.setAttribute("role", "alert");
    box.id = "problem";
    box.textContent = describe(problem, fallback, field);
    container.replaceChildren(box);
    container.hidden = false;
  }

  const ENDED = new Set(["COMPLETED", "DECLINED", "EXPIRED", "CANCELLED", "FAILED", "SIGNED", "REJECTED",
    "WITHDRAWN", "STAYS", "OVERDUE", "DELIVERED"]);
  const ended = state => ENDED.has(String(state || "").toUpperCase());

  function poll(step, { every = 1000, max = 8000, onProblem = () => {} } = {}) {
    let stopped = false;
    let timer = null;
    let wait = every;
    let previous;
    let controller = null;
    let running = false;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      if (controller) controller.abort();
      removeEventListener("pagehide", stop);
      document.removeEventListener("visibilitychange", visibility);
    };
    const visibility = () => {
      if (stopped) return;
      clearTimeout(timer);
      if (document.visibilityState === "visible") { wait = every; round(); }
    };
    async function round() {
      if (stopped || running || document.visibilityState === "hidden") return;
      running = true;
      controller = new AbortController();
      let next = wait;
      try {
        const answer = await step(controller.signal);
        if (answer === true) { stop(); return; }
        const seen = JSON.stringify(answer === undefined ? null : answer);
        wait = seen === previous ? Math.min(max, Math.round(wait * 1.5)) : every;
        previous = seen;
        next = wait;
      } catch (error) {
        if (stopped) return;
        // the service said no (a link gone, a request ended): asking again cannot help
        if (error instanceof ParaafProblem && error.status >= 400 && error.status < 500 && error.status !== 429) {
          stop();
          onProblem(error);
          return;
        }
        wait = Math.min(max, Math.round(wait * 1.5));
        next = wait;
      } finally {
        running = false;
      }
      if (!stopped) timer = setTimeout(round, next);
    }
    addEventListener("pagehide", stop);
    document.addEventListener("visibilitychange", visibility);
    round();
    return { stop, stopped: () => stopped };
  }

  return Object.assign(client(), { client, describe, show, poll, ended, ParaafProblem });
})();

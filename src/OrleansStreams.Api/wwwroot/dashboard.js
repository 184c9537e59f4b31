// OrleansStreams dashboard: polls /api/overview and tails one stream over Server-Sent Events.
// Plain script, no build step: the page must work offline from the API alone.
"use strict";

(() => {
  const pollMs = 2000;
  const tailKeep = 200;
  const keyStorage = "orleansstreams.apiKey";
  const $ = (id) => document.getElementById(id);

  let apiKey = sessionStorage.getItem(keyStorage) || "";
  let previous = new Map(); // stream name -> { entriesAdded, atMs } of the last poll, for the append rate
  let tailStream = "";
  let tailAbort = null;
  let pollTimer = null;

  function headers() {
    return apiKey ? { "X-Api-Key": apiKey } : {};
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: headers() });
    if (response.status === 401) throw new AuthRequired();
    if (!response.ok) throw new Error(await problemText(response));
    return response.json();
  }

  class AuthRequired extends Error {}

  async function problemText(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || response.statusText;
    } catch {
      return `${response.status} ${response.statusText}`;
    }
  }

  function setStatus(text, kind) {
    const status = $("status");
    status.textContent = text;
    status.className = `status status-${kind}`;
  }

  // ---- overview -----------------------------------------------------------------------------------------------

  async function poll() {
    clearTimeout(pollTimer);
    try {
      const overview = await getJson("/api/overview");
      $("key-form").hidden = true;
      render(overview);
      setStatus("live", "ok");
      $("updated").textContent = `updated ${new Date(overview.generatedAtMs).toLocaleTimeString()}`;
    } catch (error) {
      if (error instanceof AuthRequired) {
        showKeyForm(apiKey ? "That key was refused." : "");
        setStatus("needs API key", "bad");
        return; // polling resumes when a key is entered
      }
      setStatus("API unreachable", "bad");
      $("updated").textContent = error.message;
    }
    pollTimer = setTimeout(poll, pollMs);
  }

  function render(overview) {
    renderStreams(overview.streams, overview.generatedAtMs);
    renderGroups(overview.groups, overview.generatedAtMs);
    renderDeadLetters(overview.deadLetterStreams);
    renderTailChoices(overview.streams);
  }

  function renderStreams(streams, atMs) {
    const rows = streams.map((stream) => {
      const row = tr(
        cellWithBadge(stream.name, stream.isDeadLetter ? "dead letters" : null),
        num(stream.length),
        num(stream.entriesAdded),
        num(rateOf(stream, atMs)),
        idCell(stream.lastGeneratedId),
        num(stream.groups));
      row.classList.add("selectable");
      row.dataset.stream = stream.name;
      if (stream.name === tailStream) row.classList.add("selected");
      row.addEventListener("click", () => startTail(stream.name));
      return row;
    });
    previous = new Map(streams.map((s) => [s.name, { entriesAdded: s.entriesAdded, atMs }]));
    replaceRows("streams", rows, "streams-empty", "stream-count", streams.length);
  }

  function rateOf(stream, atMs) {
    const before = previous.get(stream.name);
    if (!before || atMs <= before.atMs) return "—";
    const perSecond = ((stream.entriesAdded - before.entriesAdded) * 1000) / (atMs - before.atMs);
    return `${perSecond.toFixed(1)}/s`;
  }

  function renderGroups(groups, atMs) {
    const rows = groups.map((group) => {
      const lag = group.lag === null || group.lag === undefined ? "?" : group.lag;
      const lagCell = num(lag);
      if (typeof lag === "number" && lag > 1000) lagCell.classList.add("lag-high");
      const row = tr(
        text(group.stream),
        text(group.name),
        lagCell,
        num(group.pending),
        num(group.consumers),
        num(group.oldestPendingAgeMs === null || group.oldestPendingAgeMs === undefined ? "—" : duration(group.oldestPendingAgeMs)),
        wrapped(policyText(group.policy)));
      row.dataset.stream = group.stream;
      row.dataset.group = group.name;
      return row;
    });
    replaceRows("groups", rows, "groups-empty", "group-count", groups.length);
  }

  function policyText(policy) {
    if (!policy) return "—";
    const parts = [];
    if (policy.claimIdleMs) parts.push(`claim idle ${duration(policy.claimIdleMs)}`);
    if (policy.maxDeliveries) parts.push(`max ${policy.maxDeliveries} ${policy.maxDeliveries === 1 ? "delivery" : "deliveries"}`);
    if (policy.deadLetter) parts.push(`→ ${policy.deadLetter}`);
    const counters = [];
    if (policy.reclaimed) counters.push(`${policy.reclaimed} reclaimed`);
    if (policy.deadLettered) counters.push(`${policy.deadLettered} dead-lettered`);
    const text = parts.join(", ") || "—";
    return counters.length > 0 ? `${text} (${counters.join(", ")})` : text;
  }

  function renderDeadLetters(deadLetters) {
    const rows = deadLetters.map((dead) => {
      const row = tr(
        cellWithBadge(dead.name, "dead letters"),
        num(dead.length === null || dead.length === undefined ? 0 : dead.length),
        wrapped(dead.sources.join(", ")));
      row.dataset.stream = dead.name;
      return row;
    });
    replaceRows("dead-letters", rows, "dead-empty", "dead-count", deadLetters.length);
  }

  function renderTailChoices(streams) {
    const select = $("tail-stream");
    const names = streams.map((s) => s.name);
    const current = Array.from(select.options).slice(1).map((o) => o.value);
    if (names.join("\n") === current.join("\n")) return;
    while (select.options.length > 1) select.remove(1);
    for (const name of names) select.add(new Option(name, name));
    select.value = tailStream;
  }

  function replaceRows(tableId, rows, emptyId, countId, count) {
    $(tableId).querySelector("tbody").replaceChildren(...rows);
    $(emptyId).hidden = count > 0;
    $(countId).textContent = `(${count})`;
  }

  function tr(...cells) {
    const row = document.createElement("tr");
    row.append(...cells);
    return row;
  }

  function text(value) {
    const cell = document.createElement("td");
    cell.textContent = value === null || value === undefined ? "—" : String(value);
    return cell;
  }

  function idCell(value) {
    const cell = text(value);
    cell.className = "id";
    return cell;
  }

  function wrapped(value) {
    const cell = text(value);
    cell.className = "wrap";
    return cell;
  }

  function num(value) {
    const cell = text(value);
    cell.className = "num";
    return cell;
  }

  function cellWithBadge(value, badge) {
    const cell = text(value);
    if (badge) {
      const span = document.createElement("span");
      span.className = "badge badge-dlq";
      span.textContent = badge;
      cell.append(" ", span);
    }
    return cell;
  }

  function duration(ms) {
    if (ms < 1000) return `${ms} ms`;
    if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
    const withRest = (whole, unit, rest, restUnit) => (rest > 0 ? `${whole} ${unit} ${rest} ${restUnit}` : `${whole} ${unit}`);
    if (ms < 3_600_000) return withRest(Math.floor(ms / 60_000), "min", Math.floor((ms % 60_000) / 1000), "s");
    return withRest(Math.floor(ms / 3_600_000), "h", Math.floor((ms % 3_600_000) / 60_000), "min");
  }

  // ---- live tail ----------------------------------------------------------------------------------------------

  async function startTail(stream) {
    if (tailAbort) tailAbort.abort();
    tailAbort = null;
    tailStream = stream;
    $("tail-stream").value = stream;
    for (const row of document.querySelectorAll("#streams tbody tr")) {
      row.classList.toggle("selected", row.dataset.stream === stream);
    }
    $("tail").replaceChildren();
    if (!stream) {
      $("tail-state").textContent = "";
      return;
    }
    const abort = new AbortController();
    tailAbort = abort;
    const base = `/api/streams/${encodeURIComponent(stream)}`;
    let lastId = "0-0";
    let delayMs = 500;
    try {
      // The newest entries first, then the tail from the newest ID shown, so no entry falls between the two.
      const latest = await getJson(`${base}/entries?reverse=true&count=20`);
      for (const entry of latest.entries.slice().reverse()) addTailEntry(entry, false);
      if (latest.entries.length > 0) lastId = latest.entries[0].id;
    } catch (error) {
      if (!abort.signal.aborted) $("tail-state").textContent = error.message;
    }
    while (!abort.signal.aborted) {
      try {
        $("tail-state").textContent = "connecting…";
        await readEvents(`${base}/tail?from=${encodeURIComponent(lastId)}`, abort.signal, (event) => {
          if (event.type === "ready") $("tail-state").textContent = "following";
          if (event.type === "error") throw new Error(JSON.parse(event.data).detail || "the tail failed");
          if (event.type !== "entry") return;
          const entry = JSON.parse(event.data);
          lastId = entry.id;
          addTailEntry(entry, true);
          delayMs = 500;
        });
      } catch (error) {
        if (abort.signal.aborted) return;
        $("tail-state").textContent = `reconnecting: ${error.message}`;
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 5000);
    }
  }

  // EventSource cannot send the API key header, so the stream is read with fetch and parsed here.
  async function readEvents(url, signal, onEvent) {
    const response = await fetch(url, { headers: { ...headers(), Accept: "text/event-stream" }, signal });
    if (response.status === 401) throw new Error("the API key was refused");
    if (!response.ok) throw new Error(await problemText(response));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the tail closed");
      buffer += value.replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = { type: "message", data: "", id: null };
        const data = [];
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) continue;
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          const fieldValue = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "event") event.type = fieldValue;
          else if (field === "data") data.push(fieldValue);
          else if (field === "id") event.id = fieldValue;
        }
        event.data = data.join("\n");
        if (data.length > 0) onEvent(event);
      }
    }
  }

  function addTailEntry(entry, fresh) {
    const item = document.createElement("li");
    item.dataset.id = entry.id;
    if (fresh) item.className = "fresh";
    const id = document.createElement("span");
    id.className = "entry-id";
    id.textContent = entry.id;
    item.append(id);
    const pairs = Array.isArray(entry.fields) ? entry.fields : Object.entries(entry.fields);
    for (const [name, value] of pairs) {
      const nameSpan = document.createElement("span");
      nameSpan.className = "field-name";
      nameSpan.textContent = `${name}=`;
      const valueSpan = document.createElement("span");
      valueSpan.className = "field-value";
      valueSpan.textContent = value;
      item.append(nameSpan, valueSpan);
    }
    if (entry.encoding === "base64") {
      const badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = "base64";
      item.append(badge);
    }
    const list = $("tail");
    list.prepend(item);
    while (list.children.length > tailKeep) list.lastElementChild.remove();
  }

  // ---- API key ------------------------------------------------------------------------------------------------

  function showKeyForm(message) {
    $("key-form").hidden = false;
    $("key-error").textContent = message;
    $("api-key").focus();
  }

  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    apiKey = $("api-key").value.trim();
    sessionStorage.setItem(keyStorage, apiKey);
    poll();
    if (tailStream) startTail(tailStream);
  });

  $("tail-stream").addEventListener("change", (event) => startTail(event.target.value));

  poll();
})();

// End-to-end check of the dashboard in Debian's Chromium: seeds a stream and a group through the API, opens the
// page, enters the API key, follows the stream's live tail, appends more entries through the API and waits until
// the page shows them. Saves a screenshot. Usage: node dashboard-e2e.mjs <api base url> <api key> <screenshot.png>
import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";

const [baseUrl, apiKey, screenshotPath] = process.argv.slice(2);
if (!baseUrl || !apiKey || !screenshotPath) {
  console.error("usage: node dashboard-e2e.mjs <api base url> <api key> <screenshot.png>");
  process.exit(2);
}
const waitMs = 20_000;
const suffix = Math.random().toString(36).slice(2, 8);
const stream = `orders-${suffix}`;
const group = "billing";

async function api(method, path, body) {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: { "X-Api-Key": apiKey, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const append = (fields) => api("POST", `/api/streams/${stream}/entries`, { fields });

const profile = mkdtempSync(join(tmpdir(), "orleansstreams-chromium-"));
let context;
let page;
let keyEntered = false;
try {
  // Seed: three entries, a group that has read two of them, so lag and pending are not zero.
  const seeded = [];
  for (let i = 1; i <= 3; i++) seeded.push((await append({ item: `widget-${i}`, qty: String(i) })).id);
  await api("POST", `/api/streams/${stream}/groups`, { name: group, startId: "0" });
  await api("POST", `/api/streams/${stream}/groups/${group}/read`, { consumer: "worker-1", count: 2 });
  // A policy that dead-letters into another stream, which the page lists with the group feeding it.
  const deadLetter = `${stream}-dlq`;
  await api("PUT", `/api/streams/${stream}/groups/${group}/policy`, { claimIdleMs: 60_000, maxDeliveries: 5, deadLetter });
  // A second group gives up on an entry after one delivery: its idle-claim sweep moves it to the dead-letter stream.
  await api("POST", `/api/streams/${stream}/groups`, { name: "audit", startId: "0" });
  await api("PUT", `/api/streams/${stream}/groups/audit/policy`, { claimIdleMs: 200, maxDeliveries: 1, deadLetter });
  await api("POST", `/api/streams/${stream}/groups/audit/read`, { consumer: "flaky", count: 1 });

  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = context.pages()[0] ?? await context.newPage();
  const consoleErrors = [];
  // The first data request is refused until the key is entered: that 401 is expected, any other error is not.
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (message.text().includes("status of 401") && !keyEntered) return;
    consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));

  await page.goto(baseUrl, { waitUntil: "load" });
  // Authentication is on: the page asks for the key before it shows any data.
  await page.locator("#api-key").waitFor({ state: "visible", timeout: waitMs });
  await page.fill("#api-key", apiKey);
  keyEntered = true;
  await page.press("#api-key", "Enter");

  const streamRow = `#streams tbody tr[data-stream="${stream}"]`;
  const groupRow = `#groups tbody tr[data-stream="${stream}"][data-group="${group}"]`;
  await waitForCell(streamRow, 1, "3"); // length
  await waitForCell(groupRow, 3, "2"); // pending
  await waitForCell(groupRow, 2, "1"); // lag
  await waitForCell(groupRow, 6, `claim idle 1 min, max 5 deliveries, → ${deadLetter}`);
  const deadRow = `#dead-letters tbody tr[data-stream="${deadLetter}"]`;
  await waitForCell(deadRow, 2, `${stream}/audit, ${stream}/${group}`);
  await waitForCell(deadRow, 1, "1");
  await waitForCell(`#groups tbody tr[data-stream="${stream}"][data-group="audit"]`, 6,
    `claim idle 200 ms, max 1 delivery, → ${deadLetter} (1 dead-lettered)`);

  // Follow the stream: the tail first shows what is there, then what is appended while watching.
  await page.locator(streamRow).click();
  for (const id of seeded) await page.locator(`#tail li[data-id="${id}"]`).waitFor({ timeout: waitMs });
  await page.locator("#tail-state", { hasText: "following" }).waitFor({ timeout: waitMs });
  const live = [];
  for (let i = 4; i <= 5; i++) live.push((await append({ item: `live-${i}`, qty: String(i * 10) })).id);
  for (const id of live) {
    const item = page.locator(`#tail li[data-id="${id}"]`);
    await item.waitFor({ timeout: waitMs });
  }
  const newest = await page.locator("#tail li").first().textContent();
  if (!newest.includes(live[1]) || !newest.includes("live-5")) throw new Error(`the newest tail entry is '${newest}'`);
  await waitForCell(streamRow, 1, "5");
  // The append rate comes from the entries-added counter between two polls: a number per second once there are two.
  await page.waitForFunction(
    (selector) => /^\d+\.\d\/s$/.test(document.querySelector(selector)?.cells[3]?.textContent.trim() ?? ""),
    streamRow, { timeout: waitMs });
  await waitForCell(groupRow, 2, "3"); // lag grew with the two new entries

  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath, fullPage: true });
  if (consoleErrors.length > 0) throw new Error(`the page logged errors: ${consoleErrors.join(" | ")}`);
  console.log(JSON.stringify({ ok: true, stream, seeded, live, screenshot: screenshotPath }));
} catch (error) {
  if (page) {
    mkdirSync(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath.replace(/\.png$/, "-failed.png"), fullPage: true }).catch(() => {});
  }
  console.error(error.stack || String(error));
  process.exitCode = 1;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}

// Waits (in the page, on each animation frame) until a table cell shows the expected text.
async function waitForCell(rowSelector, cellIndex, expected) {
  try {
    await page.waitForFunction(
      ([selector, index, text]) => document.querySelector(selector)?.cells[index]?.textContent.trim() === text,
      [rowSelector, cellIndex, expected],
      { timeout: waitMs });
  } catch {
    const actual = await page.evaluate(([selector, index]) => document.querySelector(selector)?.cells[index]?.textContent ?? "(no such row)", [rowSelector, cellIndex]);
    throw new Error(`${rowSelector} cell ${cellIndex}: expected '${expected}', the page shows '${actual}'`);
  }
}

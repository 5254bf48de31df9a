// Drives Debian's chromium through playwright-core for DashboardBrowserTest:
//   node dashboard.mjs live URL SCREENSHOT.png MIN_EPOCHS TIMEOUT_MS
//     (descent train --dashboard --dashboard-wait) looks twice at the step charts while training
//     still runs (no end event yet), then waits until the epoch charts hold MIN_EPOCHS epochs and
//     the misclassified images are shown;
//   node dashboard.mjs runs URL SCREENSHOT.png MIN_RUNS TIMEOUT_MS
//     (descent dashboard DIR) waits until the charts hold MIN_RUNS runs;
// then prints what the page shows as one JSON object on stdout and saves a full-page screenshot.
// Every wait is bounded; the whole script gives up after TIMEOUT_MS. Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [mode, url, screenshot, minimumText, timeoutText] = process.argv.slice(2);
const minimum = Number(minimumText || 2);
const timeout = Number(timeoutText || 60000);
const userDataDir = mkdtempSync(join(tmpdir(), 'descent-chromium-'));
const guard = setTimeout(() => { console.error(`gave up after ${timeout} ms`); cleanUp(); process.exit(1); }, timeout);
let context;

function cleanUp() {
  try { rmSync(userDataDir, { recursive: true, force: true }); } catch (e) { /* best effort */ }
}

try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.DESCENT_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    timeout: timeout / 2,
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push('page error: ' + error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push('console: ' + message.text()); });
  page.on('requestfailed', (request) => problems.push('request failed: ' + request.url()));
  await page.goto(url, { timeout: timeout / 4 });
  const shown = mode === 'runs' ? await runs(page) : await live(page);
  shown.problems = problems;
  await page.screenshot({ path: screenshot, fullPage: true, timeout: timeout / 4 });
  console.log(JSON.stringify(shown));
  await context.close();
  cleanUp();
  clearTimeout(guard);
} catch (error) {
  console.error(String(error && error.stack || error));
  if (context) await context.close().catch(() => {});
  cleanUp();
  clearTimeout(guard);
  process.exit(1);
}

async function live(page) {
  // Mid-run: the step charts as drawn, twice, the second time once they have grown.
  const observe = () => page.evaluate(() => {
    const { charts, state } = window.descentDashboard;
    return { steps: charts.stepLoss.data[0].length, accuracyPoints: charts.stepAccuracy.data[0].length,
      epochRows: document.querySelectorAll('#epochs tbody tr').length, ended: Boolean(state.ended) };
  });
  await page.waitForFunction(() => {
    const charts = window.descentDashboard && window.descentDashboard.charts;
    return charts && charts.stepLoss && charts.stepLoss.data[0].length >= 1;
  }, null, { timeout: timeout / 2, polling: 'raf' });
  const first = await observe();
  await page.waitForFunction((n) => {
    const { charts, state } = window.descentDashboard;
    return state.ended || charts.stepLoss.data[0].length > n;
  }, first.steps, { timeout: timeout / 2, polling: 'raf' });
  const second = await observe();
  await page.waitForFunction((n) => {
    const charts = window.descentDashboard && window.descentDashboard.charts;
    return charts && charts.epochLoss && charts.epochLoss.data[0].length >= n && charts.epochAccuracy.data[0].length >= n;
  }, minimum, { timeout: timeout / 2, polling: 100 });
  await page.waitForSelector('#errors canvas', { timeout: timeout / 2 });
  await page.waitForTimeout(300);   // one more frame for the last redraw
  return page.evaluate(([first, second]) => {
    const charts = window.descentDashboard.charts;
    const points = {};
    for (const [name, chart] of Object.entries(charts)) {
      points[name] = chart.data[0].length;
    }
    return {
      status: document.getElementById('status').textContent,
      title: document.getElementById('title').textContent,
      epochs: [...document.querySelectorAll('#epochs tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
      testFigures: document.getElementById('test-figures').textContent,
      confusion: [...document.querySelectorAll('#confusion tr')].slice(1)
        .map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))),
      errorImages: document.querySelectorAll('#errors canvas').length,
      chartPoints: points,
      midRun: [first, second],
      stepAccuracy: charts.stepAccuracy.data[1],
      canvases: document.querySelectorAll('.uplot canvas').length,
    };
  }, [first, second]);
}

async function runs(page) {
  await page.waitForFunction((n) => {
    const charts = window.descentDashboard && window.descentDashboard.charts;
    return charts && charts.runsTrainLoss && charts.runsTrainLoss.series.length - 1 >= n;
  }, minimum, { timeout: timeout / 2, polling: 100 });
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const charts = window.descentDashboard.charts;
    const series = {};
    for (const [name, chart] of Object.entries(charts)) {
      series[name] = chart.series.slice(1).map((s) => s.label);
    }
    return {
      title: document.getElementById('title').textContent,
      table: [...document.querySelectorAll('#run-table tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
      series: series,
      epochs: charts.runsTrainLoss.data[0].length,
      canvases: document.querySelectorAll('.uplot canvas').length,
    };
  });
}

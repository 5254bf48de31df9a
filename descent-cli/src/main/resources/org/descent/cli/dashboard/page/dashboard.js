// The Descent dashboard: reads the server's events (/events, server-sent) and draws them with uPlot.
// Live mode (descent train --dashboard): start, step, epoch, end, result. Runs mode (descent
// dashboard DIR): runs, then one run event per log file (sent again when the file changes).
'use strict';
(function () {
  const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];
  const $ = (id) => document.getElementById(id);
  // Steps and epochs are whole numbers: ticks 1, 2, 5, 10, 20, 50, ...
  const INTEGER_STEPS = [1, 2, 5].flatMap(m => [1, 10, 100, 1e3, 1e4, 1e5, 1e6].map(p => m * p)).sort((a, b) => a - b);
  const short4 = (v) => v == null ? '' : String(Number(v.toPrecision(4)));
  const charts = {};
  const state = { steps: [[], [], [], [], []], epochs: [], runs: new Map(), dirty: new Set() };
  window.descentDashboard = { charts, state };

  function status(text, kind) {
    const el = $('status');
    el.textContent = text;
    el.className = 'status ' + (kind || '');
  }

  const esc = (s) => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  function fixed(x, digits) { return x == null ? '—' : x.toFixed(digits); }
  function precise(x, digits) { return x == null ? '—' : x.toPrecision(digits); }

  function chart(id, series, options) {
    const el = $(id);
    const opts = Object.assign({
      width: Math.max(300, el.clientWidth || 400), height: 220,
      scales: { x: { time: false } },
      legend: { live: true },
      series: [{ label: options.x }].concat(series.map((s, i) => Object.assign(
        { stroke: COLORS[i % COLORS.length], width: 1.5, points: { show: options.points } }, s))),
      axes: [
        { label: options.x, incrs: INTEGER_STEPS, values: (u, ticks) => ticks.map(v => String(v)) },
        { label: options.y, size: 64, values: (u, ticks) => ticks.map(short4) },
      ],
    }, options.extra || {});
    const u = new uPlot(opts, [[]].concat(series.map(() => [])), el);
    charts[options.name] = u;
    return u;
  }

  function resizeAll() {
    for (const u of Object.values(charts)) {
      const width = u.root.parentElement.clientWidth;
      if (width > 0) u.setSize({ width: width, height: 220 });
    }
  }
  window.addEventListener('resize', resizeAll);

  // Redraw at most once a frame: a page opened late gets all past events at once.
  function redraw() {
    if (state.scheduled) return;
    state.scheduled = true;
    requestAnimationFrame(() => {
      state.scheduled = false;
      for (const draw of state.dirty) draw();
      state.dirty.clear();
    });
  }

  function drawSteps() {
    const [x, loss, rate, norm, accuracy] = state.steps;
    charts.stepLoss.setData([x, loss]);
    charts.stepAccuracy.setData([x, accuracy]);
    charts.learningRate.setData([x, rate]);
    charts.gradientNorm.setData([x, norm]);
  }

  function drawEpochs() {
    const x = state.epochs.map(e => e.epoch);
    charts.epochLoss.setData([x, state.epochs.map(e => e.trainLoss), state.epochs.map(e => e.validationLoss)]);
    charts.epochAccuracy.setData([x, state.epochs.map(e => e.validationAccuracy)]);
  }

  function startLive(data) {
    $('live').hidden = false;
    $('title').textContent = data.title;
    $('stride').textContent = data.stride > 1 ? `(mean over every ${data.stride} steps)` : '';
    if (!charts.stepLoss) {
      chart('chart-step-loss', [{ label: 'loss' }], { name: 'stepLoss', x: 'step', y: 'loss' });
      chart('chart-step-accuracy', [{ label: 'batch accuracy' }], { name: 'stepAccuracy', x: 'step', y: 'accuracy' });
      chart('chart-epoch-loss', [{ label: 'train loss' }, { label: 'validation loss' }],
        { name: 'epochLoss', x: 'epoch', y: 'loss', points: true });
      chart('chart-epoch-accuracy', [{ label: 'validation accuracy' }],
        { name: 'epochAccuracy', x: 'epoch', y: 'accuracy', points: true });
      chart('chart-learning-rate', [{ label: 'η' }], { name: 'learningRate', x: 'step', y: 'η' });
      chart('chart-gradient-norm', [{ label: '‖∇‖' }], { name: 'gradientNorm', x: 'step', y: '‖∇Loss‖' });
    }
    state.epochsPlanned = data.epochs;
    status(`training: epoch 1/${data.epochs}`, 'training');
  }

  function onStep(s) {
    state.steps[0].push(s.step);
    state.steps[1].push(s.loss);
    state.steps[2].push(s.learningRate);
    state.steps[3].push(s.gradientNorm);
    state.steps[4].push(s.accuracy);
    if (s.accuracy == null) $('step-accuracy-figure').hidden = true;
    state.dirty.add(drawSteps);
    redraw();
  }

  function onEpoch(e) {
    state.epochs.push(e);
    const regression = e.validationAccuracy == null;
    $('accuracy-figure').hidden = regression && state.epochs.every(x => x.validationAccuracy == null);
    const row = document.createElement('tr');
    row.dataset.epoch = e.epoch;
    row.innerHTML = [e.epoch + '/' + e.epochs, fixed(e.trainLoss, 4), fixed(e.validationLoss, 4),
      fixed(e.validationAccuracy, 4), fixed(e.gradientNorm, 4), precise(e.learningRate, 3), fixed(e.seconds, 1),
      e.samplesPerSecond == null ? '—' : Math.round(e.samplesPerSecond).toLocaleString('en-US')]
      .map(v => `<td>${v}</td>`).join('');
    $('epochs').tBodies[0].appendChild(row);
    if (e.epoch < e.epochs) status(`training: epoch ${e.epoch + 1}/${e.epochs}`, 'training');
    state.dirty.add(drawEpochs);
    redraw();
  }

  function onEnd(data) {
    state.ended = true;
    status(`trained ${data.epochsDone} epochs (${data.stopReason}); testing…`, 'training');
  }

  function onResult(r) {
    $('result').hidden = false;
    const figures = [`${r.samples} samples`, `test loss ${fixed(r.testLoss, 4)}`];
    if (r.testAccuracy != null) figures.unshift(`test accuracy ${fixed(r.testAccuracy, 4)}`);
    if (r.regression) figures.push(r.regression);
    $('test-figures').textContent = figures.join(', ');
    if (r.confusion) confusion(r.classes, r.confusion);
    if (r.misclassified) errors(r.imageSide, r.misclassified);
    status(r.testAccuracy != null ? `done: test accuracy ${fixed(r.testAccuracy, 4)}` : 'done', 'done');
  }

  function confusion(classes, counts) {
    $('confusion-box').hidden = false;
    const max = Math.max(1, ...counts.flat());
    const longest = Math.max(...classes.map(c => short(c).length));
    $('confusion').style.setProperty('--label-height', (1.2 + 0.5 * longest) + 'em');
    const head = '<tr><th></th>' + classes.map(c => `<th class="col" title="${esc(c)}"><span>${esc(short(c))}</span></th>`).join('') + '</tr>';
    const rows = counts.map((row, i) => `<tr><th class="row" title="${esc(classes[i])}">${esc(short(classes[i]))}</th>` + row.map(n => {
      const t = Math.sqrt(n / max);   // square root, so that a few errors still show against the zeros
      const rgb = [255 + (8 - 255) * t, 255 + (48 - 255) * t, 255 + (107 - 255) * t].map(Math.round);
      return `<td style="background: rgb(${rgb}); color: ${t > 0.55 ? '#fff' : '#1b1f24'}">${n}</td>`;
    }).join('') + '</tr>');
    $('confusion').innerHTML = head + rows.join('');
  }

  function short(name) { return name.length > 12 ? name.slice(0, 11) + '…' : name; }

  function errors(side, images) {
    $('errors-box').hidden = false;
    const box = $('errors');
    box.innerHTML = '';
    for (const image of images) {
      const figure = document.createElement('figure');
      const canvas = document.createElement('canvas');
      canvas.width = side;
      canvas.height = side;
      const context = canvas.getContext('2d');
      const pixels = context.createImageData(side, side);
      image.pixels.forEach((v, i) => {
        pixels.data.set([255 - v, 255 - v, 255 - v, 255], 4 * i);
      });
      context.putImageData(pixels, 0, 0);
      figure.appendChild(canvas);
      figure.appendChild(document.createTextNode(`${image.actual} → ${image.predicted}`));
      figure.title = `test sample ${image.sample}: true ${image.actual}, predicted ${image.predicted}`;
      box.appendChild(figure);
    }
  }

  function startRuns(data) {
    $('runs').hidden = false;
    $('title').textContent = 'runs in ' + data.folder;
    status('watching the folder', 'done');
  }

  function onRun(run) {
    state.runs.set(run.name, run);
    state.dirty.add(drawRuns);
    redraw();
  }

  function drawRuns() {
    const runs = [...state.runs.values()].filter(r => r.epochs);
    const series = runs.map(r => ({ label: r.name }));
    for (const [id, name, y] of [['chart-runs-train-loss', 'runsTrainLoss', 'loss'],
      ['chart-runs-validation-loss', 'runsValidationLoss', 'loss'], ['chart-runs-accuracy', 'runsAccuracy', 'accuracy']]) {
      if (charts[name]) { charts[name].destroy(); }
      $(id).innerHTML = '';
      chart(id, series, { name: name, x: 'epoch', y: y, points: true });
    }
    const longest = Math.max(0, ...runs.map(r => r.epochs.length));
    const x = Array.from({ length: longest }, (_, i) => i + 1);
    const column = (key) => runs.map(r => x.map(epoch => { const e = r.epochs.find(row => row.epoch === epoch); return e ? e[key] : null; }));
    charts.runsTrainLoss.setData([x, ...column('trainLoss')]);
    charts.runsValidationLoss.setData([x, ...column('validationLoss')]);
    charts.runsAccuracy.setData([x, ...column('validationAccuracy')]);
    table([...state.runs.values()]);
  }

  function table(runs) {
    const last = (r, key) => r.epochs && r.epochs.length ? r.epochs[r.epochs.length - 1][key] : null;
    const best = (r, key) => r.epochs ? Math.max(...r.epochs.map(e => e[key]).filter(v => v != null)) : null;
    const rows = [
      ['epochs', r => r.epochs ? r.epochs.length : '—'],
      ['last loss', r => fixed(last(r, 'trainLoss'), 4)],
      ['last val_loss', r => fixed(last(r, 'validationLoss'), 4)],
      ['last val_acc', r => fixed(last(r, 'validationAccuracy'), 4)],
      ['best val_acc', r => { const b = best(r, 'validationAccuracy'); return Number.isFinite(b) ? b.toFixed(4) : '—'; }],
      ['last η', r => precise(last(r, 'learningRate'), 3)],
      ['seconds', r => r.epochs ? fixed(r.epochs.reduce((s, e) => s + (e.seconds || 0), 0), 1) : '—'],
    ];
    const head = '<tr><th></th>' + runs.map((r, i) => `<th style="color: ${COLORS[i % COLORS.length]}">${esc(r.name)}</th>`).join('') + '</tr>';
    const body = rows.map(([label, value]) => `<tr><th>${label}</th>` + runs.map(r => r.error
      ? (label === 'epochs' ? `<td class="error">${esc(r.error)}</td>` : '<td></td>') : `<td>${value(r)}</td>`).join('') + '</tr>');
    $('run-table').innerHTML = head + body.join('');
  }

  const source = new EventSource('events');
  const onFailed = (data) => status('failed: ' + data.message, 'gone failed');
  const handlers = { start: startLive, step: onStep, epoch: onEpoch, end: onEnd, result: onResult, failed: onFailed,
    runs: startRuns, run: onRun };
  for (const [type, handle] of Object.entries(handlers)) {
    source.addEventListener(type, (event) => handle(JSON.parse(event.data)));
  }
  source.addEventListener('closed', () => {
    source.close();
    const done = $('status').classList.contains('done') || $('status').classList.contains('failed');
    status((done ? $('status').textContent + ' · ' : '') + 'the server has stopped', $('status').classList.contains('done') ? 'done' : 'gone');
  });
  source.onerror = () => {
    if (source.readyState !== EventSource.CLOSED) status('disconnected, reconnecting…', 'gone');
  };
})();

// Segmenta dashboard: plain ES modules, no build step. Charts: Apache ECharts (vendor/echarts.min.js).
import { api, setCsrf, ApiError } from './api.js';
import { t, lang, setLang, apply } from './i18n.js';

const $ = id => document.getElementById(id);
const views = ['login', 'overview', 'data', 'customers', 'schemes'];
const charts = {};
let overview = null;
let me = null;

function show(view) {
  for (const v of views) $(v + '-view').hidden = v !== view;
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.getAttribute('href') === '#' + view));
  Object.values(charts).forEach(c => c.resize());
}

function chart(id) {
  charts[id] ??= echarts.init($(id));
  return charts[id];
}

const label = seg => (lang() === 'zh-CN' ? seg.label_zh : seg.label_en) || seg.segment;
const fmt = n => (n ?? 0).toLocaleString(lang());

async function route() {
  const view = (location.hash || '#overview').slice(1);
  if (!me) return show('login');
  if (!views.includes(view) || view === 'login') { location.hash = '#overview'; return; }
  show(view);
  try {
    if (view === 'overview') await loadOverview();
    if (view === 'customers') await loadCustomers(1);
    if (view === 'schemes') await loadSchemes();
  } catch (e) { report(e); }
}

function report(e) {
  if (e instanceof ApiError && e.status === 401) { me = null; setCsrf(null); show('login'); return; }
  const target = document.querySelector('section:not([hidden]) .error') || $('run-status');
  target.textContent = e.message;
}

// ---- login ----
$('login-form').addEventListener('submit', async ev => {
  ev.preventDefault();
  $('login-error').textContent = '';
  try {
    me = await api('/auth/login', { method: 'POST', json: { name: $('login-name').value, password: $('login-password').value } });
    setCsrf(me.csrf_token);
    signedIn();
    location.hash = '#overview';
    await route();
  } catch (e) { $('login-error').textContent = e.message; }
});

$('logout').addEventListener('click', async () => {
  await api('/auth/logout', { method: 'POST' }).catch(() => {});
  me = null; setCsrf(null); $('nav').hidden = true; $('logout').hidden = true; $('who').textContent = '';
  show('login');
});

function signedIn() {
  $('nav').hidden = false;
  $('logout').hidden = false;
  $('who').textContent = `${me.name} (${me.role})`;
}

// ---- overview ----
async function loadOverview() {
  overview = await api('/overview');
  const empty = !overview.run_id;
  $('overview-empty').hidden = !empty;
  $('kpis').innerHTML = '';
  if (empty) return;
  for (const [key, value] of [['kpi.customers', fmt(overview.customers)], ['kpi.rows', fmt(overview.rows_accepted)], ['kpi.rejected', fmt(overview.rows_rejected)], ['kpi.asof', overview.as_of]]) {
    const div = document.createElement('div');
    div.className = 'kpi';
    div.innerHTML = `<span></span><b></b>`;
    div.firstChild.textContent = t(key);
    div.lastChild.textContent = value;
    $('kpis').append(div);
  }
  const select = $('scheme-select');
  const schemes = Object.keys(overview.schemes || {});
  const previous = select.value;
  select.innerHTML = '';
  for (const s of schemes) select.append(new Option(s, s));
  select.value = schemes.includes(previous) ? previous : schemes[0];
  await Promise.all([drawSegments(select.value), drawRfm(), drawMatrix(schemes), drawClv(), drawLifecycle(schemes), drawMigration()]);
}

$('scheme-select').addEventListener('change', () => drawSegments($('scheme-select').value).catch(report));

async function drawSegments(scheme) {
  if (!scheme) return;
  const details = await api('/segments/' + encodeURIComponent(scheme));
  const segs = details.segments;
  chart('chart-segments').setOption({
    tooltip: {}, grid: { left: 130, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: segs.map(label), inverse: true },
    series: [{ type: 'bar', name: t('chart.customers'), data: segs.map(s => s.customers), itemStyle: { color: '#2d6cdf' } }],
  }, true);
}

async function drawRfm() {
  const cells = await api('/aggregates/rfm-grid');
  if (!cells.length) return;
  const rs = [...new Set(cells.map(c => c.r))].sort((a, b) => a - b);
  const fs = [...new Set(cells.map(c => c.f))].sort((a, b) => a - b);
  chart('chart-rfm').setOption({
    tooltip: { formatter: p => `R ${p.value[0] + 1} · F ${p.value[1] + 1}: ${fmt(p.value[2])}` },
    grid: { left: 50, right: 20, top: 10, bottom: 70 },
    xAxis: { type: 'category', name: 'R', data: rs.map(String) }, yAxis: { type: 'category', name: 'F', data: fs.map(String) },
    visualMap: { min: 0, max: Math.max(...cells.map(c => c.customers)), calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
    series: [{ type: 'heatmap', data: cells.map(c => [rs.indexOf(c.r), fs.indexOf(c.f), c.customers]), label: { show: true } }],
  }, true);
}

async function drawMatrix(schemes) {
  if (!schemes.includes('abc') || !schemes.includes('value_tier')) return;
  const cells = await api('/aggregates/matrix?rows=abc&columns=value_tier');
  const rows = [...new Set(cells.map(c => c.row))].sort();
  const cols = [...new Set(cells.map(c => c.column))].sort();
  chart('chart-matrix').setOption({
    tooltip: { formatter: p => `${rows[p.value[1]]} × ${cols[p.value[0]]}: ${fmt(p.value[2])}` },
    grid: { left: 60, right: 20, top: 10, bottom: 70 },
    xAxis: { type: 'category', data: cols }, yAxis: { type: 'category', data: rows },
    visualMap: { min: 0, max: Math.max(...cells.map(c => c.customers)), orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#eef4fb', '#1f3b57'] } },
    series: [{ type: 'heatmap', data: cells.map(c => [cols.indexOf(c.column), rows.indexOf(c.row), c.customers]), label: { show: true } }],
  }, true);
}

async function drawClv() {
  const clv = await api('/aggregates/clv');
  $('clv-empty').hidden = !!clv.column;
  $('chart-clv').hidden = !clv.column;
  if (!clv.column) return;
  chart('chart-clv').setOption({
    tooltip: {}, grid: { left: 130, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: clv.segments.map(s => s.segment), inverse: true },
    series: [{ type: 'bar', name: clv.column, data: clv.segments.map(s => s.total_clv), itemStyle: { color: '#3ba272' } }],
  }, true);
}

async function drawLifecycle(schemes) {
  const name = schemes.find(s => s.includes('lifecycle'));
  $('lifecycle-card').hidden = !name;
  if (!name) return;
  const details = await api('/segments/' + encodeURIComponent(name));
  chart('chart-lifecycle').setOption({
    tooltip: {}, xAxis: { type: 'category', data: details.segments.map(label) }, yAxis: { type: 'value' },
    series: [{ type: 'bar', data: details.segments.map(s => s.customers), itemStyle: { color: '#fc8452' } }],
  }, true);
}

async function drawMigration() {
  const snapshots = await api('/snapshots').catch(() => []);
  $('sankey-card').hidden = snapshots.length < 2;
  if (snapshots.length < 2) return;
  const scheme = $('scheme-select').value || Object.keys(overview.schemes)[0];
  const m = await api(`/migration?from=${snapshots[1].id}&to=${snapshots[0].id}&scheme=${encodeURIComponent(scheme)}`);
  const sankey = m.schemes[scheme]?.sankey;
  if (!sankey) return;
  chart('chart-sankey').setOption({ tooltip: {}, series: [{ type: 'sankey', data: sankey.nodes, links: sankey.links, label: { fontSize: 10 } }] }, true);
}

// ---- upload and run ----
$('upload-button').addEventListener('click', async () => {
  const file = $('upload-file').files[0];
  if (!file) { $('upload-result').textContent = t('upload.pick'); return; }
  $('upload-result').textContent = '…';
  try {
    const kind = $('upload-kind').value;
    const r = await api(`/uploads/${kind}?fileName=${encodeURIComponent(file.name)}`, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } });
    $('upload-result').textContent = t('upload.done', { read: fmt(r.load.rows_read), accepted: fmt(r.load.rows_accepted), rejected: fmt(r.load.rows_rejected) });
  } catch (e) {
    const load = e.problem?.load;
    $('upload-result').textContent = e.message + (load ? '\n' + t('upload.done', { read: fmt(load.rows_read), accepted: fmt(load.rows_accepted), rejected: fmt(load.rows_rejected) }) : '');
  }
});

let running = null;
$('run-button').addEventListener('click', async () => {
  $('run-status').textContent = '';
  try {
    const job = await api('/runs', { method: 'POST', json: { clv: $('run-clv').checked, lang: lang() } });
    running = job.id;
    $('run-cancel').hidden = false;
    poll();
  } catch (e) { $('run-status').textContent = e.message; }
});

$('run-cancel').addEventListener('click', () => running && api('/runs/' + running, { method: 'DELETE' }).catch(report));

async function poll() {
  const job = await api('/runs/' + running);
  $('run-progress').value = job.progress;
  $('run-status').textContent = job.stage;
  if (['succeeded', 'failed', 'cancelled'].includes(job.status)) {
    $('run-cancel').hidden = true;
    running = null;
    $('run-status').textContent = job.status === 'succeeded' ? t('run.succeeded') : job.status === 'failed' ? t('run.failed') + job.error : t('run.cancelled');
    $('run-status').dataset.status = job.status;
    return;
  }
  setTimeout(() => poll().catch(report), 400);
}

// ---- customers ----
const customerColumns = ['customer_id', 'rfm_segment_label', 'abc_class', 'value_tier', 'orders', 'recency_days', 'monetary_total'];

$('customer-search').addEventListener('submit', ev => { ev.preventDefault(); loadCustomers(1).catch(report); });

async function loadCustomers(page) {
  overview ??= await api('/overview');
  const segSelect = $('customer-segment');
  if (segSelect.options.length <= 1 && overview.schemes?.rfm) {
    for (const s of Object.keys(overview.schemes.rfm)) segSelect.append(new Option(s, s));
  }
  if (!overview.run_id) return;
  const params = new URLSearchParams({ page, page_size: 20 });
  if ($('customer-q').value) params.set('q', $('customer-q').value);
  if (segSelect.value) { params.set('scheme', 'rfm'); params.set('segment', segSelect.value); }
  const result = await api('/customers?' + params);
  const thead = $('customer-table').tHead;
  thead.innerHTML = '<tr>' + customerColumns.map(() => '<th></th>').join('') + '</tr>';
  customerColumns.forEach((c, i) => { thead.rows[0].cells[i].textContent = c; });
  const body = $('customer-table').tBodies[0];
  body.innerHTML = '';
  for (const row of result.rows) {
    const tr = body.insertRow();
    tr.dataset.id = row.customer_id;
    for (const c of customerColumns) tr.insertCell().textContent = typeof row[c] === 'number' ? Math.round(row[c] * 100) / 100 : (row[c] ?? '');
    tr.addEventListener('click', () => openCustomer(row.customer_id).catch(report));
  }
  const pager = $('customer-pager');
  pager.innerHTML = '';
  const info = document.createElement('span');
  info.textContent = t('customers.total', { n: fmt(result.total) });
  pager.append(info);
  if (page > 1) pager.append(button(t('pager.prev'), () => loadCustomers(page - 1)));
  if (page * result.page_size < result.total) pager.append(button(t('pager.next'), () => loadCustomers(page + 1)));
}

function button(text, onClick) {
  const b = document.createElement('button');
  b.textContent = text;
  b.addEventListener('click', () => onClick().catch(report));
  return b;
}

async function openCustomer(id) {
  const profile = await api('/customers/' + encodeURIComponent(id) + '?lang=' + lang());
  const card = $('customer-profile');
  card.hidden = false;
  card.innerHTML = '<h2></h2><ul class="reasons"></ul><table><tbody></tbody></table>';
  card.querySelector('h2').textContent = t('customers.profile', { id });
  const reasons = card.querySelector('.reasons');
  for (const r of profile.reasons ?? []) {
    const li = document.createElement('li');
    li.textContent = `${r.scheme}: ${r.label} — ${r.reason}${r.action ? ' → ' + r.action : ''}`;
    reasons.append(li);
  }
  const body = card.querySelector('tbody');
  for (const [k, v] of Object.entries(profile.features)) {
    const tr = body.insertRow();
    tr.insertCell().textContent = k;
    tr.insertCell().textContent = v ?? '';
  }
}

// ---- schemes ----
let validateTimer = null;
async function loadSchemes() {
  const list = await api('/schemes');
  const select = $('scheme-list');
  select.innerHTML = '';
  for (const s of list) select.append(new Option(`${s.name}${s.version ? ' v' + s.version : ''}`, s.name));
  if (list.length && !$('scheme-editor').value) await openScheme(list[0].name);
}

async function openScheme(name) {
  const s = await api('/schemes/' + encodeURIComponent(name));
  $('scheme-name').value = s.name;
  $('scheme-editor').value = s.yaml;
  await validate();
}

$('scheme-list').addEventListener('change', () => openScheme($('scheme-list').value).catch(report));
$('scheme-editor').addEventListener('input', () => { clearTimeout(validateTimer); validateTimer = setTimeout(() => validate().catch(report), 300); });

async function validate() {
  const result = await api('/schemes/validate', { method: 'POST', json: { yaml: $('scheme-editor').value } });
  showProblems(result.valid ? [] : result.problems, result.valid ? t('schemes.valid') : null);
}

function showProblems(problems, ok) {
  const ul = $('scheme-problems');
  ul.innerHTML = '';
  ul.dataset.valid = problems.length === 0;
  for (const p of problems) {
    const li = document.createElement('li');
    li.textContent = (p.line ? `line ${p.line}: ` : '') + p.message;
    ul.append(li);
  }
  if (ok) { const li = document.createElement('li'); li.className = 'muted'; li.textContent = ok; ul.append(li); }
}

$('scheme-save').addEventListener('click', async () => {
  try {
    const name = $('scheme-name').value;
    const saved = await api('/schemes/' + encodeURIComponent(name), { method: 'PUT', json: { yaml: $('scheme-editor').value } });
    showProblems([], t('schemes.saved', { v: saved.version }));
    await loadSchemes();
  } catch (e) {
    showProblems(e.problem?.problems ?? [{ message: e.message }], null);
  }
});

// ---- boot ----
$('lang').value = lang();
$('download-actions').addEventListener('click', () => { $('download-actions').href = `api/v1/actions?scheme=retail_rfm&format=csv&lang=${lang()}`; });
$('lang').addEventListener('change', () => { setLang($('lang').value); route(); });
window.addEventListener('hashchange', route);
setLang(lang());
apply();
(async () => {
  // Only ask who we are when this tab signed in before (no 401 noise on a first visit).
  if (sessionStorage.getItem('segmenta.csrf')) {
    try { me = await api('/auth/me'); setCsrf(me.csrf_token); signedIn(); } catch { me = null; setCsrf(null); }
  }
  await route();
})();

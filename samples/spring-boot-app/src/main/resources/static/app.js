// The customer list of the CRMKit sample: plain JavaScript over the sample's REST API.
'use strict';

const OPERATOR_LABELS = {
  EQ: 'is', NE: 'is not', CONTAINS: 'contains', NOT_CONTAINS: 'does not contain', STARTS_WITH: 'starts with',
  ENDS_WITH: 'ends with', IN: 'is one of', NOT_IN: 'is none of', IS_EMPTY: 'is empty', IS_NOT_EMPTY: 'is not empty',
  LT: '<', LE: '<=', GT: '>', GE: '>=', BETWEEN: 'between', WITHIN_LAST_DAYS: 'within the last N days',
  BEFORE_DAYS_AGO: 'before N days ago', AFTER_DAYS_AGO: 'after N days ago', HAS_ANY: 'has any of',
  HAS_ALL: 'has all of', HAS_NONE: 'has none of', IS_TRUE: 'is true', IS_FALSE: 'is false'
};
const NO_VALUE = new Set(['IS_EMPTY', 'IS_NOT_EMPTY', 'IS_TRUE', 'IS_FALSE']);
const DAY_COUNT = new Set(['WITHIN_LAST_DAYS', 'BEFORE_DAYS_AGO', 'AFTER_DAYS_AGO']);
const LISTS = new Set(['IN', 'NOT_IN', 'HAS_ANY', 'HAS_ALL', 'HAS_NONE']);

const state = { fields: [], filter: null, keyword: '', next: null, columns: [] };

const $ = (selector, root = document) => root.querySelector(selector);

// Spring Security's CSRF token, which every request that changes something sends back in a header: a page of
// another site can make the browser post here, but cannot read this site's cookie.
function csrfHeaders(method) {
  if (method === 'GET') {
    return {};
  }
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? { 'X-XSRF-TOKEN': decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) } : {};
}

async function api(method, url, body) {
  const options = { method, headers: csrfHeaders(method) };
  if (body instanceof FormData) {
    options.body = body;
  } else if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  if (response.status === 401) {
    location.href = '/login';
    throw new Error('signed out');
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(json && json.message ? json.message : response.status + ' ' + response.statusText);
    error.details = json && json.errors ? json.errors : [];
    throw error;
  }
  return json;
}

function describe(error) {
  const where = error.details.map(detail => detail.field + ': ' + detail.message);
  return where.length ? where.join('; ') : error.message;
}

function show(element, message) {
  element.textContent = message || '';
  element.hidden = !message;
}

// ------------------------------------------------------------------ the list

function cell(value) {
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    return value.substring(0, 16).replace('T', ' ');
  }
  return value === null || value === undefined ? '' : String(value);
}

async function loadList(append) {
  const request = { filter: state.filter, keyword: state.keyword, total: !append };
  if (append) {
    request.cursor = state.next;
  }
  try {
    const page = await api('POST', '/api/customers/search', request);
    show($('#list-error'), '');
    state.next = page.next;
    const head = $('#customers thead tr');
    head.replaceChildren(...page.columns.map(column => {
      const th = document.createElement('th');
      th.textContent = column.label;
      th.dataset.key = column.key;
      return th;
    }));
    const body = $('#customers tbody');
    if (!append) {
      body.replaceChildren();
    }
    for (const row of page.rows) {
      const tr = document.createElement('tr');
      tr.dataset.id = row.id;
      for (const column of page.columns) {
        const td = document.createElement('td');
        td.textContent = cell(row.values[column.key]);
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    if (page.total !== null) {
      $('#total').textContent = page.total + (Number(page.total) === 1 ? ' customer' : ' customers');
    }
    $('#next-page').hidden = !page.next;
    updateExportLinks();
    return '';
  } catch (error) {
    show($('#list-error'), describe(error));
    return describe(error);
  }
}

function updateExportLinks() {
  for (const format of ['xlsx', 'csv']) {
    const params = new URLSearchParams({ format, keyword: state.keyword });
    if (state.filter) {
      params.set('filter', JSON.stringify(state.filter));
    }
    $('#export-' + format).href = '/api/export?' + params;
  }
}

// ------------------------------------------------------------------ the filter builder

function group(match) {
  const box = document.createElement('div');
  box.className = 'group';
  box.innerHTML = '<div class="condition">Match <select class="group-match"><option value="all">all</option>'
    + '<option value="any">any</option></select> of these conditions'
    + ' <button type="button" class="add-condition">+ Condition</button>'
    + ' <button type="button" class="add-group">+ Group</button></div><div class="items"></div>';
  $('.group-match', box).value = match || 'all';
  $('.add-condition', box).addEventListener('click', () => $('.items', box).appendChild(condition()));
  $('.add-group', box).addEventListener('click', () => {
    const inner = group('any');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = 'Remove group';
    remove.addEventListener('click', () => inner.remove());
    $('.condition', inner).appendChild(remove);
    $('.items', box).appendChild(inner);
    $('.items', inner).appendChild(condition());
  });
  return box;
}

function condition() {
  const row = document.createElement('div');
  row.className = 'condition item';
  const field = document.createElement('select');
  field.className = 'cond-field';
  for (const f of state.fields) {
    field.add(new Option(f.label, f.key));
  }
  const operator = document.createElement('select');
  operator.className = 'cond-op';
  const values = document.createElement('span');
  values.className = 'cond-values';
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'remove';
  remove.textContent = '\u00d7';
  remove.title = 'Remove this condition';
  remove.addEventListener('click', () => row.remove());
  field.addEventListener('change', () => {
    const spec = fieldSpec(field.value);
    operator.replaceChildren(...spec.operators.map(op => new Option(OPERATOR_LABELS[op] || op, op)));
    valueInputs(values, spec, operator.value);
  });
  operator.addEventListener('change', () => valueInputs(values, fieldSpec(field.value), operator.value));
  row.append(field, operator, values, remove);
  field.dispatchEvent(new Event('change'));
  return row;
}

function fieldSpec(key) {
  return state.fields.find(f => f.key === key);
}

function valueInputs(container, spec, op) {
  container.replaceChildren();
  if (NO_VALUE.has(op)) {
    return;
  }
  const count = op === 'BETWEEN' ? 2 : 1;
  for (let i = 0; i < count; i++) {
    let input;
    if (spec.kind === 'CHOICE') {
      input = document.createElement('select');
      input.multiple = LISTS.has(op) && spec.options.length > 1;
      for (const option of spec.options) {
        input.add(new Option(option, option));
      }
    } else {
      input = document.createElement('input');
      input.type = DAY_COUNT.has(op) || spec.kind === 'NUMBER' ? 'number'
        : spec.kind === 'DATE' || spec.kind === 'DATETIME' ? 'date' : 'text';
      if (LISTS.has(op)) {
        input.placeholder = 'a, b, c';
      }
    }
    input.className = 'cond-value';
    container.appendChild(input);
  }
}

function typed(spec, op, raw) {
  if (DAY_COUNT.has(op) || spec.kind === 'NUMBER') {
    return raw === '' ? raw : Number(raw);
  }
  if (spec.kind === 'DATE') {
    return { date: raw };
  }
  if (spec.kind === 'DATETIME') {
    return { instant: raw + 'T00:00:00Z' };
  }
  return raw;
}

function readGroup(box) {
  const items = [];
  for (const item of $('.items', box).children) {
    if (item.classList.contains('group')) {
      const inner = readGroup(item);
      if (inner) {
        items.push(inner);
      }
      continue;
    }
    const spec = fieldSpec($('.cond-field', item).value);
    const op = $('.cond-op', item).value;
    const values = [];
    for (const input of item.querySelectorAll('.cond-value')) {
      if (input.tagName === 'SELECT') {
        values.push(...Array.from(input.selectedOptions, option => option.value));
      } else if (LISTS.has(op) && spec.kind !== 'NUMBER') {
        values.push(...input.value.split(',').map(v => v.trim()).filter(v => v));
      } else {
        values.push(typed(spec, op, input.value.trim()));
      }
    }
    items.push({ field: spec.key, op, values });
  }
  if (!items.length) {
    return null;
  }
  return { [$('.group-match', box).value]: items };
}

function applyFilter() {
  const root = readGroup($('#filter-builder > .group'));
  state.filter = root ? { version: 1, filter: root } : null;
  return loadList(false).then(message => show($('#filter-error'), message));
}

function resetFilter() {
  $('#filter-builder').replaceChildren(group('all'));
}

// ------------------------------------------------------------------ columns

async function loadColumns() {
  const settings = await api('GET', '/api/columns');
  const chosen = settings.chosen.map(c => c.key);
  const ordered = settings.chosen.concat(settings.available.filter(c => !chosen.includes(c.key)));
  $('#column-list').replaceChildren(...ordered.map(column => {
    const li = document.createElement('li');
    li.dataset.key = column.key;
    li.innerHTML = '<label><input type="checkbox"> <span></span></label> '
      + '<button type="button" class="up" title="Move up">\u2191</button>'
      + '<button type="button" class="down" title="Move down">\u2193</button>';
    $('span', li).textContent = column.label;
    $('input', li).checked = chosen.includes(column.key);
    $('input', li).value = column.key;
    $('.up', li).addEventListener('click', () => li.previousElementSibling && li.after(li.previousElementSibling));
    $('.down', li).addEventListener('click', () => li.nextElementSibling && li.before(li.nextElementSibling));
    return li;
  }));
}

async function saveColumns() {
  const keys = Array.from(document.querySelectorAll('#column-list input:checked'), input => input.value);
  try {
    await api('PUT', '/api/columns', keys);
    show($('#column-error'), '');
    await loadList(false);
  } catch (error) {
    show($('#column-error'), describe(error));
  }
}

// ------------------------------------------------------------------ import

async function startImport(event) {
  event.preventDefault();
  const file = $('#import-file').files[0];
  const status = $('#import-status');
  const progress = $('#import-progress');
  $('#import-failures').hidden = true;
  if (!file) {
    status.textContent = 'Choose an .xlsx or .csv file first.';
    return;
  }
  const form = new FormData();
  form.append('file', file);
  try {
    let job = await api('POST', '/api/imports', form);
    progress.hidden = false;
    progress.value = 0;
    status.textContent = 'Importing ' + file.name + '...';
    while (job.state === 'QUEUED' || job.state === 'RUNNING') {
      progress.value = job.total > 0 ? Math.round(100 * job.done / job.total) : 0;
      await new Promise(resolve => setTimeout(resolve, 250));
      job = await api('GET', '/api/imports/' + job.id);
    }
    if (job.state === 'DONE') {
      progress.value = 100;
      const counts = job.imported;
      status.textContent = 'Import done: ' + counts.created + ' created, ' + counts.updated + ' updated, '
        + counts.unchanged + ' unchanged, ' + counts.failed + ' failed.';
      if (Number(counts.failed) > 0) {
        const link = $('#import-failures');
        link.href = '/api/imports/' + job.id + '/failures?format=csv';
        link.hidden = false;
      }
    } else {
      status.textContent = 'Import ' + job.state.toLowerCase() + ': ' + (job.error || 'no reason given');
    }
    await loadList(false);
    await loadDuplicates();
  } catch (error) {
    progress.hidden = true;
    status.textContent = 'Import refused: ' + describe(error);
  }
}

// ------------------------------------------------------------------ duplicates

function person(customer) {
  return customer.name + ' (' + customer.phones.concat(customer.emails).join(', ') + ')';
}

async function loadDuplicates() {
  const suggestions = await api('GET', '/api/duplicates?limit=20');
  const list = $('#duplicates');
  list.replaceChildren(...suggestions.map(suggestion => {
    const li = document.createElement('li');
    li.className = 'duplicate';
    li.dataset.customer = suggestion.customer.id;
    li.dataset.other = suggestion.other.id;
    li.append(person(suggestion.customer) + ' and ' + person(suggestion.other) + ', score '
      + suggestion.score + ' (' + suggestion.reasons.join('; ') + ') ');
    const merge = document.createElement('button');
    merge.type = 'button';
    merge.className = 'merge';
    merge.textContent = 'Merge into the first';
    merge.addEventListener('click', () => mergePair(suggestion));
    li.appendChild(merge);
    return li;
  }));
  if (!suggestions.length) {
    const li = document.createElement('li');
    li.textContent = 'No suggested duplicates.';
    list.appendChild(li);
  }
}

async function mergePair(suggestion) {
  const status = $('#merge-status');
  try {
    const merged = await api('POST', '/api/duplicates/merge',
      { survivorId: suggestion.customer.id, mergedId: suggestion.other.id });
    status.textContent = 'Merged ' + suggestion.other.name + ' into ' + merged.survivor.name + ' (#'
      + merged.survivor.id + '); it can be undone until ' + cell(merged.undoableUntil) + '.';
  } catch (error) {
    status.textContent = 'Merge refused: ' + describe(error);
  }
  await loadList(false);
  await loadDuplicates();
}

// ------------------------------------------------------------------ account

async function loadAccount() {
  const me = await api('GET', '/api/me');
  $('#signed-in').textContent = 'Signed in as ' + me.user + ' (tenant ' + me.tenant + ')';
}

async function signOut() {
  await fetch('/logout', { method: 'POST', headers: csrfHeaders('POST') });
  location.href = '/login?logout';
}

// ------------------------------------------------------------------ start

async function start() {
  $('#search-form').addEventListener('submit', event => {
    event.preventDefault();
    state.keyword = $('#keyword').value;
    loadList(false);
  });
  $('#toggle-filter').addEventListener('click', () => { $('#filter-panel').hidden = !$('#filter-panel').hidden; });
  $('#toggle-columns').addEventListener('click', () => { $('#column-panel').hidden = !$('#column-panel').hidden; });
  $('#apply-filter').addEventListener('click', applyFilter);
  $('#clear-filter').addEventListener('click', () => { resetFilter(); applyFilter(); });
  $('#save-columns').addEventListener('click', saveColumns);
  $('#import-form').addEventListener('submit', startImport);
  $('#next-page').addEventListener('click', () => loadList(true));
  $('#sign-out').addEventListener('click', signOut);
  await loadAccount();
  state.fields = await api('GET', '/api/filter-fields');
  resetFilter();
  await loadList(false);
  await Promise.all([loadColumns(), loadDuplicates()]);
  document.body.dataset.ready = 'true';
}

start();

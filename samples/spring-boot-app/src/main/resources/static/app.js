// The customer list of the CRMKit sample: plain JavaScript over the sample's REST API. The filter builder and the
// column settings are built from the SDK's field metadata (GET /api/fields): the page offers exactly the fields,
// operators and options the SDK accepts, and lists no field of its own.
'use strict';

const OPERATOR_LABELS = {
  EQ: 'is', NE: 'is not', CONTAINS: 'contains', NOT_CONTAINS: 'does not contain', STARTS_WITH: 'starts with',
  ENDS_WITH: 'ends with', IN: 'is one of', NOT_IN: 'is none of', IS_EMPTY: 'is empty', IS_NOT_EMPTY: 'is not empty',
  LT: '<', LE: '<=', GT: '>', GE: '>=', BETWEEN: 'between', WITHIN_LAST_DAYS: 'within the last N days',
  BEFORE_DAYS_AGO: 'before N days ago', AFTER_DAYS_AGO: 'after N days ago', HAS_ANY: 'has any of',
  HAS_ALL: 'has all of', HAS_NONE: 'has none of', IS_TRUE: 'is true', IS_FALSE: 'is false',
  OCCURRED_AT_LEAST: 'occurred at least'
};
// How many inputs an operator's arity asks for; MANY is one input holding a list.
const INPUTS = { NONE: 0, ONE: 1, TWO: 2, MANY: 1 };
const NUMBERS = new Set(['NUMBER', 'WHOLE_NUMBER']);
const SELECTS = new Set(['CHOICE', 'ID', 'BOOLEAN']);

const state = { fields: [], byKey: new Map(), filter: null, keyword: '', next: null };

// A number kept as its decimal text and written into JSON as a number: ids are 64-bit, and a JavaScript number holds
// integers exactly only up to 2^53 (the API writes them as text for the same reason).
class JsonNumber {
  constructor(text) {
    this.text = text;
  }
}

// JSON.stringify, except that a JsonNumber is written as the number it holds.
function toJson(value) {
  if (value instanceof JsonNumber) {
    return value.text;
  }
  if (Array.isArray(value)) {
    return '[' + value.map(toJson).join(',') + ']';
  }
  if (value !== null && typeof value === 'object') {
    return '{' + Object.keys(value).filter(key => value[key] !== undefined)
      .map(key => JSON.stringify(key) + ':' + toJson(value[key])).join(',') + '}';
  }
  return JSON.stringify(value);
}

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
    options.body = toJson(body);
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
    head.replaceChildren(...page.columns.map(key => {
      const th = document.createElement('th');
      th.textContent = label(key);
      th.dataset.key = key;
      return th;
    }));
    const body = $('#customers tbody');
    if (!append) {
      body.replaceChildren();
    }
    for (const row of page.rows) {
      const tr = document.createElement('tr');
      tr.dataset.id = row.id;
      for (const key of page.columns) {
        const td = document.createElement('td');
        td.textContent = cell(row.values[key]);
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
      params.set('filter', toJson(state.filter));
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
  for (const f of state.fields.filter(f => f.operators.length)) {
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
    operator.replaceChildren(...spec.operators.map(allowed =>
      new Option(OPERATOR_LABELS[allowed.operator] || allowed.operator, allowed.operator)));
    valueInputs(values, spec, allowedOperator(spec, operator.value));
  });
  operator.addEventListener('change', () => {
    const spec = fieldSpec(field.value);
    valueInputs(values, spec, allowedOperator(spec, operator.value));
  });
  row.append(field, operator, values, remove);
  field.dispatchEvent(new Event('change'));
  return row;
}

function fieldSpec(key) {
  return state.byKey.get(key);
}

function label(key) {
  const field = fieldSpec(key);
  return field ? field.label : key;
}

function allowedOperator(spec, op) {
  return spec.operators.find(allowed => allowed.operator === op);
}

// The inputs of an operator: as many as its arity says, each of the type the metadata states.
function valueInputs(container, spec, allowed) {
  container.replaceChildren();
  for (let i = 0; i < INPUTS[allowed.arity]; i++) {
    container.appendChild(valueInput(spec, allowed, i));
  }
}

function valueInput(spec, allowed, index) {
  let input;
  if (SELECTS.has(allowed.valueType)) {
    input = document.createElement('select');
    const options = allowed.valueType === 'BOOLEAN'
      ? [{ value: 'true', label: 'yes' }, { value: 'false', label: 'no' }] : spec.options;
    input.multiple = allowed.arity === 'MANY' && options.length > 1;
    for (const option of options) {
      input.add(new Option(option.label, String(option.value)));
    }
  } else {
    input = document.createElement('input');
    input.type = NUMBERS.has(allowed.valueType) ? 'number'
      : allowed.valueType === 'DATE' || allowed.valueType === 'DATETIME' ? 'date' : 'text';
    if (allowed.arity === 'MANY') {
      input.placeholder = 'a, b, c';
    } else if (allowed.operator === 'OCCURRED_AT_LEAST') {
      input.placeholder = index === 0 ? 'at least N events' : 'in the last N days';
    }
  }
  input.className = 'cond-value';
  return input;
}

// A value as the filter's JSON holds it: numbers and ids as JSON numbers, dates as {"date": ...}, instants as
// {"instant": ...}. What does not read as its type is sent as typed, for the SDK to say what is wrong.
function typed(valueType, raw) {
  switch (valueType) {
    case 'NUMBER':
    case 'WHOLE_NUMBER':
    case 'ID':
      return /^-?\d+(\.\d+)?$/.test(raw) ? new JsonNumber(raw) : raw;
    case 'BOOLEAN':
      return raw === 'true';
    case 'DATE':
      return { date: raw };
    case 'DATETIME':
      return { instant: raw + 'T00:00:00Z' };
    default:
      return raw;
  }
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
    const allowed = allowedOperator(spec, $('.cond-op', item).value);
    const values = [];
    for (const input of item.querySelectorAll('.cond-value')) {
      if (input.tagName === 'SELECT') {
        values.push(...Array.from(input.selectedOptions, option => typed(allowed.valueType, option.value)));
      } else if (allowed.arity === 'MANY') {
        values.push(...input.value.split(',').map(v => v.trim()).filter(v => v).map(v => typed(allowed.valueType, v)));
      } else {
        values.push(typed(allowed.valueType, input.value.trim()));
      }
    }
    items.push({ field: spec.key, op: allowed.operator, values });
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

// The column settings: every field the metadata says can be a column, the actor's columns first, in their order.
async function loadColumns() {
  const settings = await api('GET', '/api/columns');
  const chosen = settings.chosen;
  const ordered = chosen.concat(state.fields.filter(f => f.column && !chosen.includes(f.key)).map(f => f.key));
  $('#column-list').replaceChildren(...ordered.map(key => {
    const li = document.createElement('li');
    li.dataset.key = key;
    li.innerHTML = '<label><input type="checkbox"> <span></span></label> '
      + '<button type="button" class="up" title="Move up">\u2191</button>'
      + '<button type="button" class="down" title="Move down">\u2193</button>';
    $('span', li).textContent = label(key);
    $('input', li).checked = chosen.includes(key);
    $('input', li).value = key;
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
  state.fields = await api('GET', '/api/fields');
  state.byKey = new Map(state.fields.map(field => [field.key, field]));
  resetFilter();
  await loadList(false);
  await Promise.all([loadColumns(), loadDuplicates()]);
  document.body.dataset.ready = 'true';
}

start();

// The customer page of the CRMKit sample: plain JavaScript over the sample's REST API. The list with its bulk bar,
// the details panel of the customer clicked, and the trash. The filter builder and the
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

const state = {
  fields: [], byKey: new Map(), filter: null, keyword: '', next: null, total: null, selected: new Set(),
  details: null, pendingDelete: null
};

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

// Draws a page of the list. A new search (not append, not keep) forgets the selection; after a bulk operation
// (keep) the selected rows that are still listed stay selected.
async function loadList(append, keep) {
  const request = { filter: state.filter, keyword: state.keyword, total: !append };
  if (append) {
    request.cursor = state.next;
  }
  try {
    const page = await api('POST', '/api/customers/search', request);
    show($('#list-error'), '');
    state.next = page.next;
    const head = $('#customers thead tr');
    const all = document.createElement('input');
    all.type = 'checkbox';
    all.id = 'select-page';
    all.title = 'Select the customers shown';
    all.addEventListener('change', () => selectShown(all.checked));
    const allCell = document.createElement('th');
    allCell.className = 'select-cell';
    allCell.appendChild(all);
    head.replaceChildren(allCell, ...page.columns.map(key => {
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
      body.appendChild(listRow(row, page.columns));
    }
    if (!append) {
      const shown = new Set(page.rows.map(row => row.id));
      for (const id of Array.from(state.selected)) {
        if (!keep || !shown.has(id)) {
          state.selected.delete(id);
        }
      }
      if (!keep) {
        $('#bulk-matching').checked = false;
      }
      for (const box of document.querySelectorAll('#customers .row-select')) {
        box.checked = state.selected.has(box.value);
      }
    }
    if (page.total !== null) {
      state.total = Number(page.total);
      $('#total').textContent = page.total + (Number(page.total) === 1 ? ' customer' : ' customers');
    }
    $('#next-page').hidden = !page.next;
    updateExportLinks();
    updateBulkBar();
    return '';
  } catch (error) {
    show($('#list-error'), describe(error));
    return describe(error);
  }
}

function listRow(row, columns) {
  const tr = document.createElement('tr');
  tr.dataset.id = row.id;
  tr.classList.toggle('open', state.details !== null && state.details.customer.id === row.id);
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.className = 'row-select';
  box.value = row.id;
  box.title = 'Select';
  box.addEventListener('change', () => {
    if (box.checked) {
      state.selected.add(row.id);
    } else {
      state.selected.delete(row.id);
    }
    updateBulkBar();
  });
  const select = document.createElement('td');
  select.className = 'select-cell';
  select.appendChild(box);
  tr.appendChild(select);
  for (const key of columns) {
    const td = document.createElement('td');
    td.textContent = cell(row.values[key]);
    tr.appendChild(td);
  }
  tr.addEventListener('click', event => {
    if (!event.target.closest('.select-cell')) {
      openDetails(row.id);
    }
  });
  return tr;
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

// ------------------------------------------------------------------ the details panel

// The built-in fields the panel edits inline (the API's CustomerEdit.FIELDS), then the tenant's custom fields.
const EDITABLE = ['name', 'nickname', 'gender', 'birthday', 'company', 'phones', 'emails', 'city', 'remark', 'source',
  'stage', 'externalId'];
const FIELD_LABELS = { gender: 'Gender', birthday: 'Birthday', externalId: 'External id' };

function identityValues(customer, type) {
  return customer.identities.filter(identity => identity.type === type).map(identity => identity.value);
}

// A field's value as the inline editor shows and takes it: lists separated by commas.
function fieldText(customer, key) {
  switch (key) {
    case 'phones':
      return identityValues(customer, 'PHONE').join(', ');
    case 'emails':
      return identityValues(customer, 'EMAIL').join(', ');
    case 'externalId':
      return identityValues(customer, 'EXTERNAL_ID').join(', ');
    case 'city':
      return customer.address.city;
    case 'gender':
      return customer.gender === 'UNKNOWN' ? '' : customer.gender;
    case 'birthday':
      return customer.birthday || '';
    default:
      if (EDITABLE.includes(key)) {
        return customer[key] === null || customer[key] === undefined ? '' : String(customer[key]);
      }
      return cell(customer.custom[key]);
  }
}

// Opens the panel on a customer; refresh says the panel is drawn again after a change, which may have deleted it.
async function openDetails(id, refresh) {
  for (const tr of document.querySelectorAll('#customers tbody tr')) {
    tr.classList.toggle('open', tr.dataset.id === id);
  }
  const panel = $('#details');
  delete panel.dataset.customer;
  try {
    renderDetails(await api('GET', '/api/customers/' + id + '/details'));
  } catch (error) {
    closeDetails();
    if (!refresh) {
      show($('#list-error'), describe(error));
    }
    return;
  }
  if (!refresh) {
    $('#timeline-type').value = '';
  }
  panel.hidden = false;
  await Promise.all([loadTimeline(), loadActivity(id)]);
  panel.dataset.customer = id;
  if (!refresh) {
    panel.scrollIntoView({ block: 'start' });
  }
}

function closeDetails() {
  state.details = null;
  $('#details').hidden = true;
  delete $('#details').dataset.customer;
  document.querySelectorAll('#customers tbody tr.open').forEach(tr => tr.classList.remove('open'));
}

function renderDetails(details) {
  state.details = details;
  const customer = details.customer;
  $('#details-name').textContent = customer.name || '(no name)';
  $('#details-status').textContent = 'Status ' + customer.status + (customer.ownerId ? ', owner '
    + customer.ownerId : '') + ', stage ' + customer.stage + ', version ' + customer.version;
  const custom = state.fields.filter(field => field.kind === 'CUSTOM').map(field => field.key);
  $('#details-fields tbody').replaceChildren(...EDITABLE.concat(custom).map(key => fieldRow(customer, key)));
  $('#details-identities').replaceChildren(...customer.identities.map(identity => {
    const li = document.createElement('li');
    li.dataset.type = identity.type;
    li.append(identity.type.toLowerCase().replace('_', ' ') + ' '
      + (identity.channel ? identity.channel + ':' : '') + identity.value + ' ');
    const mark = document.createElement('span');
    mark.className = identity.verified ? 'verified' : 'unverified';
    mark.textContent = identity.verified ? '\u2713 verified' : 'not verified';
    li.appendChild(mark);
    return li;
  }));
  chips($('#details-tags'), customer.tags);
  chips($('#details-segments'), details.segments.map(segment => segment.name));
  chips($('#details-groups'), details.groups.map(group => group.name));
}

function chips(container, names) {
  container.replaceChildren(...names.map(name => {
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.textContent = name;
    return chip;
  }));
  if (!names.length) {
    container.textContent = 'none';
  }
}

function fieldRow(customer, key) {
  const tr = document.createElement('tr');
  tr.dataset.field = key;
  const th = document.createElement('th');
  th.textContent = FIELD_LABELS[key] || label(key);
  const td = document.createElement('td');
  const value = document.createElement('span');
  value.className = 'value';
  value.tabIndex = 0;
  value.textContent = fieldText(customer, key);
  value.addEventListener('click', () => editField(tr, key));
  value.addEventListener('keydown', event => event.key === 'Enter' && editField(tr, key));
  const error = document.createElement('span');
  error.className = 'field-error error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  td.append(value, error);
  tr.append(th, td);
  return tr;
}

function editField(tr, key) {
  if ($('.field-input', tr)) {
    return;
  }
  const value = $('.value', tr);
  const input = document.createElement('input');
  input.className = 'field-input';
  input.value = value.textContent;
  const save = document.createElement('button');
  save.type = 'button';
  save.className = 'field-save';
  save.textContent = 'Save';
  const cancel = () => {
    input.remove();
    save.remove();
    value.hidden = false;
    show($('.field-error', tr), '');
  };
  save.addEventListener('click', () => saveField(tr, key, input.value));
  input.addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      saveField(tr, key, input.value);
    } else if (event.key === 'Escape') {
      cancel();
    }
  });
  value.hidden = true;
  value.after(input, save);
  input.focus();
}

async function saveField(tr, key, text) {
  const customer = state.details.customer;
  try {
    const details = await api('PATCH', '/api/customers/' + customer.id,
      { version: customer.version, field: key, value: text });
    renderDetails(details);
    await Promise.all([loadTimeline(), loadList(false, true)]);
  } catch (error) {
    show($('.field-error', tr), describe(error));
  }
}

async function loadEventTypes() {
  const types = await api('GET', '/api/event-types');
  $('#timeline-type').replaceChildren(new Option('All types', ''), ...types.map(type =>
    new Option(type.type + (type.automatic ? ' (automatic)' : ''), type.type)));
}

function describeProperties(properties) {
  return Object.entries(properties).map(([key, value]) =>
    key + ': ' + (value !== null && typeof value === 'object' ? JSON.stringify(value) : value)).join(', ');
}

async function loadTimeline() {
  if (!state.details) {
    return;
  }
  const type = $('#timeline-type').value;
  const params = new URLSearchParams({ size: '50' });
  if (type) {
    params.append('type', type);
  }
  try {
    const page = await api('GET', '/api/customers/' + state.details.customer.id + '/timeline?' + params);
    show($('#timeline-error'), '');
    $('#timeline').replaceChildren(...page.events.map(event => {
      const li = document.createElement('li');
      li.dataset.type = event.type;
      const name = document.createElement('span');
      name.className = 'event-type';
      name.textContent = event.type;
      const properties = describeProperties(event.properties);
      li.append(cell(event.occurredAt) + ' ', name, ' by ' + event.recordedBy
        + (event.source ? ' via ' + event.source : '') + (properties ? ' (' + properties + ')' : ''));
      return li;
    }));
    if (!page.events.length) {
      const li = document.createElement('li');
      li.textContent = 'No events' + (type ? ' of this type.' : '.');
      $('#timeline').appendChild(li);
    }
    $('#timeline').dataset.type = type;
  } catch (error) {
    show($('#timeline-error'), describe(error));
  }
}

function listOrNone(container, items, render) {
  container.replaceChildren(...items.map(item => {
    const li = document.createElement('li');
    li.textContent = render(item);
    return li;
  }));
  if (!items.length) {
    const li = document.createElement('li');
    li.textContent = 'none';
    container.appendChild(li);
  }
}

async function loadActivity(id) {
  const base = '/api/customers/' + id;
  const [tasks, orders, links, metrics] = await Promise.all([api('GET', base + '/tasks'),
    api('GET', base + '/orders'), api('GET', base + '/links'), api('GET', base + '/metrics')]);
  listOrNone($('#details-tasks'), tasks.items, task => task.title + ' - ' + task.status.toLowerCase().replace('_', ' ')
    + (task.dueAt ? ', due ' + cell(task.dueAt) : '') + (task.assignee ? ', for ' + task.assignee : ''));
  listOrNone($('#details-orders'), orders.items, order => order.number + ' - ' + order.status.toLowerCase() + ', '
    + Number(order.amount).toLocaleString('en') + ' ' + order.currency + ', ' + cell(order.orderedAt)
    + (order.lines.length ? ' (' + order.lines.map(line => Number(line.quantity) + ' x ' + line.name).join(', ')
      + ')' : ''));
  listOrNone($('#details-links'), links, link => (link.label || link.externalId) + ' (' + link.type + ' '
    + link.externalId + ')');
  const shown = [['Last activity', cell(metrics.lastActivityAt) || 'none'],
    ['Events in 30 days', metrics.activityLast30Days], ['Orders', metrics.orderCount],
    ['Total spent', Number(metrics.totalSpent).toLocaleString('en')],
    ['Value rating', metrics.valueRating ? metrics.valueRating + ' of 5' : 'not rated yet']];
  $('#details-metrics').replaceChildren(...shown.flatMap(([name, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    return [dt, dd];
  }));
}

// ------------------------------------------------------------------ bulk actions

function selectShown(checked) {
  for (const box of document.querySelectorAll('#customers .row-select')) {
    box.checked = checked;
    if (checked) {
      state.selected.add(box.value);
    } else {
      state.selected.delete(box.value);
    }
  }
  updateBulkBar();
}

function updateBulkBar() {
  const matching = $('#bulk-matching').checked;
  $('#bulk-bar').hidden = state.selected.size === 0 && !matching;
  $('#bulk-count').textContent = !matching ? state.selected.size + ' selected'
    : state.total === 1 ? 'The 1 matching customer' : 'All ' + state.total + ' matching customers';
  $('#bulk-matching-label').textContent = state.total === 1 ? 'the 1 customer matching the filter'
    : 'all ' + (state.total === null ? '' : state.total + ' ') + 'customers matching the filter';
}

// The customers of a bulk operation: those ticked, or every customer matching the list's filter and keyword.
function selection() {
  if ($('#bulk-matching').checked) {
    return { matching: true, filter: state.filter, keyword: state.keyword };
  }
  return { ids: Array.from(state.selected) };
}

const OPERATION_NAMES = {
  add_tags: 'Tag added', remove_tags: 'Tag removed', identify_as_valid: 'Identified as valid',
  recycle_to_pool: 'Recycled to pool', assign: 'Assigned', delete: 'Deleted'
};

async function runBulk(body) {
  const status = $('#bulk-result');
  try {
    const job = await api('POST', '/api/bulk', Object.assign({ selection: selection() }, body));
    await followJob(job);
  } catch (error) {
    status.textContent = 'Refused: ' + describe(error);
  }
}

async function followJob(job) {
  const status = $('#bulk-result');
  const progress = $('#bulk-progress');
  progress.hidden = false;
  status.textContent = 'Working...';
  while (job.state === 'QUEUED' || job.state === 'RUNNING') {
    progress.value = Number(job.total) > 0 ? Math.round(100 * Number(job.done) / Number(job.total)) : 0;
    await new Promise(resolve => setTimeout(resolve, 200));
    job = await api('GET', '/api/bulk/' + job.id);
  }
  progress.value = 100;
  const result = job.result;
  let message;
  if (job.state === 'DONE' && result) {
    const issues = result.issues.slice(0, 3).map(issue => issue.message);
    message = (OPERATION_NAMES[result.operation] || result.operation) + ': ' + result.changed
      + ' changed, ' + result.unchanged + ' unchanged, ' + result.skipped + ' skipped, ' + result.failed + ' failed.'
      + (issues.length ? ' ' + issues.join('; ') : '');
  } else {
    message = 'Bulk ' + job.state.toLowerCase() + ': ' + (job.error || 'no reason given');
  }
  // The result is shown once the list, the panel and the trash show what the job did.
  await loadList(false, true);
  if (state.details) {
    await openDetails(state.details.customer.id, true);
  }
  if (!$('#trash-panel').hidden) {
    await loadTrash();
  }
  status.textContent = message;
}

function bulkTags(operation) {
  const tag = $('#bulk-tag').value.trim();
  return runBulk({ operation, tags: tag ? [tag] : [] });
}

async function startDelete() {
  const chosen = selection();
  let preview;
  try {
    preview = await api('POST', '/api/bulk/delete-preview', chosen);
  } catch (error) {
    $('#bulk-result').textContent = 'Refused: ' + describe(error);
    return;
  }
  state.pendingDelete = { selection: chosen, token: preview.token };
  $('#delete-title').textContent = 'Delete ' + preview.count + (Number(preview.count) === 1 ? ' customer?'
    : ' customers?');
  $('#delete-statement').textContent = preview.statement;
  $('#delete-agree').checked = false;
  $('#delete-reason').value = '';
  show($('#delete-error'), '');
  $('#delete-dialog').showModal();
}

async function confirmDelete() {
  const pending = state.pendingDelete;
  let job;
  try {
    job = await api('POST', '/api/bulk', { selection: pending.selection, operation: 'delete', token: pending.token,
      agreed: $('#delete-agree').checked, reason: $('#delete-reason').value });
  } catch (error) {
    show($('#delete-error'), describe(error));
    return;
  }
  $('#delete-dialog').close();
  state.pendingDelete = null;
  if (state.details && pending.selection.ids && pending.selection.ids.includes(state.details.customer.id)) {
    closeDetails();
  }
  await followJob(job);
}

// ------------------------------------------------------------------ trash

async function loadTrash() {
  const trash = await api('GET', '/api/trash?limit=50');
  $('#trash-count').textContent = trash.count + (Number(trash.count) === 1 ? ' customer' : ' customers')
    + ' in the trash';
  $('#trash tbody').replaceChildren(...trash.customers.map(trashed => {
    const tr = document.createElement('tr');
    tr.dataset.id = trashed.id;
    for (const text of [trashed.name, trashed.phones.concat(trashed.emails).join(', '), cell(trashed.deletedAt),
      trashed.deletedBy, trashed.reason]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    }
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.className = 'restore';
    restore.textContent = 'Restore';
    restore.addEventListener('click', () => restoreCustomer(trashed));
    const td = document.createElement('td');
    td.appendChild(restore);
    tr.appendChild(td);
    return tr;
  }));
  if (!trash.customers.length) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 6;
    td.textContent = 'The trash is empty.';
    tr.appendChild(td);
    $('#trash tbody').appendChild(tr);
  }
}

async function restoreCustomer(trashed) {
  let message;
  try {
    const result = await api('POST', '/api/trash/restore', { ids: [trashed.id] });
    message = result.restored.length ? 'Restored ' + trashed.name + '.'
      : 'Not restored: ' + result.refused.map(issue => issue.message).join('; ');
  } catch (error) {
    message = 'Restore refused: ' + describe(error);
  }
  await Promise.all([loadTrash(), loadList(false, true)]);
  $('#trash-status').textContent = message;
}

async function toggleTrash() {
  const panel = $('#trash-panel');
  panel.hidden = !panel.hidden;
  if (!panel.hidden) {
    await loadTrash();
  }
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
  $('#details-close').addEventListener('click', closeDetails);
  $('#timeline-type').addEventListener('change', loadTimeline);
  $('#bulk-matching').addEventListener('change', updateBulkBar);
  $('#bulk-add-tag').addEventListener('click', () => bulkTags('add_tags'));
  $('#bulk-remove-tag').addEventListener('click', () => bulkTags('remove_tags'));
  $('#bulk-apply-status').addEventListener('click', () => runBulk({ operation: $('#bulk-status').value }));
  $('#bulk-assign').addEventListener('click', () => runBulk({ operation: 'assign', ownerId: $('#bulk-owner').value }));
  $('#bulk-delete').addEventListener('click', startDelete);
  $('#delete-confirm').addEventListener('click', confirmDelete);
  $('#delete-cancel').addEventListener('click', () => $('#delete-dialog').close());
  $('#toggle-trash').addEventListener('click', toggleTrash);
  await loadAccount();
  state.fields = await api('GET', '/api/fields');
  state.byKey = new Map(state.fields.map(field => [field.key, field]));
  resetFilter();
  await loadList(false);
  await Promise.all([loadColumns(), loadDuplicates(), loadEventTypes()]);
  document.body.dataset.ready = 'true';
}

start();

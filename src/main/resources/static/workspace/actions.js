// The workspace's forms that change the graph (triage an alert; merge or split entities) send a GraphQL mutation to
// ipgraph's /graphql as JSON, in the signed-in user's name, and say on the page what the server answered. The server
// checks the role and the rules; the page only asks and shows. A form carries its mutation in data-mutation; its
// fields are the variables (empty ones are null; fields marked data-list gather into a list under their name, in the
// order of the page, and data-int ones are numbers). An edit version that changed since the page was read comes back
// as a CONFLICT, shown with what to do; on success the page shows data-done, and reloads when data-reload is set.
(function () {
  'use strict';
  function variables(form) {
    const vars = {};
    for (const field of form.elements) {
      if (!field.name || field.type === 'submit') continue;
      let value = field.value.trim();
      value = value === '' ? null : field.dataset.int !== undefined ? Number(value) : value;
      if (field.dataset.list !== undefined) (vars[field.name] = vars[field.name] || []).push(value);
      else vars[field.name] = value;
    }
    return vars;
  }

  function say(form, text, error) {
    let out = form.querySelector('.answer');
    if (!out) { out = document.createElement('p'); form.append(out); }
    out.className = 'answer' + (error ? ' error' : ' done');
    out.textContent = text;
    out.setAttribute('role', error ? 'alert' : 'status');
  }

  async function send(form) {
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    try {
      const r = await fetch('/graphql', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query: form.dataset.mutation, variables: variables(form) }) });
      const body = await r.json().catch(() => ({}));
      const error = (body.errors || [])[0];
      if (error) {
        const x = error.extensions || {};
        if (x.classification === 'CONFLICT') {
          say(form, 'Someone changed ' + x.entityId + ' first (it is now at version ' + x.currentVersion + '). Reload the page to see what changed, then decide again.', true);
        } else if (x.classification === 'FORBIDDEN' || r.status === 403) {
          say(form, 'Your role may not do this: ' + error.message, true);
        } else {
          say(form, error.message, true);
        }
        return;
      }
      if (!r.ok) { say(form, 'The server answered ' + r.status, true); return; }
      const answer = body.data && Object.values(body.data)[0];
      say(form, (form.dataset.done || 'Done') + (answer && answer.state ? ': ' + answer.state + (answer.stateBy ? ' by ' + answer.stateBy : '') : ''), false);
      if (answer && answer.state) {
        const cell = form.closest('tr') && form.closest('tr').querySelector('.state');
        if (cell) cell.textContent = answer.state.toLowerCase();
      }
      if (form.dataset.reload !== undefined) location.reload();
    } catch (x) {
      say(form, 'Not sent: ' + (x.message || x), true);
    } finally {
      if (button) button.disabled = false;
    }
  }

  document.querySelectorAll('form[data-mutation]').forEach((form) => form.addEventListener('submit', (ev) => { ev.preventDefault(); send(form); }));
}());

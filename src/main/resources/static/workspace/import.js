// The workspace's import page: sends the chosen file to POST /api/import (the API the command line's formats share),
// shows how much of it the server has read (it imports while the file arrives, a batch at a time), then the summary:
// lines, per kind what was created, updated, left unchanged or refused, and each refused line with its reason.
(function () {
  'use strict';
  const form = document.getElementById('upload');
  const progress = document.getElementById('progress');
  const bar = progress.querySelector('progress');
  const said = progress.querySelector('.said');
  const summary = document.getElementById('summary');
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
  const mb = (n) => (n < 1048576 ? Math.max(1, Math.round(n / 1024)) + ' KB' : (n / 1048576).toFixed(1) + ' MB');

  function table(kinds) {
    const t = el('table', undefined, 'kinds');
    const head = el('tr');
    ['kind', 'created', 'updated', 'unchanged', 'refused'].forEach((h) => head.append(el('th', h)));
    t.append(head);
    kinds.forEach((k) => {
      const row = el('tr');
      [k.kind, k.created, k.updated, k.unchanged, k.rejected].forEach((v) => row.append(el('td', String(v))));
      t.append(row);
    });
    return t;
  }

  function show(answer, status) {
    summary.replaceChildren();
    if (answer.error) {
      summary.append(el('p', (status === 413 ? 'Stopped at a limit: ' : 'Refused: ') + answer.error, 'error'));
      if (answer.importedBeforeTheLimit) show(Object.assign({}, answer.importedBeforeTheLimit, { partial: true }), 200);
      return;
    }
    summary.append(el('h3', (answer.dryRun ? 'Checked (dry run, nothing written): ' : 'Imported: ') + answer.name + (answer.partial ? ' (before the limit)' : '')));
    summary.append(el('p', answer.lines + ' lines in ' + Number(answer.seconds).toFixed(1) + ' s: ' + answer.created + ' created, ' + answer.updated + ' updated, '
      + answer.unchanged + ' unchanged, ' + answer.rejected + ' refused.', answer.rejected ? 'error' : 'done'));
    if (answer.kinds && answer.kinds.length) summary.append(table(answer.kinds));
    (answer.errors || []).forEach((e) => summary.append(el('p', e, 'error')));
    if (answer.rejections && answer.rejections.length) {
      summary.append(el('h3', 'Refused lines'));
      const ol = el('ol', undefined, 'refused');
      answer.rejections.forEach((r) => ol.append(el('li', 'line ' + r.line + (r.kind ? ' (' + r.kind + ')' : '') + ': ' + r.reason)));
      summary.append(ol);
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) return;
    const format = form.elements.format.value;
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ name: file.name, format, dryRun: String(form.elements.dryRun.checked) });
    xhr.open('POST', '/api/import?' + query);
    xhr.setRequestHeader('Content-Type', format === 'registry' ? 'application/xml' : 'application/x-ndjson');
    if (/\.gz$/i.test(file.name)) xhr.setRequestHeader('Content-Encoding', 'gzip');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      bar.value = Math.round(100 * e.loaded / e.total);
      said.textContent = mb(e.loaded) + ' of ' + mb(e.total) + ' read' + (e.loaded >= e.total ? '; writing the last batches…' : '');
    };
    xhr.onload = () => {
      bar.value = 100;
      said.textContent = 'Done: ' + mb(file.size);
      form.querySelector('button').disabled = false;
      show(xhr.response || { error: 'the server answered ' + xhr.status }, xhr.status);
    };
    xhr.onerror = () => { form.querySelector('button').disabled = false; said.textContent = 'The upload failed: the connection was closed.'; };
    progress.hidden = false;
    bar.value = 0;
    said.textContent = 'Sending ' + file.name + '…';
    summary.replaceChildren();
    form.querySelector('button').disabled = true;
    xhr.send(file);
  });
}());

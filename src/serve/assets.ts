/**
 * The desk's only script: live progress of a scan started from the browser (server-sent events), in
 * a file served by the desk itself (the CSP allows scripts from 'self' only, never inline). It writes
 * text with textContent only. Without it the page still works: it refreshes on reload.
 */
export const DESK_JS = `'use strict';
(function () {
  var box = document.querySelector('[data-job]');
  if (!box || !window.EventSource) return;
  var id = box.getAttribute('data-job');
  var labels = { queued: 'รอคิว', running: 'กำลังสแกน', finished: 'เสร็จแล้ว', failed: 'ล้มเหลว', cancelled: 'ยกเลิกแล้ว', enqueued: 'ส่งเข้าคิวงานแล้ว' };
  var es = new EventSource('/scan-jobs/' + encodeURIComponent(id) + '/events');
  function set(name, value) {
    var el = box.querySelector('[data-field="' + name + '"]');
    if (el) el.textContent = value;
  }
  es.addEventListener('job', function (ev) {
    var j = JSON.parse(ev.data);
    box.setAttribute('data-state', j.state);
    set('state', labels[j.state] || j.state);
    set('pages', String(j.pages));
    set('documents', String(j.documents));
    set('queued', String(j.queued));
    set('errors', String(j.errors));
    set('rate', Number(j.pagesPerSecond || 0).toFixed(1));
    set('judged', j.items > 0 ? j.judged + '/' + j.items + ' รายการ' : '–');
    if (j.message) set('message', j.message);
    var done = j.state !== 'queued' && j.state !== 'running';
    if (done) {
      es.close();
      var cancel = box.querySelector('form.cancel');
      if (cancel) cancel.hidden = true;
      if (j.state === 'finished' && j.scanId) {
        var a = box.querySelector('a.result');
        if (a) { a.href = '/scans/' + encodeURIComponent(j.scanId); a.hidden = false; }
        set('oit', j.oit === null || j.oit === undefined ? '–' : Number(j.oit).toFixed(2));
      }
    }
  });
})();
`;

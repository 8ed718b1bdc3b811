// care console: live regions refreshed by polling their fragment, the reply length counter, template insertion.
// No dependencies; the pages work without it (reload by hand, the server checks every length).
(function () {
  'use strict';
  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function expired() {
    var note = document.getElementById('session-expired');
    if (note) { note.hidden = false; }
  }

  function refresh(region) {
    // never pull the page from under someone typing or tabbing through the region
    if (region.contains(document.activeElement) && document.activeElement !== document.body) { return; }
    fetch(region.getAttribute('data-live'), { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } })
      .then(function (response) {
        if (response.redirected && response.url.indexOf('/login') >= 0) { expired(); return null; }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById(region.id);
        if (fresh && fresh.innerHTML !== region.innerHTML) { region.innerHTML = fresh.innerHTML; }
      })
      .catch(function () { /* the next poll tries again */ });
  }

  function counter(textarea) {
    var out = document.getElementById(textarea.getAttribute('aria-describedby'));
    var kind = document.getElementById('reply-kind');
    var timer = null;
    function count() {
      var body = new URLSearchParams();
      body.set('text', textarea.value);
      body.set('kind', kind ? kind.value : 'PUBLIC_REPLY');
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      if (csrfToken && csrfHeader) { headers[csrfHeader.content] = csrfToken.content; }
      fetch(textarea.getAttribute('data-length-url'), { method: 'POST', credentials: 'same-origin', headers: headers, body: body })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (n) {
          if (!n) { return; }
          out.textContent = n.length + ' / ' + n.max + (n.fits ? '' : ' (too long for this platform)');
          out.classList.toggle('over', !n.fits);
        })
        .catch(function () {});
    }
    function later() { clearTimeout(timer); timer = setTimeout(count, 250); }
    textarea.addEventListener('input', later);
    if (kind) { kind.addEventListener('change', later); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-live]').forEach(function (region) {
      setInterval(function () { refresh(region); }, 3000);
    });
    document.querySelectorAll('textarea[data-length-url]').forEach(counter);
    var insert = document.getElementById('insert-template');
    if (insert) {
      insert.addEventListener('click', function () {
        var choice = document.getElementById('template-choice');
        var option = choice.options[choice.selectedIndex];
        var text = document.getElementById('reply-text');
        if (option && option.getAttribute('data-preview')) {
          text.value = option.getAttribute('data-preview');
          text.dispatchEvent(new Event('input'));
          text.focus();
        }
      });
    }
  });
})();

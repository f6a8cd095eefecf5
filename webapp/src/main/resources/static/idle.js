// Idle timeout warning. The server ends the session after data-idle-seconds without a request
// (per role and company, set by the admin); this only warns a minute before and offers to stay.
(function () {
  'use strict';
  var seconds = parseInt(document.body.getAttribute('data-idle-seconds'), 10);
  var box = document.getElementById('idle-warning');
  if (!(seconds > 0) || !box) {
    return;
  }
  var countdown = document.getElementById('idle-countdown');
  var stay = document.getElementById('idle-stay');
  var warnBefore = Math.min(60, Math.floor(seconds / 4));
  var deadline, warnTimer, endTimer, tick;

  function update() {
    countdown.textContent = String(Math.max(0, Math.round((deadline - Date.now()) / 1000)));
  }

  function warn() {
    box.hidden = false;
    update();
    tick = setInterval(update, 1000);
  }

  function schedule() {
    deadline = Date.now() + seconds * 1000;
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    clearInterval(tick);
    box.hidden = true;
    warnTimer = setTimeout(warn, (seconds - warnBefore) * 1000);
    endTimer = setTimeout(function () {
      window.location.assign('/login?timeout');
    }, seconds * 1000 + 1000);
  }

  stay.addEventListener('click', function () {
    fetch('/account/keepalive', {credentials: 'same-origin', cache: 'no-store'}).then(function (response) {
      if (response.ok) {
        schedule();
      } else {
        window.location.assign('/login?timeout');
      }
    });
  });
  schedule();
})();

// Directive920Bot sandbox: a small chat client over the emulator's user API (proxied at /sandbox/emulator/).
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('config').textContent);
  var L = JSON.parse(document.getElementById('labels').textContent);
  // A cadre played on Zalo talks to the emulator's Zalo dialect (plain text, numbered typed replies, no buttons).
  var zalo = config.channel === 'zalo';
  var api = zalo ? '/sandbox/zalo/chats/' + config.user : '/sandbox/emulator/chats/' + config.user;
  var box = document.getElementById('messages');
  var messages = {};      // messageId -> last seen message
  var voted = {};         // pollId -> option index chosen here
  var version = 0;

  // Telegram's HTML subset; anything else is shown as literal text.
  var allowed = { B: 'b', STRONG: 'b', I: 'i', EM: 'i', U: 'u', INS: 'u', S: 's', STRIKE: 's', DEL: 's',
    CODE: 'code', PRE: 'pre', BLOCKQUOTE: 'blockquote', A: 'a', 'TG-SPOILER': 'span', SPAN: 'span', 'TG-EMOJI': 'span' };

  function copyNodes(source, target) {
    source.childNodes.forEach(function (node) {
      if (node.nodeType === 3) {
        target.appendChild(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === 1) {
        var tag = allowed[node.tagName];
        if (!tag) {
          target.appendChild(document.createTextNode(node.outerHTML));
          return;
        }
        var element = document.createElement(tag);
        if (tag === 'a') {
          var href = node.getAttribute('href') || '';
          if (/^(https?:|tg:)/i.test(href)) { element.href = href; element.target = '_blank'; element.rel = 'noopener noreferrer'; }
        } else if (node.tagName === 'TG-SPOILER' || (node.tagName === 'SPAN' && node.getAttribute('class') === 'tg-spoiler')) {
          element.className = 'spoiler';
          element.addEventListener('click', function () { element.classList.add('shown'); });
        } else if (tag === 'blockquote' && node.hasAttribute('expandable')) {
          element.className = 'expandable';
        }
        copyNodes(node, element);
        target.appendChild(element);
      }
    });
  }

  function renderHtml(html, target) {
    var template = document.createElement('template');
    template.innerHTML = html; // inert: nothing in a template runs or loads
    copyNodes(template.content, target);
  }

  function time(date) {
    try {
      return new Date(date).toLocaleTimeString(config.lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
    } catch (e) { return ''; }
  }

  function post(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) { throw new Error(j.error || r.statusText); } return j; }); });
  }

  var toastTimer = null;
  function toast(text, alert) {
    var t = document.getElementById('toast');
    t.textContent = text;
    t.className = alert ? 'toast alert' : 'toast';
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { t.hidden = true; }, alert ? 6000 : 3000);
  }

  function renderPoll(m, element) {
    var p = m.poll;
    var wrap = document.createElement('div');
    wrap.className = 'poll';
    var kind = document.createElement('div');
    kind.className = 'poll-kind';
    kind.textContent = (p.type === 'quiz' ? L.quiz : L.poll) + (p.isClosed ? ' · ' + L.closed : '');
    wrap.appendChild(kind);
    var q = document.createElement('div');
    q.className = 'poll-question';
    q.textContent = p.question;
    wrap.appendChild(q);
    var mine = voted[p.id];
    var answered = mine !== undefined || p.isClosed;
    p.options.forEach(function (text, i) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'poll-option';
      b.dataset.option = String(i);
      var label = text;
      if (answered) {
        var count = (p.voterCounts && p.voterCounts[i]) || 0;
        label += '  —  ' + count;
        if (mine === i) { b.classList.add('chosen'); }
        if (p.type === 'quiz' && p.correctOptionId === i) { b.classList.add('correct'); }
        else if (p.type === 'quiz' && mine === i) { b.classList.add('wrong'); }
        b.disabled = true;
      } else {
        b.addEventListener('click', function () {
          voted[p.id] = i;
          post(api + '/poll-answer', { pollId: p.id, optionIds: [i] }).catch(function (e) { delete voted[p.id]; toast(e.message, true); });
          renderMessage(messages[m.messageId]);
        });
      }
      b.textContent = label;
      wrap.appendChild(b);
    });
    if (answered) {
      var total = document.createElement('div');
      total.className = 'poll-total';
      total.textContent = (p.totalVoterCount || 0) + ' ' + L.votes;
      wrap.appendChild(total);
      if (p.type === 'quiz' && p.explanation) {
        var ex = document.createElement('div');
        ex.className = 'poll-explanation';
        ex.textContent = p.explanation;
        wrap.appendChild(ex);
      }
    }
    element.appendChild(wrap);
  }

  function renderButtons(m, element) {
    if (!m.buttons || m.buttons.length === 0) { return; }
    var keyboard = document.createElement('div');
    keyboard.className = 'keyboard';
    m.buttons.forEach(function (row) {
      var r = document.createElement('div');
      r.className = 'kb-row';
      row.forEach(function (button) {
        var b;
        if (button.url) {
          b = document.createElement('a');
          b.href = button.url; b.target = '_blank'; b.rel = 'noopener noreferrer';
        } else {
          b = document.createElement('button');
          b.type = 'button';
          b.addEventListener('click', function () {
            b.disabled = true;
            b.classList.add('pressed');
            post(api + '/press', { messageId: m.messageId, callbackData: button.callbackData })
              .then(function (answer) { if (answer.text) { toast(answer.text, answer.showAlert); } })
              .catch(function (e) { toast(e.message, true); })
              .then(function () { b.disabled = false; b.classList.remove('pressed'); poll(); });
          });
        }
        b.className = 'kb-button';
        b.textContent = button.text;
        r.appendChild(b);
      });
      keyboard.appendChild(r);
    });
    element.appendChild(keyboard);
  }

  function renderMessage(m) {
    var element = document.getElementById('m-' + m.messageId);
    var fresh = !element;
    if (fresh) {
      element = document.createElement('div');
      element.id = 'm-' + m.messageId;
    }
    element.className = 'msg ' + (m.fromBot ? 'bot' : 'me') + (m.deleted ? ' deleted' : '');
    element.dataset.messageId = String(m.messageId);
    element.dataset.editCount = String(m.editCount || 0);
    element.textContent = '';
    if (m.deleted) {
      element.textContent = L.deleted;
    } else {
      var body = document.createElement('div');
      body.className = 'body';
      if (m.poll) {
        renderPoll(m, body);
      } else if (m.fromBot && m.parseMode && m.parseMode.toUpperCase() === 'HTML' && m.html) {
        renderHtml(m.html, body);
      } else {
        body.textContent = m.text || '';
      }
      if (m.document) {
        var doc = document.createElement('a');
        doc.className = 'file';
        doc.href = '/sandbox/emulator/files/' + encodeURIComponent(m.document.fileId);
        doc.textContent = '📄 ' + m.document.fileName;
        body.appendChild(doc);
      }
      if (m.photo) {
        var img = document.createElement('img');
        img.src = '/sandbox/emulator/files/' + encodeURIComponent(m.photo.fileId);
        img.alt = m.photo.fileName;
        body.appendChild(img);
      }
      element.appendChild(body);
      if (m.fromBot) { renderButtons(m, element); }
      var meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = (m.editCount > 0 ? L.edited + ' · ' : '') + time(m.date);
      element.appendChild(meta);
    }
    if (fresh) {
      // Keep message order by id.
      var next = null;
      Array.prototype.some.call(box.querySelectorAll('.msg'), function (other) {
        if (Number(other.dataset.messageId) > m.messageId) { next = other; return true; }
        return false;
      });
      box.insertBefore(element, next);
    }
  }

  var polling = false;
  function poll() {
    if (polling) { return Promise.resolve(); }
    polling = true;
    return fetch(api + '/messages?after=' + version)
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (!data.messages) { return; }
        var nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
        data.messages.forEach(function (m) { messages[m.messageId] = m; renderMessage(m); });
        version = Math.max(version, data.version || 0);
        document.getElementById('empty').hidden = box.querySelectorAll('.msg').length > 0;
        if (data.messages.length > 0) {
          if (nearBottom || version === data.version) { box.scrollTop = box.scrollHeight; }
          status(); // what the bot just did may change the panels
        }
      })
      .catch(function () { /* the next tick retries */ })
      .then(function () { polling = false; });
  }

  function setClock(text) {
    document.getElementById('clock').textContent = text;
    document.getElementById('clock-top').textContent = text;
  }

  function status() {
    return fetch('/sandbox/api/status?lang=' + config.lang + '&cadre=' + config.cadre + '&ch=' + config.channel)
      .then(function (r) { return r.json(); })
      .then(function (s) {
        setClock(s.clock);
        var panels = document.getElementById('panels');
        if (panels.dataset.html !== s.panels) { panels.innerHTML = s.panels; panels.dataset.html = s.panels; } // server-rendered, encoded
      })
      .catch(function () { });
  }

  function loop(fn, ms) { fn().then(function () { setTimeout(function () { loop(fn, ms); }, ms); }); }

  document.getElementById('composer').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = document.getElementById('text');
    var text = input.value.trim();
    if (!text) { return; }
    input.value = '';
    post(api + '/text', { text: text }).then(poll).catch(function (err) { toast(err.message, true); });
  });

  document.querySelectorAll('[data-clock]').forEach(function (b) {
    b.addEventListener('click', function () {
      b.disabled = true;
      post('/sandbox/api/clock/' + b.dataset.clock + '?lang=' + config.lang)
        .then(function (s) { setClock(s.clock); return status(); })
        .catch(function (err) { toast(err.message, true); })
        .then(function () { b.disabled = false; poll(); });
    });
  });

  function go(user, persona, channel) {
    location.search = '?lang=' + config.lang + '&user=' + user + '&as=' + persona + '&ch=' + (channel || config.channel);
  }

  document.getElementById('cadre-select').addEventListener('change', function (e) { go(e.target.value, 'cadre'); });
  document.querySelectorAll('#persona input[name=as]').forEach(function (r) {
    r.addEventListener('change', function () { go(config.cadre, r.value); });
  });
  document.querySelectorAll('#channel input[name=ch]').forEach(function (r) {
    r.addEventListener('change', function () { go(config.cadre, 'cadre', r.value); });
  });
  document.getElementById('create-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var name = document.getElementById('create-name').value;
    post('/sandbox/api/users', { name: name }).then(function (p) { go(p.id, 'cadre'); }).catch(function (err) { toast(err.message, true); });
  });

  loop(poll, 500);
  loop(status, 1500);
})();

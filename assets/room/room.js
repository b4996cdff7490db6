/* Trayecto workshop room: the participants' page.
 * Plain ES2017, no dependencies. Every visible word comes from the "words" JSON block the
 * server fills in; everything people typed (titles, names, notes) goes in with textContent. */
(function () {
  'use strict';

  var POLL_MS = 5000;
  var STREAM_RETRY_MS = 20000;
  var ZOOM_MAX = 6;
  var ZOOM_STEP = 1.5;
  var LANE_COLOURS = 6;
  var KEY_ID = 'trayecto-room-participant';
  var KEY_NAME = 'trayecto-room-name';

  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var $ = function (id) { return document.getElementById(id); };

  /* ---------- words ---------- */

  var WORDS = {};
  try {
    WORDS = JSON.parse($('words').textContent) || {};
  } catch (e) {
    WORDS = {};
  }

  // A message by key, with %name% markers replaced. Unknown keys show as themselves.
  function w(key, vars) {
    var text = has(WORDS, key) && typeof WORDS[key] === 'string' ? WORDS[key] : key;
    if (!vars) return text;
    return text.replace(/%([a-z_]+)%/g, function (all, name) {
      return has(vars, name) ? String(vars[name]) : all;
    });
  }

  function applyWords(root) {
    var i, el, list;
    list = root.querySelectorAll('[data-w]');
    for (i = 0; i < list.length; i++) list[i].textContent = w(list[i].getAttribute('data-w'));
    list = root.querySelectorAll('[data-w-label]');
    for (i = 0; i < list.length; i++) {
      el = list[i];
      el.setAttribute('aria-label', w(el.getAttribute('data-w-label')));
      if (el.tagName === 'BUTTON') el.title = w(el.getAttribute('data-w-label'));
    }
    list = root.querySelectorAll('[data-w-alt]');
    for (i = 0; i < list.length; i++) list[i].alt = w(list[i].getAttribute('data-w-alt'));
  }

  /* ---------- storage: localStorage, or memory when it is refused ---------- */

  var memory = {};
  function load(key) {
    try {
      var v = window.localStorage.getItem(key);
      if (v !== null) return v;
    } catch (e) { /* private mode, blocked storage */ }
    return has(memory, key) ? memory[key] : null;
  }
  function save(key, value) {
    memory[key] = value;
    try { window.localStorage.setItem(key, value); } catch (e) { /* memory only */ }
  }

  function newParticipant() {
    var bytes = new Uint8Array(10);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    }
    return 'p-' + Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? '0' : '') + b.toString(16);
    }).join('');
  }

  var participant = load(KEY_ID);
  if (!participant || !/^p-[0-9a-f]{20}$/.test(participant)) {
    participant = newParticipant();
    save(KEY_ID, participant);
  }

  /* ---------- elements ---------- */

  var el = {
    title: $('map-title'), journeyLine: $('journey-line'), journey: $('journey-name'),
    conn: $('conn'), connText: $('conn-text'),
    dotsRow: $('dots-row'), dotsDrawn: $('dots-drawn'), dotsText: $('dots-text'),
    loading: $('loading'), loadingText: $('loading-text'), room: $('room'), closed: $('closed'),
    name: $('name'),
    frame: $('map-frame'), img: $('map-img'), mapError: $('map-error'), mapOpen: $('map-open'),
    zoomIn: $('zoom-in'), zoomOut: $('zoom-out'), zoomFit: $('zoom-fit'),
    bannerClosed: $('banner-closed'), bannerEmpty: $('banner-empty'), bannerRevealed: $('banner-revealed'),
    voteHint: $('vote-hint'), stages: $('stages'), noCards: $('no-cards'),
    form: $('note-form'), stage: $('note-stage'), lane: $('note-lane'), text: $('note-text'),
    count: $('note-count'), send: $('note-send'), noteStatus: $('note-status'),
    toastOk: $('toast-ok'), toastErr: $('toast-err'), toastErrText: $('toast-err-text'), toastClose: $('toast-close')
  };

  applyWords(document);
  document.title = w('room-page-title');
  el.title.textContent = w('room-page-title');

  /* ---------- small helpers ---------- */

  function make(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  function setOff(button, off) {
    if (off) button.setAttribute('aria-disabled', 'true');
    else button.removeAttribute('aria-disabled');
  }

  function isOff(button) {
    return button.getAttribute('aria-disabled') === 'true';
  }

  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

  function num(v, fallback) {
    return typeof v === 'number' && isFinite(v) ? v : fallback;
  }

  /* ---------- messages ---------- */

  var okTimer = null;
  function say(text) {
    clearTimeout(okTimer);
    el.toastOk.textContent = text;
    el.toastOk.classList.remove('off');
    okTimer = setTimeout(function () {
      el.toastOk.classList.add('off');
      el.toastOk.textContent = '';
    }, 3200);
  }

  function showError(text) {
    el.toastOk.classList.add('off');
    el.toastOk.textContent = '';
    el.toastErrText.textContent = text;
    el.toastErr.classList.remove('off');
    el.toastClose.hidden = false;
  }

  function clearError() {
    if (el.toastErr.classList.contains('off')) return;
    el.toastErr.classList.add('off');
    el.toastErrText.textContent = '';
    el.toastClose.hidden = true;
  }

  el.toastClose.addEventListener('click', clearError);

  /* ---------- HTTP ---------- */

  var REQUEST_TIMEOUT_MS = 8000;

  // Resolves to {ok, status, data}; rejects only when the network fails.
  function request(method, url, body) {
    var options = { method: method, cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    // A request the network swallowed gives up after a while, so nothing waits for ever.
    var controller = window.AbortController ? new AbortController() : null;
    var timer = null;
    if (controller) {
      options.signal = controller.signal;
      timer = setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS);
    }
    return fetch(url, options).then(function (res) {
      clearTimeout(timer);
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { ok: res.ok, status: res.status, data: data };
      });
    });
  }

  function errorMessage(r) {
    if (r.data && typeof r.data.message === 'string' && r.data.message.trim()) return r.data.message;
    return w('room-page-error-unknown', { status: r.status });
  }

  function errorKey(r) {
    return r.data && typeof r.data.error === 'string' ? r.data.error : '';
  }

  // Errors that mean our picture of the room is stale.
  var STALE = ['voting_closed', 'no_dots_left', 'no_vote', 'unknown_card', 'not_votable', 'unknown_stage', 'unknown_lane'];

  // True when the answer means the room is gone (then the page says so and stops).
  function roomGone(r) {
    if (r.status === 404 || errorKey(r) === 'room_closed') {
      closeRoom();
      return true;
    }
    return false;
  }

  function displayName() {
    return el.name.value.replace(/\s+/g, ' ').trim();
  }

  function withName(body) {
    var name = displayName();
    if (name) body.name = name;
    return body;
  }

  /* ---------- state ---------- */

  var state = null;
  var mapRevision = null;
  var roomClosed = false;
  var fetching = false;
  var fetchAgain = false;

  function refresh() {
    if (roomClosed) return;
    if (fetching) {
      fetchAgain = true;
      return;
    }
    fetching = true;
    request('GET', 'state?participant=' + encodeURIComponent(participant)).then(function (r) {
      if (roomClosed) return;
      if (roomGone(r)) {
        return;
      } else if (r.data && typeof r.data.lang === 'string' && r.data.lang !== document.documentElement.lang) {
        // The facilitator switched languages: the page comes again in the new one.
        location.reload();
      } else if (!r.ok || !r.data || typeof r.data !== 'object') {
        unreachable();
      } else {
        apply(r.data);
        if (streamLive) {
          setConnection('live');
          stopPolling();
        } else if (pollTimer) {
          setConnection('polling');
        }
      }
    }, unreachable).catch(function (e) {
      unreachable();
      if (window.console) console.error(e);
    }).then(function () {
      fetching = false;
      if (fetchAgain) {
        fetchAgain = false;
        refresh();
      }
    });
  }

  // The state could not be fetched: say so, and keep trying every few seconds.
  function unreachable() {
    setConnection('offline');
    startPolling();
    if (!state) setText(el.loadingText, w('room-page-error-network'));
  }

  function apply(s) {
    s.stages = Array.isArray(s.stages) ? s.stages : [];
    s.lanes = Array.isArray(s.lanes) ? s.lanes : [];
    s.cards = Array.isArray(s.cards) ? s.cards : [];
    s.dots = Math.max(0, num(s.dots, 0));
    s.dots_left = clamp(num(s.dots_left, 0), 0, s.dots);
    state = s;

    var title = typeof s.title === 'string' && s.title.trim() ? s.title : w('room-page-title');
    setText(el.title, title);
    document.title = title === w('room-page-title') ? title : title + ' · ' + w('room-page-title');
    var journey = typeof s.journey === 'string' ? s.journey : '';
    setText(el.journey, journey);
    el.journeyLine.hidden = !journey;

    if (s.map_revision !== mapRevision) {
      var first = mapRevision === null;
      mapRevision = s.map_revision;
      loadMap(!first);
    }

    renderDots();
    renderCards();
    renderNoteChoices();

    if (el.room.hidden) {
      el.loading.hidden = true;
      el.room.hidden = false;
      el.dotsRow.hidden = false;
      fitFrame();
    }
  }

  function closeRoom() {
    if (roomClosed) return;
    roomClosed = true;
    stopPolling();
    if (stream) {
      stream.close();
      stream = null;
    }
    clearTimeout(streamTimer);
    clearError();
    el.loading.hidden = true;
    el.room.hidden = true;
    el.dotsRow.hidden = true;
    el.conn.hidden = true;
    el.closed.hidden = false;
    document.title = w('room-page-closed');
    var heading = el.closed.querySelector('h2');
    heading.tabIndex = -1;
    heading.focus();
  }

  /* ---------- header: dots left ---------- */

  var drawnKey = '';
  function renderDots() {
    var total = state.dots;
    var left = state.dots_left;
    var key = left + '/' + total;
    if (key === drawnKey) return;
    drawnKey = key;
    el.dotsDrawn.textContent = '';
    var shown = Math.min(total, 24);
    for (var i = 0; i < shown; i++) el.dotsDrawn.appendChild(make('span', i < left ? 'dot' : 'dot used'));
    setText(el.dotsText, w(left === 1 ? 'room-page-dots-left-one' : 'room-page-dots-left', { left: left, total: total }));
    el.dotsRow.classList.toggle('is-empty', left === 0);
  }

  /* ---------- the picture ---------- */

  var zoom = 1;

  function loadMap(announce) {
    var src = 'map.svg?v=' + encodeURIComponent(String(mapRevision));
    el.mapOpen.href = src;
    el.img.onload = function () {
      el.mapError.hidden = true;
      el.img.hidden = false;
      keepBelowStill(fitFrame);
    };
    el.img.onerror = function () {
      if (roomClosed) return;
      el.mapError.hidden = false;
      el.img.hidden = true;
    };
    el.img.src = src;
    if (announce) say(w('room-page-map-updated'));
  }

  // The frame keeps its height until the picture has come; then, when the picture is partly
  // scrolled away, what is below it (the cards) stays where it was on the screen, so that a
  // finger about to tap a card does not land on another as the picture arrives.
  function keepBelowStill(change) {
    var head = $('top').getBoundingClientRect().bottom;
    var before = el.frame.getBoundingClientRect();
    change();
    var moved = el.frame.getBoundingClientRect().bottom - before.bottom;
    if (moved && before.top < head) window.scrollBy(0, moved);
  }

  // The frame is as tall as the picture, up to most of the screen.
  function fitFrame() {
    var h = el.img.offsetHeight;
    if (!h) return;
    var limit = Math.round(window.innerHeight * (window.innerWidth >= 960 ? 0.6 : 0.7));
    el.frame.style.height = Math.max(128, Math.min(h + 2, limit)) + 'px';
  }

  // Zoom to z (1 = the width of the frame) keeping the point (ax, ay) of the frame still.
  function setZoom(z, ax, ay) {
    z = clamp(z, 1, ZOOM_MAX);
    var f = el.frame;
    if (ax === undefined) {
      ax = f.clientWidth / 2;
      ay = f.clientHeight / 2;
    }
    var oldW = el.img.offsetWidth || 1;
    var oldH = el.img.offsetHeight || 1;
    var px = (f.scrollLeft + ax) / oldW;
    var py = (f.scrollTop + ay) / oldH;
    zoom = z;
    el.img.style.width = (z * 100).toFixed(2) + '%';
    fitFrame();
    f.scrollLeft = px * el.img.offsetWidth - ax;
    f.scrollTop = py * el.img.offsetHeight - ay;
    setOff(el.zoomOut, z <= 1.001);
    setOff(el.zoomFit, z <= 1.001);
    setOff(el.zoomIn, z >= ZOOM_MAX - 0.001);
  }

  el.zoomIn.addEventListener('click', function () { if (!isOff(el.zoomIn)) setZoom(zoom * ZOOM_STEP); });
  el.zoomOut.addEventListener('click', function () { if (!isOff(el.zoomOut)) setZoom(zoom / ZOOM_STEP); });
  el.zoomFit.addEventListener('click', function () { if (!isOff(el.zoomFit)) setZoom(1); });
  setZoom(1);

  el.frame.addEventListener('keydown', function (e) {
    if (e.key === '+' || e.key === '=') {
      setZoom(zoom * ZOOM_STEP);
      e.preventDefault();
    } else if (e.key === '-' || e.key === '_') {
      setZoom(zoom / ZOOM_STEP);
      e.preventDefault();
    } else if (e.key === '0') {
      setZoom(1);
      e.preventDefault();
    }
  });

  // Pinch with two fingers zooms the picture, not the page.
  var pinch = null;
  function touchGap(t) {
    return Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY) || 1;
  }
  el.frame.addEventListener('touchstart', function (e) {
    if (e.touches.length === 2) pinch = { gap: touchGap(e.touches), zoom: zoom };
  }, { passive: true });
  el.frame.addEventListener('touchmove', function (e) {
    if (!pinch || e.touches.length !== 2) return;
    e.preventDefault();
    var r = el.frame.getBoundingClientRect();
    var ax = (e.touches[0].clientX + e.touches[1].clientX) / 2 - r.left;
    var ay = (e.touches[0].clientY + e.touches[1].clientY) / 2 - r.top;
    setZoom(pinch.zoom * touchGap(e.touches) / pinch.gap, ax, ay);
  }, { passive: false });
  el.frame.addEventListener('touchend', function (e) {
    if (e.touches.length < 2) pinch = null;
  });

  // Ctrl + wheel (and a laptop's touchpad pinch) zooms too.
  el.frame.addEventListener('wheel', function (e) {
    if (!e.ctrlKey) return;
    e.preventDefault();
    var r = el.frame.getBoundingClientRect();
    setZoom(zoom * Math.exp(-e.deltaY / 300), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });

  // Drag with a mouse to move around.
  var drag = null;
  el.frame.addEventListener('pointerdown', function (e) {
    if (e.pointerType !== 'mouse' || e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, left: el.frame.scrollLeft, top: el.frame.scrollTop };
    el.frame.classList.add('dragging');
    e.preventDefault();
  });
  window.addEventListener('pointermove', function (e) {
    if (!drag) return;
    el.frame.scrollLeft = drag.left - (e.clientX - drag.x);
    el.frame.scrollTop = drag.top - (e.clientY - drag.y);
  });
  window.addEventListener('pointerup', function () {
    if (!drag) return;
    drag = null;
    el.frame.classList.remove('dragging');
  });

  window.addEventListener('resize', fitFrame);

  /* ---------- cards ---------- */

  var stageViews = new Map();
  var cardViews = new Map();
  var pending = new Set();

  function placeAt(parent, child, index) {
    if (parent.children[index] !== child) parent.insertBefore(child, parent.children[index] || null);
  }

  function stageView(key) {
    var v = stageViews.get(key);
    if (v) return v;
    var root = make('section', 'stage');
    var head = make('h3', 'stage-head');
    var number = make('span', 'stage-num');
    number.setAttribute('aria-hidden', 'true');
    var name = make('span', 'stage-name');
    head.appendChild(number);
    head.appendChild(name);
    var list = make('ul', 'cards');
    root.appendChild(head);
    root.appendChild(list);
    v = { root: root, number: number, name: name, list: list };
    stageViews.set(key, v);
    return v;
  }

  function cardView(id) {
    var v = cardViews.get(id);
    if (v) return v;
    var root = make('li', 'card');
    var vote = make('button', 'vote');
    vote.type = 'button';
    var body = make('span', 'vote-body');
    var title = make('span', 'card-title');
    var lane = make('span', 'card-lane');
    var meta = make('span', 'card-meta');
    var mine = make('span', 'mine');
    var mineDots = make('span', 'mine-dots');
    mineDots.setAttribute('aria-hidden', 'true');
    var mineText = make('span', 'mine-text');
    mine.appendChild(mineDots);
    mine.appendChild(mineText);
    var total = make('span', 'total');
    meta.appendChild(mine);
    meta.appendChild(total);
    body.appendChild(title);
    body.appendChild(lane);
    body.appendChild(meta);
    var add = make('span', 'vote-add', '+');
    add.setAttribute('aria-hidden', 'true');
    vote.appendChild(body);
    vote.appendChild(add);

    var back = make('button', 'takeback');
    back.type = 'button';
    var backIcon = make('span', 'takeback-icon', '−');
    backIcon.setAttribute('aria-hidden', 'true');
    back.appendChild(backIcon);
    back.appendChild(make('span', 'takeback-text', w('room-page-take-back')));

    root.appendChild(vote);
    root.appendChild(back);

    vote.addEventListener('click', function () { castVote(id, false); });
    back.addEventListener('click', function () { castVote(id, true); });

    v = { root: root, vote: vote, title: title, lane: lane, mine: mine, mineDots: mineDots, mineText: mineText,
      total: total, back: back, drawnMine: -1, laneClass: '' };
    cardViews.set(id, v);
    return v;
  }

  function findCard(id) {
    if (!state) return null;
    for (var i = 0; i < state.cards.length; i++) if (state.cards[i].id === id) return state.cards[i];
    return null;
  }

  function cardTitle(c) {
    return typeof c.title === 'string' && c.title.trim() ? c.title : w('room-page-untitled');
  }

  function renderCards() {
    var s = state;
    var groups = [];
    var byStage = new Map();
    var laneOrder = new Map();
    s.lanes.forEach(function (l, i) { laneOrder.set(String(l.id), i); });
    s.stages.forEach(function (st, i) {
      var g = { key: String(st.id), name: st.name, number: i + 1, cards: [] };
      byStage.set(g.key, g);
      groups.push(g);
    });
    s.cards.forEach(function (c) {
      var key = String(c.stage);
      var g = byStage.get(key);
      if (!g) {
        g = { key: key, name: c.stage_name, number: groups.length + 1, cards: [] };
        byStage.set(key, g);
        groups.push(g);
      }
      g.cards.push(c);
    });
    groups = groups.filter(function (g) { return g.cards.length > 0; });

    var canVote = !s.closed && s.dots_left > 0;
    var seenStages = new Set();
    var seenCards = new Set();

    groups.forEach(function (g, gi) {
      var sv = stageView(g.key);
      seenStages.add(g.key);
      setText(sv.number, String(g.number));
      setText(sv.name, typeof g.name === 'string' ? g.name : '');
      placeAt(el.stages, sv.root, gi);

      g.cards.forEach(function (c, ci) {
        var cv = cardView(c.id);
        seenCards.add(c.id);
        var title = cardTitle(c);
        var mine = Math.max(0, num(c.mine, 0));
        var busy = pending.has(c.id);

        setText(cv.title, title);
        setText(cv.lane, typeof c.lane_name === 'string' ? c.lane_name : '');
        cv.lane.hidden = !cv.lane.textContent;
        var li = laneOrder.has(String(c.lane)) ? laneOrder.get(String(c.lane)) : -1;
        var laneClass = li >= 0 ? 'lane-' + (li % LANE_COLOURS) : '';
        cv.root.className = 'card' + (laneClass ? ' ' + laneClass : '') + (canVote ? '' : ' off') + (busy ? ' busy' : '') +
          (cv.root.classList.contains('bump') ? ' bump' : '');

        if (cv.drawnMine !== mine) {
          cv.drawnMine = mine;
          cv.mineDots.textContent = '';
          for (var i = 0; i < Math.min(mine, 12); i++) cv.mineDots.appendChild(make('span', 'dot'));
        }
        setText(cv.mineText, w('room-page-your-dots', { mine: mine }));
        cv.mine.hidden = mine === 0;

        var votes = num(c.votes, null);
        var showTotal = !!s.revealed && votes !== null;
        cv.total.hidden = !showTotal;
        if (showTotal) setText(cv.total, w(votes === 1 ? 'room-page-votes-one' : 'room-page-votes-other', { votes: votes }));

        setOff(cv.vote, !canVote || busy);
        cv.vote.setAttribute('aria-busy', busy ? 'true' : 'false');

        var label = w('room-page-take-back-label', { card: title });
        if (cv.back.getAttribute('aria-label') !== label) cv.back.setAttribute('aria-label', label);
        setOff(cv.back, !!s.closed || busy);
        if (mine === 0 && !cv.back.hidden && document.activeElement === cv.back) cv.vote.focus();
        cv.back.hidden = mine === 0;

        placeAt(sv.list, cv.root, ci);
      });
    });

    cardViews.forEach(function (cv, id) {
      if (!seenCards.has(id)) {
        cv.root.remove();
        cardViews.delete(id);
      }
    });
    stageViews.forEach(function (sv, key) {
      if (!seenStages.has(key)) {
        sv.root.remove();
        stageViews.delete(key);
      }
    });

    el.noCards.hidden = s.cards.length > 0;
    el.voteHint.hidden = s.cards.length === 0 || !!s.closed;
    el.bannerClosed.hidden = !s.closed;
    el.bannerEmpty.hidden = !!s.closed || s.dots_left > 0 || s.cards.length === 0;
    el.bannerRevealed.hidden = !s.revealed;
  }

  function bump(id) {
    var cv = cardViews.get(id);
    if (!cv) return;
    cv.root.classList.remove('bump');
    void cv.root.offsetWidth;
    cv.root.classList.add('bump');
    setTimeout(function () { cv.root.classList.remove('bump'); }, 400);
  }

  function castVote(id, remove) {
    if (!state || roomClosed || pending.has(id)) return;
    var card = findCard(id);
    if (!card) return;
    if (state.closed) {
      showError(w('room-page-voting-closed'));
      return;
    }
    if (!remove && state.dots_left <= 0) {
      showError(w('room-page-no-dots'));
      return;
    }
    var title = cardTitle(card);
    var body = withName({ participant: participant, card: id });
    if (remove) body.remove = true;
    pending.add(id);
    renderCards();

    request('POST', 'votes', body).then(function (r) {
      pending.delete(id);
      if (r.ok) {
        clearError();
        var now = findCard(id);
        if (r.data && state) {
          if (typeof r.data.dots_left === 'number') state.dots_left = clamp(r.data.dots_left, 0, state.dots);
          if (now && typeof r.data.mine === 'number') {
            if (state.revealed && typeof now.votes === 'number') now.votes = Math.max(0, now.votes + r.data.mine - num(now.mine, 0));
            now.mine = r.data.mine;
          }
        }
        if (state) {
          renderDots();
          renderCards();
        }
        if (!remove) bump(id);
        say(w(remove ? 'room-page-taken-back' : 'room-page-voted', { card: title }));
        if (!streamLive) refresh();
      } else if (!roomGone(r)) {
        if (state) renderCards();
        showError(errorMessage(r));
        if (STALE.indexOf(errorKey(r)) >= 0) refresh();
      }
    }, function () {
      pending.delete(id);
      if (state) renderCards();
      showError(w('room-page-error-network'));
      // The dot may have been taken before the network failed: the room's state tells.
      refresh();
    });
  }

  /* ---------- sticky notes ---------- */

  var choiceKeys = { stage: '', lane: '' };

  function fillSelect(select, items, which) {
    var key = JSON.stringify(items.map(function (it) { return [it.id, it.name]; }));
    if (choiceKeys[which] === key) return;
    choiceKeys[which] = key;
    var current = select.value;
    while (select.options.length > 1) select.remove(1);
    items.forEach(function (it) {
      var option = make('option', '', typeof it.name === 'string' ? it.name : '');
      option.value = String(it.id);
      select.appendChild(option);
    });
    select.value = current;
    if (select.value !== current) select.value = '';
  }

  function notesMax() {
    var max = state ? num(state.notes_max, 0) : 0;
    return max > 0 ? Math.floor(max) : 280;
  }

  function renderNoteChoices() {
    fillSelect(el.stage, state.stages, 'stage');
    fillSelect(el.lane, state.lanes, 'lane');
    var max = String(notesMax());
    if (el.text.getAttribute('maxlength') !== max) el.text.setAttribute('maxlength', max);
    updateCounter();
  }

  function updateCounter() {
    var used = el.text.value.length;
    var max = notesMax();
    setText(el.count, w('room-page-note-counter', { used: used, max: max }));
    el.count.classList.toggle('near', used >= max * 0.9);
  }

  function noteStatus(text, kind) {
    el.noteStatus.className = 'form-status' + (kind ? ' ' + kind : '');
    el.noteStatus.textContent = text;
  }

  el.text.addEventListener('input', function () {
    updateCounter();
    el.text.removeAttribute('aria-invalid');
    if (el.noteStatus.textContent) noteStatus('', '');
  });
  el.stage.addEventListener('change', function () {
    el.stage.removeAttribute('aria-invalid');
    if (el.noteStatus.classList.contains('err')) noteStatus('', '');
  });

  var sending = false;
  el.form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (sending || !state || roomClosed) return;
    var stage = el.stage.value;
    var text = el.text.value.trim();
    if (!stage) {
      el.stage.setAttribute('aria-invalid', 'true');
      noteStatus(w('room-page-note-need-stage'), 'err');
      el.stage.focus();
      return;
    }
    if (!text) {
      el.text.setAttribute('aria-invalid', 'true');
      noteStatus(w('room-page-note-need-text'), 'err');
      el.text.focus();
      return;
    }
    var body = withName({ participant: participant, stage: Number(stage), text: text });
    if (el.lane.value) body.lane = Number(el.lane.value);

    sending = true;
    setOff(el.send, true);
    el.send.setAttribute('aria-busy', 'true');
    setText(el.send, w('room-page-note-sending'));
    noteStatus('', '');

    request('POST', 'notes', body).then(function (r) {
      if (r.ok) {
        el.text.value = '';
        updateCounter();
        noteStatus(w('room-page-note-sent'), 'ok');
      } else if (!roomGone(r)) {
        noteStatus(errorMessage(r), 'err');
        var key = errorKey(r);
        if (key === 'empty_note' || key === 'note_too_long') el.text.setAttribute('aria-invalid', 'true');
        if (key === 'unknown_stage') el.stage.setAttribute('aria-invalid', 'true');
        if (STALE.indexOf(key) >= 0) refresh();
      }
    }, function () {
      noteStatus(w('room-page-error-network'), 'err');
    }).then(function () {
      sending = false;
      setOff(el.send, false);
      el.send.removeAttribute('aria-busy');
      setText(el.send, w('room-page-note-send'));
    });
  });

  /* ---------- the name ---------- */

  el.name.value = load(KEY_NAME) || '';
  el.name.addEventListener('input', function () { save(KEY_NAME, el.name.value); });
  el.name.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') el.name.blur();
  });

  /* ---------- live updates: server-sent events, or polling ---------- */

  var stream = null;
  var streamLive = false;
  var streamTimer = null;
  var pollTimer = null;

  function setConnection(kind) {
    if (el.conn.getAttribute('data-state') === kind && el.connText.textContent) return;
    el.conn.setAttribute('data-state', kind);
    setText(el.connText, w('room-page-connection-' + kind));
  }

  function startPolling() {
    if (!pollTimer && !roomClosed) pollTimer = setInterval(refresh, POLL_MS);
  }

  function stopPolling() {
    if (pollTimer) {
      clearInterval(pollTimer);
      pollTimer = null;
    }
  }

  function openStream() {
    if (roomClosed) return;
    if (!window.EventSource) {
      startPolling();
      return;
    }
    try {
      stream = new EventSource('events');
    } catch (e) {
      stream = null;
      startPolling();
      return;
    }
    stream.addEventListener('open', function () {
      streamLive = true;
      setConnection('live');
      stopPolling();
    });
    stream.addEventListener('state', function (e) {
      streamLive = true;
      setConnection('live');
      stopPolling();
      var news = null;
      try { news = JSON.parse(e.data); } catch (err) { news = null; }
      if (!state || !news || news.revision !== state.revision || news.map_revision !== mapRevision) refresh();
    });
    // The facilitator closed the room: the server says so as its last word.
    stream.addEventListener('closed', function () {
      closeRoom();
    });
    stream.addEventListener('error', function () {
      if (roomClosed) return;
      streamLive = false;
      setConnection(navigator.onLine === false ? 'offline' : 'polling');
      startPolling();
      refresh();
      if (stream && stream.readyState === 2) {
        // The browser gave up (an error answer): polling carries on; try the stream again later.
        stream.close();
        stream = null;
        clearTimeout(streamTimer);
        streamTimer = setTimeout(openStream, STREAM_RETRY_MS);
      }
    });
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') refresh();
  });
  window.addEventListener('online', refresh);

  setConnection('connecting');
  refresh();
  openStream();
})();

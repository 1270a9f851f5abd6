// factspan review page. Every piece of data reaches the DOM through
// textContent, createTextNode, dataset or title: never as markup.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('data').textContent);
  var LABELS = {
    PERSON: 'PER', ORGANIZATION: 'ORG', LOCATION: 'LOC',
    NATIONALITY: 'NAT', DATE: 'DATE', COUNT: 'CNT', MONEY: 'MON',
    PERCENT: 'PCT', QUANTITY: 'QTY'
  };
  var ORDER = Object.keys(LABELS);
  var TABLE = { e: D.ents, c: D.claims };
  var hasAudit = !!D.audit;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function failed(r) { return !!(r.a && r.a.status !== 'ok'); }
  function colIndex(names) {
    var m = {};
    names.forEach(function (n, i) { m[n] = i; });
    return m;
  }
  var CI = { e: colIndex(D.ecols), c: colIndex(D.ccols) };
  function cell(k, r, name) {
    var i = CI[k][name];
    return i === undefined ? '' : (r.c[i] || '');
  }

  // Rows of each document, in table order.
  var per = D.docs.map(function () { return { e: [], c: [] }; });
  D.ents.forEach(function (r, i) { per[r.d].e.push(i); });
  D.claims.forEach(function (r, i) { per[r.d].c.push(i); });

  // The selected document: its code point -> UTF-16 index map, the marks
  // of each row, and the table row of each.
  var cur = { doc: -1, text: null, map: null, cps: 0, els: {}, rows: {},
              sel: null };
  var view = {
    e: { sort: 1, dir: 1, kind: '', q: '', fail: false },
    c: { sort: 1, dir: 1, kind: '', q: '', fail: false }
  };

  // Offsets in the tables count code points; JavaScript strings count
  // UTF-16 units, so a character outside the BMP (an emoji) takes two.
  function u16map(text) {
    var map = new Uint32Array(text.length + 1);
    var n = 0;
    for (var i = 0; i < text.length; n++) {
      map[n] = i;
      var c = text.charCodeAt(i);
      var pair = c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length &&
        (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00;
      i += pair ? 2 : 1;
    }
    map[n] = text.length;
    return { map: map, cps: n };
  }
  function span16(r) {
    if (cur.text === null || r.s === null || r.e === null) return null;
    if (r.s >= r.e || r.e > cur.cps) return null;
    return [cur.map[r.s], cur.map[r.e]];
  }

  // ---- header and legend ----
  $('title').textContent = D.title;
  (function summary() {
    var s = D.docs.length + ' documents \u00b7 ' + D.ents.length +
      ' entities \u00b7 ' + D.claims.length + ' claims';
    if (hasAudit) {
      s += ' \u00b7 audit: ' + D.audit.failed + ' of ' + D.audit.rows +
        ' rows failed';
      if (D.audit.unmatched) {
        s += ', ' + D.audit.unmatched + ' matched no row';
      }
    }
    $('summary').textContent = s;
  })();
  (function legend() {
    var box = $('legend');
    var seen = {};
    D.ents.forEach(function (r) { seen[r.t] = true; });
    var types = ORDER.filter(function (t) { return seen[t]; });
    Object.keys(seen).sort().forEach(function (t) {
      if (!LABELS[t]) types.push(t);
    });
    if (!types.length) types = ORDER.slice(0, 5);
    types.forEach(function (t) {
      var item = el('span', 'item');
      var sample = el('span', 'ent', t.toLowerCase());
      sample.dataset.t = t;
      sample.dataset.label = LABELS[t] || t;
      item.appendChild(sample);
      box.appendChild(item);
    });
    var c = el('span', 'item');
    c.appendChild(el('span', 'claim', 'claim'));
    box.appendChild(c);
    var sel = el('span', 'item');
    sel.appendChild(el('span', 'current', 'selected'));
    box.appendChild(sel);
    var toggle = el('label', 'item');
    var cb = el('input');
    cb.type = 'checkbox';
    cb.checked = true;
    cb.addEventListener('change', function () {
      $('text').classList.toggle('nolabels', !cb.checked);
    });
    toggle.appendChild(cb);
    toggle.appendChild(document.createTextNode(' type tags'));
    box.appendChild(toggle);
    box.appendChild(el('span', 'item muted',
      'click a row to find its span; click a span to find its row'));
  })();

  // ---- document list ----
  function docFailures(d) {
    var n = 0;
    per[d].e.forEach(function (i) { if (failed(D.ents[i])) n++; });
    per[d].c.forEach(function (i) { if (failed(D.claims[i])) n++; });
    D.docs[d].audit.forEach(function (m) { if (m.status !== 'ok') n++; });
    return n;
  }
  var list = $('doclist');
  var items = D.docs.map(function (doc, d) {
    var li = el('li');
    li.tabIndex = 0;
    li.dataset.doc = doc.id;
    li.appendChild(el('span', 'name', doc.id));
    var counts = el('span', 'counts', per[d].e.length + ' entities \u00b7 ' +
      per[d].c.length + ' claims');
    var f = hasAudit ? docFailures(d) : 0;
    li.dataset.fail = String(f);
    if (f) counts.appendChild(el('span', 'bad', ' \u00b7 \u2717 ' + f +
      ' failed'));
    if (doc.status !== 'ok') {
      li.classList.add('rejected');
      counts.appendChild(el('span', 'bad', ' \u00b7 ' + doc.status));
    }
    li.appendChild(counts);
    li.addEventListener('click', function () { showDoc(d); });
    li.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        showDoc(d);
      }
    });
    list.appendChild(li);
    return li;
  });
  if (hasAudit) $('onlyfailbox').hidden = false;
  function filterDocs() {
    var q = $('docfilter').value.toLowerCase();
    var only = $('onlyfail').checked;
    items.forEach(function (li, d) {
      li.hidden = (q !== '' && D.docs[d].id.toLowerCase().indexOf(q) < 0) ||
        (only && li.dataset.fail === '0');
    });
  }
  $('docfilter').addEventListener('input', filterDocs);
  $('onlyfail').addEventListener('change', filterDocs);

  // ---- tables ----
  function num(v) { return v === null || v === '' ? NaN : Number(v); }
  function auditText(r) {
    if (!r.a) return '';
    return r.a.status + (r.a.detail ? ': ' + r.a.detail : '');
  }
  function shortId(r) {
    var h = r.id.lastIndexOf('#');
    return h < 0 ? r.id : r.id.slice(h + 1);
  }
  var COLS = {
    e: [
      { name: '#', get: shortId, key: function (r, i) { return i; } },
      { name: 'start', get: function (r) { return r.s; }, num: true },
      { name: 'type', get: function (r) { return r.t; }, tag: true },
      { name: 'quote', get: function (r) { return r.q; }, quote: true },
      { name: 'canonical', get: function (r) {
        var n = cell('e', r, 'canonical_name');
        var id = cell('e', r, 'canonical_id');
        return id && id !== r.id ? n + ' (' + id + ')' : n;
      } },
      { name: 'source rule', get: function (r) {
        return cell('e', r, 'source');
      } }
    ],
    c: [
      { name: '#', get: shortId, key: function (r, i) { return i; } },
      { name: 'start', get: function (r) { return r.s; }, num: true },
      { name: 'kind', get: function (r) { return r.t; } },
      { name: 'quote', get: function (r) { return r.q; }, quote: true },
      { name: 'value', get: function (r) {
        var v = cell('c', r, 'value');
        var lo = cell('c', r, 'value_min');
        var hi = cell('c', r, 'value_max');
        if (!v && (lo || hi)) v = lo + '\u2013' + hi;
        var op = cell('c', r, 'operator');
        var unit = cell('c', r, 'unit');
        return (op && op !== '=' ? op + ' ' : '') + v +
          (unit ? ' ' + unit : '');
      }, key: function (r) { return num(cell('c', r, 'value')); },
      num: true },
      { name: 'qualifier', get: function (r) {
        return cell('c', r, 'qualifier');
      } },
      { name: 'counted', get: function (r) {
        return cell('c', r, 'counted');
      } },
      { name: 'subject', get: function (r) {
        return cell('c', r, 'subject');
      } },
      { name: 'attribution', get: function (r) {
        return cell('c', r, 'attribution');
      } },
      { name: 'time', get: function (r) { return cell('c', r, 'time'); } },
      { name: 'source rule', get: function (r) {
        return cell('c', r, 'source');
      } }
    ]
  };
  if (hasAudit) {
    ['e', 'c'].forEach(function (k) {
      COLS[k].push({ name: 'audit', get: auditText, audit: true });
    });
  }

  var T = {};
  function buildTable(k) {
    var box = $(k === 'c' ? 'cbox' : 'ebox');
    var h = el('h3', null, k === 'c' ? 'Claims' : 'Entities');
    var count = el('span', 'muted');
    h.appendChild(document.createTextNode(' '));
    h.appendChild(count);
    box.appendChild(h);
    var tools = el('div', 'tools');
    var kind = el('select');
    kind.setAttribute('aria-label', k === 'c' ? 'claim kind' : 'entity type');
    kind.className = 'kind';
    kind.addEventListener('change', function () {
      view[k].kind = kind.value;
      fillTable(k);
    });
    var q = el('input');
    q.type = 'search';
    q.placeholder = 'search rows';
    q.setAttribute('aria-label', 'search rows');
    q.addEventListener('input', function () {
      view[k].q = q.value.toLowerCase();
      fillTable(k);
    });
    tools.appendChild(kind);
    tools.appendChild(q);
    var fail = null;
    if (hasAudit) {
      var lab = el('label');
      fail = el('input');
      fail.type = 'checkbox';
      fail.addEventListener('change', function () {
        view[k].fail = fail.checked;
        fillTable(k);
      });
      lab.appendChild(fail);
      lab.appendChild(document.createTextNode(' failed only'));
      tools.appendChild(lab);
    }
    box.appendChild(tools);
    var table = el('table');
    table.id = k === 'c' ? 'claims' : 'entities';
    var thead = el('thead');
    var tr = el('tr');
    var ths = COLS[k].map(function (col, c) {
      var th = el('th', null, col.name);
      th.tabIndex = 0;
      th.setAttribute('role', 'columnheader');
      function sort() {
        if (view[k].sort === c) view[k].dir = -view[k].dir;
        else { view[k].sort = c; view[k].dir = 1; }
        fillTable(k);
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter') sort();
      });
      tr.appendChild(th);
      return th;
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = el('tbody');
    table.appendChild(tbody);
    box.appendChild(table);
    T[k] = { count: count, kind: kind, q: q, fail: fail, ths: ths,
             tbody: tbody };
  }

  function setKinds(k) {
    var t = T[k];
    var kinds = {};
    per[cur.doc][k].forEach(function (i) { kinds[TABLE[k][i].t] = true; });
    var names = Object.keys(kinds).sort();
    t.kind.textContent = '';
    var all = el('option', null, k === 'c' ? 'all kinds' : 'all types');
    all.value = '';
    t.kind.appendChild(all);
    names.forEach(function (n) {
      var o = el('option', null, n);
      o.value = n;
      t.kind.appendChild(o);
    });
    if (!kinds[view[k].kind]) view[k].kind = '';
    t.kind.value = view[k].kind;
  }

  function rowMatches(k, r) {
    var v = view[k];
    if (v.kind && r.t !== v.kind) return false;
    if (v.fail && !failed(r)) return false;
    if (v.q) {
      var hay = (r.q + '\n' + r.t + '\n' + r.c.join('\n') + '\n' +
        auditText(r)).toLowerCase();
      if (hay.indexOf(v.q) < 0) return false;
    }
    return true;
  }

  function fillTable(k) {
    var t = T[k];
    var v = view[k];
    var cols = COLS[k];
    var all = cur.doc < 0 ? [] : per[cur.doc][k];
    var rows = all.filter(function (i) { return rowMatches(k, TABLE[k][i]); });
    var col = cols[v.sort];
    var key = col.key || col.get;
    rows.sort(function (a, b) {
      var x = key(TABLE[k][a], a);
      var y = key(TABLE[k][b], b);
      var c;
      if (col.num || col.key) {
        x = typeof x === 'number' ? x : num(x);
        y = typeof y === 'number' ? y : num(y);
        // Rows without a number sort last either way.
        if (isNaN(x) || isNaN(y)) c = isNaN(x) - isNaN(y);
        else c = (x - y) * v.dir;
      } else {
        c = String(x).localeCompare(String(y)) * v.dir;
      }
      return c || a - b;
    });
    t.ths.forEach(function (th, c) {
      if (c === v.sort) {
        th.setAttribute('aria-sort', v.dir > 0 ? 'ascending' : 'descending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
    t.count.textContent = rows.length === all.length
      ? '(' + all.length + ')'
      : '(' + rows.length + ' of ' + all.length + ')';
    for (var key2 in cur.rows) {
      if (key2.charAt(0) === k) delete cur.rows[key2];
    }
    var frag = document.createDocumentFragment();
    rows.forEach(function (i) {
      var r = TABLE[k][i];
      var tr = el('tr');
      tr.tabIndex = 0;
      tr.dataset.k = k;
      tr.dataset.i = String(i);
      tr.title = r.id;
      if (failed(r)) tr.classList.add('fail');
      cols.forEach(function (col) {
        var td = el('td');
        var val = col.get(r);
        if (col.tag) {
          var tag = el('span', 'tag', val);
          tag.dataset.t = val;
          td.appendChild(tag);
        } else {
          td.textContent = val === null || val === undefined ? '' : val;
        }
        if (col.quote) {
          td.className = 'quote';
          var sp = span16(r);
          if (cur.text !== null) {
            if (!sp) td.classList.add('nospan');
            else if (cur.text.slice(sp[0], sp[1]) !== r.q) {
              td.classList.add('mismatch');
            }
          }
        }
        if (col.audit) {
          td.className = 'audit' + (r.a && !failed(r) ? ' ok' : '');
        }
        tr.appendChild(td);
      });
      if (cur.sel && cur.sel.k === k && cur.sel.i === i) {
        tr.classList.add('selected');
        tr.setAttribute('aria-selected', 'true');
      }
      tr.addEventListener('click', function () { select(k, i, 'row'); });
      tr.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter') select(k, i, 'row');
      });
      cur.rows[k + i] = tr;
      frag.appendChild(tr);
    });
    t.tbody.textContent = '';
    t.tbody.appendChild(frag);
  }

  // ---- text ----
  function mark(k, i) {
    var r = TABLE[k][i];
    var n = el('span', k === 'c' ? 'claim' : 'ent');
    n.dataset.k = k;
    n.dataset.i = String(i);
    if (k === 'e') {
      n.dataset.t = r.t;
      n.dataset.label = LABELS[r.t] || r.t;
    }
    n.title = (k === 'e' ? r.t : r.t + ' claim') + ': ' + r.q +
      (r.a ? ' [audit: ' + auditText(r) + ']' : '');
    if (failed(r)) n.classList.add('afail');
    return n;
  }
  function before(a, b) {
    return a.s - b.s || b.e - a.e ||
      (a.k === b.k ? a.i - b.i : (a.k === 'c' ? -1 : 1));
  }

  function renderText(d) {
    var box = $('text');
    box.textContent = '';
    cur.els = {};
    var doc = D.docs[d];
    cur.text = doc.text;
    if (cur.text === null) {
      cur.map = null;
      cur.cps = 0;
      box.appendChild(el('p', 'empty', doc.status !== 'ok'
        ? 'This document was rejected: ' + doc.status
        : 'No text for this document: run factspan review with ' +
          '--sources naming the inputs of the extract run.'));
      return;
    }
    var text = cur.text;
    var m = u16map(text);
    cur.map = m.map;
    cur.cps = m.cps;
    // Marks nest: a claim holds the entities inside it. A mark that
    // crosses the end of the one around it is split there.
    var anns = [];
    ['c', 'e'].forEach(function (k) {
      per[d][k].forEach(function (i) {
        var sp = span16(TABLE[k][i]);
        if (sp) anns.push({ k: k, i: i, s: sp[0], e: sp[1] });
      });
    });
    anns.sort(before);
    var frag = document.createDocumentFragment();
    var stack = [{ e: text.length, node: frag }];
    var pos = 0;
    function top() { return stack[stack.length - 1]; }
    function emit(to) {
      if (to > pos) {
        top().node.appendChild(document.createTextNode(text.slice(pos, to)));
        pos = to;
      }
    }
    for (var j = 0; j < anns.length; j++) {
      var a = anns[j];
      while (stack.length > 1 && top().e <= a.s) {
        emit(top().e);
        stack.pop();
      }
      emit(a.s);
      var end = a.e;
      if (end > top().e) {
        var rest = { k: a.k, i: a.i, s: top().e, e: a.e };
        end = top().e;
        var at = j + 1;
        while (at < anns.length && before(anns[at], rest) <= 0) at++;
        anns.splice(at, 0, rest);
      }
      var n = mark(a.k, a.i);
      top().node.appendChild(n);
      stack.push({ e: end, node: n });
      (cur.els[a.k + a.i] = cur.els[a.k + a.i] || []).push(n);
    }
    while (stack.length > 1) {
      emit(top().e);
      stack.pop();
    }
    emit(text.length);
    box.appendChild(frag);
  }

  // ---- selection ----
  function clearSel() {
    Array.prototype.forEach.call(document.querySelectorAll('.selected'),
      function (n) {
        n.classList.remove('selected');
        n.removeAttribute('aria-selected');
      });
    Array.prototype.forEach.call(document.querySelectorAll('#text .current'),
      function (n) { n.classList.remove('current'); });
  }
  function select(k, i, from) {
    clearSel();
    cur.sel = { k: k, i: i };
    var tr = cur.rows[k + i];
    if (!tr && from === 'span') {
      // The row is filtered out: clear that table's filters to show it.
      view[k].kind = '';
      view[k].q = '';
      view[k].fail = false;
      T[k].kind.value = '';
      T[k].q.value = '';
      if (T[k].fail) T[k].fail.checked = false;
      fillTable(k);
      tr = cur.rows[k + i];
    }
    if (tr) {
      tr.classList.add('selected');
      tr.setAttribute('aria-selected', 'true');
      if (from === 'span') tr.scrollIntoView({ block: 'nearest' });
    }
    var els = cur.els[k + i] || [];
    els.forEach(function (n) { n.classList.add('current'); });
    if (els.length && from === 'row') {
      els[0].scrollIntoView({ block: 'center' });
    }
  }
  $('text').addEventListener('click', function (ev) {
    var n = ev.target && ev.target.closest
      ? ev.target.closest('[data-k]') : null;
    if (!n) return;
    // Clicking the selected mark again selects the one around it, so a
    // claim can be reached through the entity inside it.
    if (n.classList.contains('current') && n.parentElement) {
      var up = n.parentElement.closest('[data-k]');
      if (up) n = up;
    }
    select(n.dataset.k, Number(n.dataset.i), 'span');
  });

  // ---- documents ----
  function showDoc(d) {
    if (cur.doc >= 0) items[cur.doc].classList.remove('active');
    cur.doc = d;
    cur.sel = null;
    items[d].classList.add('active');
    var doc = D.docs[d];
    $('doctitle').textContent = doc.id;
    var meta = [];
    if (doc.source) meta.push(doc.source);
    meta.push('status: ' + doc.status);
    if (doc.text !== null) meta.push(u16map(doc.text).cps + ' characters');
    $('docmeta').textContent = meta.join(' \u00b7 ');
    var warn = [];
    if (doc.changed) {
      warn.push('This text differs from the one that was extracted ' +
        '(sha256): spans may be off.');
    }
    doc.audit.forEach(function (m) {
      if (m.status !== 'ok') {
        warn.push('Audit: ' + m.status + (m.detail ? ': ' + m.detail : ''));
      }
    });
    $('docwarn').textContent = warn.join(' ');
    $('docwarn').hidden = warn.length === 0;
    renderText(d);
    ['c', 'e'].forEach(function (k) {
      setKinds(k);
      fillTable(k);
    });
    try {
      history.replaceState(null, '', '#' + encodeURIComponent(doc.id));
    } catch (e) { /* some browsers refuse this for file: pages */ }
  }

  buildTable('c');
  buildTable('e');
  if (D.docs.length) {
    var start = 0;
    var want = '';
    try { want = decodeURIComponent(location.hash.slice(1)); } catch (e) {}
    var found = -1;
    D.docs.forEach(function (doc, d) {
      if (found < 0 && want && doc.id === want) found = d;
    });
    if (found < 0) {
      found = D.docs.findIndex(function (doc) { return doc.text !== null; });
    }
    showDoc(found < 0 ? start : found);
  } else {
    $('text').appendChild(el('p', 'empty', 'No documents in this run.'));
  }
})();

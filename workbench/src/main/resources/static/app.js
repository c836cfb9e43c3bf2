// 公开台账 workbench: what every page shares. Plain JavaScript, no build step; it calls the REST API on the same
// origin and sends the CSRF token and the session cookie the server's log-in sets (when security is on).
'use strict';
const Ledger = (() => {
  const store = window.localStorage;
  const shanghaiToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const ctx = {
    get agency() { return store.getItem('ledger.agency') || ''; },
    set agency(v) { store.setItem('ledger.agency', v); },
    get officer() { return store.getItem('ledger.officer') || ''; },
    set officer(v) { store.setItem('ledger.officer', v); },
    /** The business date the pages compute days left for: today in Asia/Shanghai unless the officer set one. */
    get asOf() { return store.getItem('ledger.asOf') || shanghaiToday(); },
    set asOf(v) { if (v) store.setItem('ledger.asOf', v); else store.removeItem('ledger.asOf'); },
  };

  function csrf() {
    const meta = document.querySelector('meta[name="_csrf"]');
    if (meta && meta.content) {
      const header = document.querySelector('meta[name="_csrf_header"]');
      return [header ? header.content : 'X-CSRF-TOKEN', meta.content];
    }
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? ['X-XSRF-TOKEN', decodeURIComponent(cookie.substring(11))] : null;
  }

  /**
   * One call to the API: {ok, status, data, headers}; a refusal's data is the problem detail. A body is sent as
   * JSON, a file (a Blob) as it is.
   */
  async function api(method, url, body) {
    const headers = { 'Accept': 'application/json', 'Accept-Language': 'zh-CN' };
    const file = body instanceof Blob;
    if (body !== undefined) headers['Content-Type'] = file ? 'application/octet-stream' : 'application/json';
    if (ctx.officer) headers['X-Officer'] = encodeURIComponent(ctx.officer);
    const token = csrf();
    if (token && method !== 'GET') headers[token[0]] = token[1];
    let response;
    try {
      response = await fetch(url, { method, headers, credentials: 'same-origin',
        body: body === undefined || file ? body : JSON.stringify(body) });
    } catch (e) {
      return { ok: false, status: 0, data: { detail: '无法连接服务器，本次操作未提交，请稍后重试（已填写的内容保留）' } };
    }
    if (response.status === 401 && !url.startsWith('/api/auth/')) {
      window.location.href = '/login.html?next=' + encodeURIComponent(location.pathname + location.search);
      return { ok: false, status: 401, data: { detail: '请先登录' } };
    }
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = { detail: text }; }
    return { ok: response.ok, status: response.status, data, headers: response.headers };
  }

  let vocabulary = null;
  async function vocab() {
    if (!vocabulary) vocabulary = (await api('GET', '/api/vocabulary')).data;
    return vocabulary;
  }

  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const qs = name => new URLSearchParams(location.search).get(name);
  const option = (value, label, selected) => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;

  /** The page header: navigation, and the agency, officer and business date every page works with. */
  async function header(current) {
    const fromUrl = new URLSearchParams(location.search);
    if (fromUrl.get('agency')) ctx.agency = fromUrl.get('agency');
    if (fromUrl.get('asOf')) ctx.asOf = fromUrl.get('asOf');
    const pages = [['/', '工作台', 'workbench'], ['/legal.html', '复议诉讼', 'legal'], ['/report.html', '年度报告', 'report'],
      ['/year-end.html', '年终', 'year-end'], ['/import.html', '开账导入', 'import'], ['/agencies.html', '机关', 'agencies']];
    const el = document.createElement('header');
    el.className = 'top';
    el.innerHTML = `<a class="skip" href="#main">跳到正文</a><span class="brand">公开台账</span>
      <nav aria-label="主导航">${pages.map(([href, label, id]) =>
        `<a href="${href}"${id === current ? ' aria-current="page"' : ''}>${label}</a>`).join('')}</nav>
      <div class="context">
        <label>机关 <input id="ctx-agency" list="ctx-agencies" size="14" value="${esc(ctx.agency)}" autocomplete="off"></label>
        <datalist id="ctx-agencies"></datalist>
        <label>操作人 <input id="ctx-officer" size="8" value="${esc(ctx.officer)}"></label>
        <label>业务日期 <input id="ctx-asof" type="date" value="${esc(ctx.asOf)}"></label>
      </div>`;
    document.body.prepend(el);
    const reload = () => window.dispatchEvent(new Event('ledger-context'));
    el.querySelector('#ctx-agency').addEventListener('change', e => { ctx.agency = e.target.value.trim(); reload(); });
    el.querySelector('#ctx-officer').addEventListener('change', e => { ctx.officer = e.target.value.trim(); reload(); });
    el.querySelector('#ctx-asof').addEventListener('change', e => { ctx.asOf = e.target.value; reload(); });
    api('GET', '/api/agencies').then(r => {
      if (r.ok && Array.isArray(r.data)) {
        el.querySelector('#ctx-agencies').innerHTML = r.data.map(a => option(a.agencyId, a.name)).join('');
      }
    });
    // Signed in (when log-in is on): the officer is the signed-in user, and the agency theirs unless chosen.
    const me = await api('GET', '/api/auth/me');
    if (me.ok && me.data && me.data.username) {
      ctx.officer = me.data.username;
      const officer = el.querySelector('#ctx-officer');
      officer.value = me.data.username;
      officer.readOnly = true;
      officer.title = (me.data.roles || []).map(r => r.label).join('、');
      ctx.roles = (me.data.roles || []).map(r => r.name);
      if (!ctx.agency && me.data.agencyId) { ctx.agency = me.data.agencyId; el.querySelector('#ctx-agency').value = ctx.agency; }
      el.querySelector('.context').insertAdjacentHTML('beforeend', '<button type="button" class="secondary" id="logout">退出</button>');
      el.querySelector('#logout').addEventListener('click', async () => { await api('POST', '/api/auth/logout'); location.href = '/login.html'; });
    }
  }

  /** A form's fields as a command body: names with dots nest, empty fields are left out, numbers stay numbers. */
  function formBody(form) {
    const body = {};
    for (const el of form.elements) {
      if (!el.name || el.disabled || el.type === 'submit' || el.type === 'button') continue;
      let value;
      if (el.multiple) value = [...el.selectedOptions].map(o => o.value).filter(Boolean);
      else if (el.type === 'checkbox') { if (!el.checked) continue; value = el.value; }
      else value = el.value.trim();
      if (value === '' || (Array.isArray(value) && el.dataset.optional === 'true' && value.length === 0)) continue;
      if (el.type === 'number' && value !== '') value = Number(value);
      const path = el.name.split('.');
      let target = body;
      path.slice(0, -1).forEach(p => { target = target[p] = target[p] || {}; });
      target[path[path.length - 1]] = value;
    }
    return body;
  }

  function clearErrors(form) {
    form.querySelectorAll('.error, .form-error, .ok').forEach(e => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  }

  /**
   * Shows a refusal in plain Chinese next to the field it is about (the problem's {@code field}, or the field its
   * English message names), else above the buttons. Nothing typed is cleared.
   */
  function showProblem(form, problem) {
    clearErrors(form);
    const p = problem || {};
    const message = p.messageZh || p.detail || p.title || '操作未成功';
    let field = p.field || (p.errors && p.errors[0] && p.errors[0].field);
    if (!field && p.messageEn) {
      const m = /field:? ([A-Za-z][\w.]*)/i.exec(p.messageEn);
      if (m) field = m[1];
      else {   // the first of the form's fields the English message names
        const named = [...form.elements].map(e => e.name).filter(Boolean)
          .find(n => new RegExp(`\\b${n.split('.').pop()}\\b`).test(p.messageEn));
        if (named) field = named;
      }
    }
    const input = field && (form.querySelector(`[name="${field}"]`)
      || form.querySelector(`[name$=".${field}"]`) || form.querySelector(`[name^="${field}."]`));
    const note = document.createElement('div');
    note.setAttribute('role', 'alert');
    note.textContent = message;
    if (input) {
      note.className = 'error';
      note.id = 'err-' + input.name.replace(/\W/g, '-');
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', note.id);
      input.insertAdjacentElement('afterend', note);
      input.focus();
    } else {
      note.className = 'form-error';
      const actions = form.querySelector('.actions');
      (actions || form).insertAdjacentElement(actions ? 'beforebegin' : 'beforeend', note);
      const first = form.querySelector('input, select, textarea');
      if (first) first.focus();
    }
  }

  /**
   * Submits a form as a command; on success calls {@code done(answer)}, on refusal shows why next to the field.
   * Ctrl+Enter submits from a text area.
   */
  function commandForm(form, method, url, done, transform) {
    form.addEventListener('keydown', e => {
      if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); form.requestSubmit(); }
    });
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const button = form.querySelector('button[type=submit]');
      if (button) button.disabled = true;
      let body = formBody(form);
      if (transform) body = transform(body, form);
      const target = typeof url === 'function' ? url(body) : url;
      const r = await api(method, target, body);
      if (button) button.disabled = false;
      if (r.ok) { clearErrors(form); done(r.data, body); } else showProblem(form, r.data);
    });
  }

  /** The read-your-writes position of a command's answer, to pass as {@code after=} to the next read. */
  const after = answer => answer && answer.position ? 'after=' + encodeURIComponent(answer.position) : '';

  function fieldHtml(f, i) {
    const fid = `s-${f.name}-${i}`;
    const req = f.required ? ' required' : '';
    let input;
    if (f.type === 'textarea') input = `<textarea id="${fid}" name="${f.name}"${req}></textarea>`;
    else if (f.type === 'select') input = `<select id="${fid}" name="${f.name}"${req}>${f.options}</select>`;
    else if (f.type === 'multi') input = `<select id="${fid}" name="${f.name}" multiple size="5" data-optional="true">${f.options}</select><span class="hint">按住 Ctrl 多选，或用空格键选择</span>`;
    else input = `<input id="${fid}" name="${f.name}" type="${f.type}"${f.value ? ` value="${esc(f.value)}"` : ''}${f.step ? ` step="${f.step}"` : ''}${f.min ? ` min="${f.min}"` : ''}${f.max ? ` max="${f.max}"` : ''}${req}>`;
    return `<label for="${fid}">${esc(f.label)}</label><div class="field">${input}</div>`;
  }

  /**
   * Opens the form of one step (its fields, 确认 and 取消) in {@code holder}; what was typed is kept in
   * {@code drafts} until the step succeeds, so neither a refusal nor a reload loses it. Escape cancels.
   */
  function stepForm(holder, step, url, drafts, done) {
    holder.innerHTML = `<form class="grid step-form" id="form-${step.id}" data-step="${step.id}" autocomplete="off"><h3 style="grid-column:1/-1;margin:0">${esc(step.label)}</h3>
      ${step.fields.map(fieldHtml).join('')}
      <div class="actions"><button type="submit">确认${esc(step.label)}</button><button type="button" class="secondary" data-cancel>取消</button></div></form>`;
    const form = holder.querySelector('form');
    if (drafts[step.id]) Object.entries(drafts[step.id]).forEach(([n, val]) => {
      const el = form.elements[n]; if (!el) return;
      if (el.multiple) [...el.options].forEach(o => { o.selected = val.includes(o.value); }); else el.value = val;
    });
    form.addEventListener('input', () => {
      drafts[step.id] = {};
      for (const el of form.elements) if (el.name) drafts[step.id][el.name] = el.multiple ? [...el.selectedOptions].map(o => o.value) : el.value;
    });
    const cancel = form.querySelector('[data-cancel]');
    cancel.addEventListener('click', () => { holder.innerHTML = ''; const b = document.getElementById(`step-${step.id}`); if (b) b.focus(); });
    form.addEventListener('keydown', e => { if (e.key === 'Escape') cancel.click(); });
    commandForm(form, 'POST', url, answer => { delete drafts[step.id]; holder.innerHTML = ''; done(answer); }, body => {
      step.fields.filter(f => f.type === 'multi').forEach(f => { if (!body[f.name]) body[f.name] = []; });
      return step.transform ? step.transform(body) : body;
    });
    form.querySelector('input, select, textarea').focus();
  }

  const days = entry => entry.daysOverdue > 0 ? `逾期 ${entry.daysOverdue} 个工作日` : `剩 ${entry.daysLeft} 个工作日`;

  return { ctx, api, vocab, esc, qs, option, header, formBody, showProblem, clearErrors, commandForm, stepForm, after, days };
})();

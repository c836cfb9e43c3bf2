// 公开台账 report page: the roll-up of an agency and the agencies below it (汇总), in the official layout of a single
// report, with the agencies it sums (their own totals, 未发布, 未覆盖) and the trend of the summed reports.
'use strict';
const LedgerRollup = (() => {
  const SCOPES = { SELF_AND_SUBORDINATES: '本级及下级机关', SUBORDINATES: '下级机关' };
  const POLICIES = { OPEN_IN_YEAR: '本年新立及上年结转未审结', FILED_IN_YEAR: '仅本年新立' };
  const n = v => (v === null || v === undefined ? '—' : String(v));

  /** Shows the roll-up of `base` (/api/reports/{agency}/{year}) for `scope` in `el`, its downloads in `downloads`. */
  async function show({ agency, year, scope, format, el, downloads }) {
    const { api, esc } = Ledger;
    const base = `/api/reports/${encodeURIComponent(agency)}/${year}`;
    const p = new URLSearchParams({ scope });
    if (format) p.set('format', format);
    const [tables, data] = await Promise.all([
      fetch(`${base}/rollup/export/html?${p}`, { credentials: 'same-origin', headers: { 'Accept-Language': 'zh-CN' } }),
      api('GET', `${base}/rollup?${p}`)]);
    if (!tables.ok || !data.ok) {
      const problem = data.ok ? await tables.json().catch(() => ({})) : (data.data || {});
      el.innerHTML = `<p class="form-error">${esc(problem.messageZh || problem.detail || '无法读取汇总报告')}</p>`;
      downloads.innerHTML = ''; return;
    }
    const r = data.data;
    downloads.innerHTML = '下载汇总：' + [['docx', 'Word（DOCX）'], ['xlsx', 'Excel（XLSX）'], ['pdf', 'PDF'], ['csv', 'CSV'], ['json', 'JSON']]
      .map(([k, label]) => `<a id="dl-rollup-${k}" href="${base}/rollup/export/${k}?${p}">${label}</a>`).join('');
    const names = Object.fromEntries(r.agencies.map(a => [a.agencyId, a.name]));
    const status = a => !a.covered ? '<span class="badge amber">未覆盖（台账开账前）</span>'
      : a.published ? `<span class="badge green">已发布${a.published.revision > 1 ? `（第 ${a.published.revision} 版）` : ''}</span>`
      : '<span class="badge red">未发布</span>';
    const rows = r.agencies.map(a => `<tr data-agency="${esc(a.agencyId)}"><td style="padding-left:${0.4 + a.depth * 1.2}rem">
        <a href="/report.html?agency=${encodeURIComponent(a.agencyId)}&year=${year}">${esc(a.name)}</a><br><span class="hint">${esc(a.agencyId)}</span></td>
        ${['received', 'carriedOver', 'concluded', 'carriedForward', 'reconsiderations', 'lawsuits']
          .map(k => `<td class="num">${n(a.totals && a.totals[k])}</td>`).join('')}
        <td>${esc(POLICIES[a.appealPolicy] || '')}</td><td>${status(a)}</td></tr>`).join('');
    const total = `<tr><th>合计（${r.agencies.length - r.notCovered.length} 个机关）</th>${['received', 'carriedOver', 'concluded', 'carriedForward', 'reconsiderations', 'lawsuits']
      .map(k => `<th class="num">${n(r.totals[k])}</th>`).join('')}<th></th><th></th></tr>`;
    const list = ids => ids.map(id => esc(names[id] || id)).join('、');
    el.innerHTML = await tables.text() + `
      <section aria-labelledby="rollup-checks-title"><h2 id="rollup-checks-title" class="table-heading">汇总校验</h2>
        ${r.checks.length ? `<ul id="rollup-checks">${r.checks.map(c => `<li class="form-error">${esc(c.cell)}：${esc(c.message)}</li>`).join('')}</ul>`
          : '<p id="rollup-checks" class="hint">汇总数据通过全部勾稽关系校验（与单个机关年度报告相同的规则）。</p>'}</section>
      <section aria-labelledby="rollup-agencies-title"><h2 id="rollup-agencies-title" class="table-heading">汇总机关（${esc(SCOPES[r.scope])}，共 ${r.agencies.length} 个）</h2>
        <p id="rollup-unpublished">${r.notPublished.length ? `<strong>${year} 年度报告未发布（${r.notPublished.length} 个）：</strong>${list(r.notPublished)}` : `各机关 ${year} 年度报告均已发布。`}</p>
        ${r.notCovered.length ? `<p id="rollup-uncovered" class="hint">未覆盖、不计入汇总（台账自以后年度开账）：${list(r.notCovered)}</p>` : ''}
        <table class="list" id="rollup-agencies"><thead><tr><th>机关</th><th class="num">本年新收</th><th class="num">上年结转</th><th class="num">本年办结</th>
          <th class="num">结转下年</th><th class="num">行政复议</th><th class="num">行政诉讼</th><th>表四口径</th><th>发布状态</th></tr></thead>
          <tbody>${rows}</tbody><tfoot>${total}</tfoot></table></section>
      <section aria-labelledby="rollup-trend-title"><h2 id="rollup-trend-title" class="table-heading">汇总趋势</h2><div id="rollup-trend"><p class="hint">正在计算……</p></div></section>`;
    trend(agency, Number(year), scope);
  }

  async function trend(agency, year, scope) {
    const { api, esc } = Ledger;
    const from = Math.max(2008, year - 4);
    const r = await api('GET', `/api/reports/${encodeURIComponent(agency)}/trend/rollup?from=${from}&to=${year}&scope=${scope}`);
    const el = document.getElementById('rollup-trend');
    if (!el) return;
    if (!r.ok) { el.innerHTML = `<p class="form-error">${esc(r.data && (r.data.messageZh || r.data.detail))}</p>`; return; }
    const pct = v => (v === null || v === undefined ? '—' : (Number(v) * 100).toFixed(1) + '%');
    const change = (y, k) => (y.change && y.change[k] !== undefined ? `<span class="hint">（${y.change[k] >= 0 ? '+' : ''}${y.change[k]}）</span>` : '');
    el.innerHTML = `<table class="list" id="rollup-trend-table"><thead><tr><th>年度</th><th class="num">本年新收</th><th class="num">上年结转</th>
      <th class="num">本年办结</th><th class="num">结转下年</th><th class="num">逾期答复</th><th class="num">行政复议</th><th class="num">复议纠错率</th>
      <th class="num">行政诉讼</th><th class="num">诉讼纠错率</th><th>未覆盖机关</th></tr></thead><tbody>${r.data.years.map(y => `<tr data-year="${y.year}">
      <td>${y.year}</td><td class="num">${y.received}${change(y, 'received')}</td><td class="num">${y.carriedOver}</td><td class="num">${y.concluded}</td>
      <td class="num">${y.carriedForward}</td><td class="num">${n(y.overdueReplies)}</td><td class="num">${y.reconsiderations.total}${change(y, 'reconsiderations')}</td>
      <td class="num">${pct(y.reconsiderations.correctedRate)}</td><td class="num">${y.lawsuits.total}${change(y, 'lawsuits')}</td>
      <td class="num">${pct(y.lawsuits.correctedRate)}</td><td>${esc((r.data.notCovered[y.year] || []).join('、'))}</td></tr>`).join('')}</tbody></table>`;
  }

  return { show, SCOPES };
})();

// The supervisors' wallboard: signs in with the hub's cookie, listens to /hubs/wallboard and draws the board.
// Every figure comes from the hub; waits and times in state tick here between pushes, from the hub's clock.
(() => {
  'use strict';

  const TEXT = {
    en: {
      title: 'Wallboard', userName: 'User name', password: 'Password', signIn: 'Sign in',
      waiting: 'Waiting', longestWait: 'Longest wait', serviceLevel: 'Service level', asa: 'Avg speed of answer',
      aht: 'Avg handle time', abandonRate: 'Abandon rate', offered: 'Offered', answered: 'Answered', abandoned: 'Abandoned',
      callbacksPending: 'Callbacks pending', agents: 'Agents', agentsAvailable: 'Available', queues: 'Queues', queue: 'Queue',
      roster: 'Agents', agent: 'Agent', state: 'State', reason: 'Reason', timeInState: 'Time in state', handled: 'Handled today',
      occupancy: 'Occupancy', today: 'today', last30: 'last 30 min', allQueues: 'All queues', updated: 'Updated',
      reconnecting: 'Connection to the hub lost. Reconnecting…', disconnected: 'Not connected to the hub. Retrying…',
      badSignIn: 'The user name or password is wrong, or the account may not sign in now.', notAllowed: 'This account may not watch the wallboard (supervisors and wallboard accounts only).',
      signInFailed: 'Sign-in failed: ', tooManySignIns: 'Too many sign-in attempts; try again in a minute.', toggle: '中文',
      states: { available: 'Available', reserved: 'Ringing', busy: 'On a call', 'wrap-up': 'Wrap-up', break: 'Break', offline: 'Offline' },
      counts: { available: 'available', onCall: 'on a call', wrapUp: 'wrap-up', break: 'break', offline: 'offline' },
    },
    zh: {
      title: '实时监控大屏', userName: '用户名', password: '密码', signIn: '登录',
      waiting: '排队中', longestWait: '最长等待', serviceLevel: '服务水平', asa: '平均应答速度',
      aht: '平均处理时长', abandonRate: '放弃率', offered: '进线', answered: '接通', abandoned: '放弃',
      callbacksPending: '待回拨', agents: '坐席', agentsAvailable: '空闲', queues: '队列', queue: '队列',
      roster: '坐席状态', agent: '坐席', state: '状态', reason: '原因', timeInState: '状态时长', handled: '今日处理',
      occupancy: '占用率', today: '今日', last30: '近30分钟', allQueues: '全部队列', updated: '更新于',
      reconnecting: '与服务器的连接已断开，正在重新连接…', disconnected: '未连接到服务器，正在重试…',
      badSignIn: '用户名或密码错误，或该账号暂时无法登录。', notAllowed: '此账号无权查看监控大屏（仅限班长和大屏账号）。',
      signInFailed: '登录失败：', tooManySignIns: '登录尝试过多，请一分钟后再试。', toggle: 'English',
      states: { available: '空闲', reserved: '振铃', busy: '通话中', 'wrap-up': '话后整理', break: '小休', offline: '离线' },
      counts: { available: '空闲', onCall: '通话', wrapUp: '整理', break: '小休', offline: '离线' },
    },
  };

  const params = new URLSearchParams(location.search);
  const tv = params.get('tv') === '1';
  const rotateSeconds = Math.max(3, Number(params.get('rotate')) || 10);
  const pick = l => (l === 'zh' || l === 'en' ? l : null);
  let lang = pick(params.get('lang')) || ((navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en');

  const $ = id => document.getElementById(id);
  let update = null;      // the latest push: { version, board }
  let receivedAt = 0;     // performance.now() when it arrived
  let rotation = 0;       // TV mode: which board is on screen (0: the centre, then each queue)
  let connection = null;

  // --- text and numbers -------------------------------------------------------------------------------------------
  const t = key => TEXT[lang][key];
  const utc = s => (s ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(s) ? s : s + 'Z') : NaN);
  const dash = '–';
  const pct = v => (v == null ? dash : `${v.toFixed(1)}%`);
  const duration = seconds => {
    if (seconds == null || !isFinite(seconds)) return dash;
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return (h > 0 ? `${h}:${String(m).padStart(2, '0')}` : `${m}`) + `:${String(r).padStart(2, '0')}`;
  };
  const levelName = v => (v === 2 || v === 'critical' ? 'critical' : v === 1 || v === 'warning' ? 'warning' : 'normal');

  // The hub's clock now: the board's time plus what passed here since it came (a TV's own clock may be wrong).
  const hubNow = () => utc(update.board.at) + (performance.now() - receivedAt);
  const secondsSince = iso => (iso ? (hubNow() - utc(iso)) / 1000 : null);

  function applyText() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    document.querySelectorAll('[data-text]').forEach(el => { el.textContent = t(el.dataset.text); });
    $('lang-toggle').textContent = TEXT[lang].toggle;
  }

  function setLevel(el, level) {
    el.classList.remove('level-warning', 'level-critical');
    if (level !== 'normal') el.classList.add('level-' + level);
  }

  function cell(row, text, level) {
    const td = document.createElement('td');
    td.textContent = text;
    if (level) setLevel(td, level);
    row.appendChild(td);
    return td;
  }

  // --- drawing ----------------------------------------------------------------------------------------------------
  function shownBoard() {
    const b = update.board;
    if (!tv) return b.centre;
    const all = [b.centre, ...b.queues];
    return all[rotation % all.length];
  }

  // A centre tile is as bad as its worst queue: thresholds are set per queue.
  const levelRank = { normal: 0, warning: 1, critical: 2 };
  function tileLevels(q) {
    const boards = q.queue ? [q] : [q, ...update.board.queues];
    const worst = key => boards.map(b => levelName((b.levels || {})[key])).reduce((a, b) => (levelRank[b] > levelRank[a] ? b : a), 'normal');
    return { waiting: worst('waiting'), longestWait: worst('longestWait'), serviceLevel: worst('serviceLevel') };
  }

  function drawTiles(q) {
    const levels = tileLevels(q);
    $('showing').textContent = q.queue ? `· ${q.displayName}` : (tv ? `· ${t('allQueues')}` : '');
    $('value-waiting').textContent = q.waitingNow;
    setLevel($('tile-waiting'), levels.waiting);
    setLevel($('tile-longest-wait'), levels.longestWait);
    setLevel($('tile-service-level'), levels.serviceLevel);
    const pair = (id, today, last30, format) => {
      $('value-' + id).textContent = format(today);
      $('sub-' + id).textContent = `${t('last30')}: ${format(last30)}`;
    };
    pair('service-level', q.today.serviceLevelPercent, q.last30Minutes.serviceLevelPercent, pct);
    pair('asa', q.today.averageSpeedOfAnswerSeconds, q.last30Minutes.averageSpeedOfAnswerSeconds, duration);
    pair('aht', q.today.averageHandleSeconds, q.last30Minutes.averageHandleSeconds, duration);
    pair('abandon-rate', q.today.abandonRatePercent, q.last30Minutes.abandonRatePercent, pct);
    pair('offered', q.today.offered, q.last30Minutes.offered, String);
    pair('answered', q.today.answered, q.last30Minutes.answered, String);
    pair('abandoned', q.today.abandoned, q.last30Minutes.abandoned, String);
    $('value-callbacks').textContent = q.callbacksPending;
    const a = q.agents, c = TEXT[lang].counts;
    $('value-agents').textContent =
      `${a.available} ${c.available} · ${a.onCall} ${c.onCall} · ${a.wrapUp} ${c.wrapUp} · ${a.break} ${c.break} · ${a.offline} ${c.offline}`;
  }

  function drawQueues() {
    const body = $('queues').tBodies[0];
    body.replaceChildren();
    for (const q of update.board.queues) {
      const row = document.createElement('tr');
      row.dataset.queue = q.queue;
      const levels = q.levels || {};
      cell(row, q.displayName);
      cell(row, String(q.waitingNow), levelName(levels.waiting));
      cell(row, duration(q.oldestWaitingSince ? secondsSince(q.oldestWaitingSince) : null), levelName(levels.longestWait)).dataset.since = q.oldestWaitingSince || '';
      cell(row, pct(q.today.serviceLevelPercent), levelName(levels.serviceLevel));
      cell(row, duration(q.today.averageSpeedOfAnswerSeconds));
      cell(row, duration(q.today.averageHandleSeconds));
      cell(row, pct(q.today.abandonRatePercent));
      cell(row, String(q.today.offered));
      cell(row, String(q.today.answered));
      cell(row, String(q.today.abandoned));
      cell(row, String(q.callbacksPending));
      cell(row, String(q.agents.available));
      body.appendChild(row);
    }
  }

  function drawAgents() {
    const body = $('agents').tBodies[0];
    body.replaceChildren();
    for (const a of update.board.agents) {
      const row = document.createElement('tr');
      row.dataset.agent = a.agentId;
      row.dataset.state = a.state;
      cell(row, a.displayName);
      const state = document.createElement('span');
      state.className = 'state state-' + a.state;
      state.textContent = TEXT[lang].states[a.state] || a.state;
      const td = cell(row, '');
      td.className = 'agent-state';
      td.appendChild(state);
      cell(row, a.reason || '');
      cell(row, duration(secondsSince(a.since))).dataset.since = a.since;
      cell(row, String(a.handledToday));
      cell(row, a.occupancyPercent == null ? dash : pct(a.occupancyPercent));
      body.appendChild(row);
    }
  }

  function draw() {
    if (!update) return;
    drawTiles(shownBoard());
    drawQueues();
    drawAgents();
    tick();
  }

  // Once a second: the waits and times in state move on without a push.
  function tick() {
    if (!update) return;
    const q = shownBoard();
    $('value-longest-wait').textContent = duration(q.oldestWaitingSince ? secondsSince(q.oldestWaitingSince) : null);
    document.querySelectorAll('td[data-since]').forEach(td => {
      td.textContent = td.dataset.since ? duration(secondsSince(td.dataset.since)) : dash;
    });
    $('updated').textContent = `${t('updated')} ${new Date(hubNow()).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB')}`;
  }

  // --- connection -------------------------------------------------------------------------------------------------
  function banner(text, down) {
    const el = $('banner');
    el.hidden = !text;
    el.textContent = text || '';
    el.classList.toggle('down', !!down);
  }

  function showSignIn(message) {
    $('board').hidden = true;
    $('signin').hidden = false;
    $('signin-error').textContent = message || '';
    banner(null);
  }

  const statusOf = error => (error && (error.statusCode || (/\b(401|403)\b/.exec(String(error.message)) || [])[1])) | 0;

  function build() {
    const c = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/wallboard')
      .withAutomaticReconnect({
        // A board on a wall keeps trying; a sign-in that expired or was refused goes back to the sign-in form.
        nextRetryDelayInMilliseconds: ctx => {
          const status = statusOf(ctx.retryReason);
          if (status === 401 || status === 403) return null;
          return Math.min(500 * 2 ** ctx.previousRetryCount, 10000);
        },
      })
      .configureLogging(signalR.LogLevel.None)
      .build();
    c.on('snapshot', received => {
      if (update && received.version <= update.version) return;
      update = received;
      receivedAt = performance.now();
      $('signin').hidden = true;
      $('board').hidden = false;
      draw();
    });
    c.onreconnecting(() => banner(t('reconnecting'), false));
    c.onreconnected(() => banner(null));
    c.onclose(error => {
      const status = statusOf(error);
      if (status === 401) showSignIn();
      else if (status === 403) showSignIn(t('notAllowed'));
      else { banner(t('disconnected'), true); setTimeout(connect, 2000); }
    });
    return c;
  }

  async function connect() {
    if (connection && connection.state !== signalR.HubConnectionState.Disconnected) return;
    connection = build();
    try {
      await connection.start();
      banner(null);
    } catch (error) {
      const status = statusOf(error);
      if (status === 401) showSignIn();
      else if (status === 403) showSignIn(t('notAllowed'));
      else { banner(t('disconnected'), true); setTimeout(connect, 2000); }
    }
  }

  async function signIn(event) {
    event.preventDefault();
    $('signin-error').textContent = '';
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ userName: $('username').value, password: $('password').value }),
    }).catch(error => ({ ok: false, status: 0, error }));
    $('password').value = '';
    if (response.ok) { connect(); return; }
    $('signin-error').textContent = response.status === 401 ? t('badSignIn')
      : response.status === 429 ? t('tooManySignIns') : t('signInFailed') + (response.status || dash);
  }

  function start() {
    if (tv) document.body.classList.add('tv');
    applyText();
    $('signin-form').addEventListener('submit', signIn);
    $('lang-toggle').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyText(); draw(); });
    setInterval(tick, 1000);
    if (tv) setInterval(() => { rotation++; draw(); }, rotateSeconds * 1000);
    connect();
  }

  start();
})();

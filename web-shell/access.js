// The accessibility mirror: a hidden DOM kept in step with what the app draws on its canvas, so
// screen readers find the screen's heading, its texts and its controls (real buttons, checkboxes
// and text fields placed over where they are drawn), and the keyboard's Tab moves through them in
// reading order. The app hands over what a frame showed only when it changed (update); acting on
// a mirrored control asks the app to do exactly what a tap on it does. Also: the text size the
// browser asks for, and installing the app (window.pyprepAccess).
'use strict';
(function () {
  const root = document.getElementById('access');
  const live = document.getElementById('access-live');
  // Calls the app, once it runs.
  function call(name, ...args) {
    if (!window.pyprepBridge || !pyprepBridge.running) return;
    Module.ccall(name, null, args.map((a) => (typeof a === 'number' ? 'number' : 'string')), args);
  }

  // Elements by identity (kind, name, how many of those came before), reused across updates so
  // a screen reader's place survives scrolling and a control changing its target name.
  let elements = new Map();
  let lastAnnouncement = 0;
  let screen = '';
  let restoring = false;  // focus moved by this file, not by the user: no activation

  const TAGS = { h1: 'h1', h2: 'h2', text: 'p', field: 'textarea' };
  function make(kind) {
    const element = document.createElement(TAGS[kind] || 'button');
    if (element.tagName === 'BUTTON') element.type = 'button';
    if (kind === 'checkbox' || kind === 'switch') element.setAttribute('role', kind);
    if (kind === 'h1') element.tabIndex = -1;  // a new screen's heading takes the focus
    if (kind === 'field') {
      element.rows = 1;
      element.addEventListener('focus', () => { if (!restoring) call('pyprep_activate', element.dataset.target); });
    } else if (element.tagName === 'BUTTON') {
      element.addEventListener('click', () => call('pyprep_activate', element.dataset.target));
    }
    return element;
  }

  function fill(element, [kind, name, x, y, w, h, target, checked, value]) {
    const box = element.style;
    box.left = x + 'px'; box.top = y + 'px'; box.width = Math.max(w, 1) + 'px'; box.height = Math.max(h, 1) + 'px';
    if (kind === 'field') {
      element.setAttribute('aria-label', name);
      if (element.value !== value) element.value = value;
    } else if (element.textContent !== name) {
      element.textContent = name;
    }
    if (target !== undefined && element.dataset.target !== target) {
      element.dataset.target = target;
      if (document.activeElement === element) call('pyprep_focus', target);  // the ring follows
    }
    if (kind === 'toggle') element.setAttribute('aria-pressed', checked === 1 ? 'true' : 'false');
    if (kind === 'checkbox' || kind === 'switch') element.setAttribute('aria-checked', checked === 1 ? 'true' : 'false');
    if (kind === 'tab') {
      if (checked === 1) element.setAttribute('aria-current', 'page'); else element.removeAttribute('aria-current');
    }
  }

  function update(json) {
    const mirror = JSON.parse(json);
    const focused = root.contains(document.activeElement) ? document.activeElement : null;
    const next = new Map();
    const seen = new Map();
    let previous = null;
    for (const node of mirror.nodes) {
      const base = node[0] + '|' + node[1];
      const count = seen.get(base) || 0;
      seen.set(base, count + 1);
      const key = base + '|' + count;
      let element = elements.get(key);
      if (!element) element = make(node[0]);
      fill(element, node);
      next.set(key, element);
      // In reading order; the focused element is never moved (that would drop the focus).
      const wanted = previous ? previous.nextSibling : root.firstChild;
      if (element !== wanted && element !== focused) root.insertBefore(element, wanted);
      previous = element;
    }
    for (const [key, element] of elements) if (!next.has(key)) element.remove();
    elements = next;
    const newScreen = mirror.screen !== screen;
    screen = mirror.screen;
    // The user was on a control that went away (a new screen): start them at its heading.
    if (focused && !focused.isConnected) {
      const heading = root.querySelector('h1');
      if (heading) { restoring = true; heading.focus({ preventScroll: true }); restoring = false; }
      else call('pyprep_focus', '');
    }
    const [id, text] = mirror.announce;
    if (id !== lastAnnouncement) {
      lastAnnouncement = id;
      live.textContent = '';
      if (text) setTimeout(() => { live.textContent = text; }, newScreen ? 150 : 0);
    }
  }

  root.addEventListener('focusin', (event) => call('pyprep_focus', event.target.dataset.target || ''));
  root.addEventListener('focusout', (event) => {
    if (!event.relatedTarget || !root.contains(event.relatedTarget)) call('pyprep_focus', '');
  });
  // The app's shortcuts work from the mirror too; Enter and Space belong to the focused control.
  const SHORTCUTS = { ' ': 32, u: 117, '/': 47, 1: 49, 2: 50, 3: 51, 4: 52, Escape: 27 };
  root.addEventListener('keydown', (event) => {
    if (event.target.tagName === 'TEXTAREA' || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.key === ' ' || event.key === 'Enter') && event.target.tagName === 'BUTTON') return;  // its click
    const key = SHORTCUTS[event.key];
    if (key) { event.preventDefault(); call('pyprep_shortcut', key); }
  });
  // Tab from the canvas (after a tap) enters the mirror rather than leaving the page.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || document.activeElement !== document.getElementById('canvas')) return;
    const controls = root.querySelectorAll('button, textarea');
    const first = controls[event.shiftKey ? controls.length - 1 : 0];
    if (first) { event.preventDefault(); event.stopImmediatePropagation(); first.focus(); }
  }, true);

  const fieldMirror = (target) => [...root.querySelectorAll('textarea')].find((f) => f.dataset.target === target);
  // Leaves the text field being edited for the control after (or before) its mirror, as Tab
  // would; false when the field keeps Tab (the code editor indents with it).
  function tabOutOfField(backwards) {
    const field = fieldMirror(editing.target);
    if (!field || editing.target === 'editor') return false;
    const controls = [...root.querySelectorAll('button, textarea')];
    const to = controls[controls.indexOf(field) + (backwards ? -1 : 1)];
    call('pyprep_end_editing');
    restoring = true;
    (to || field).focus({ preventScroll: true });
    restoring = false;
    return true;
  }
  // The field being edited names the keyboard proxy for screen readers; when editing ends the
  // focus goes back to the field's mirror.
  const editing = { target: '', label: '' };
  function textFieldActive(active, proxy) {
    if (active) {
      const focused = document.activeElement;
      if (focused && focused.tagName === 'TEXTAREA' && root.contains(focused)) {
        editing.target = focused.dataset.target;
        proxy.setAttribute('aria-label', focused.getAttribute('aria-label'));
      }
      proxy.removeAttribute('aria-hidden');
      return;
    }
    proxy.setAttribute('aria-hidden', 'true');
    const field = fieldMirror(editing.target);
    editing.target = '';
    if (field && (document.activeElement === proxy || document.activeElement === document.body)) {
      restoring = true;
      field.focus({ preventScroll: true });
      restoring = false;
    }
  }

  // The browser's default text size (its settings, or the system's on phones that pass it on),
  // against the normal 16 px; on iOS, Dynamic Type's body size against its normal 17 px.
  // Read once and again when the page comes back or is resized (where a changed preference
  // shows), not on every frame that asks.
  let textScale = null;
  function preferredTextScale() {
    if (textScale === null) {
      const probe = document.getElementById('text-probe');
      const size = parseFloat(getComputedStyle(probe).fontSize) || 16;
      textScale = size / (CSS.supports('font', '-apple-system-body') ? 17 : 16);
    }
    return textScale;
  }
  const rereadTextScale = () => { textScale = null; };  // the frame that follows reads it
  addEventListener('resize', rereadTextScale);
  document.addEventListener('visibilitychange', rereadTextScale);

  // Installing: Chromium's prompt, kept for when the user asks; iOS Safari has only its Share
  // menu. None once running installed. The app sees a change at its next frame: the offer comes
  // within moments of the first visit, and waking the app for it would draw frames while idle.
  let installPrompt = null;
  addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    installPrompt = event;
  });
  addEventListener('appinstalled', () => { installPrompt = null; });
  const standalone = () => matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;
  const ios = () => /iPhone|iPad|iPod/.test(navigator.userAgent) ||
    (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  function installOffer() {  // Platform::InstallOffer: 0 none, 1 prompt, 2 the iOS hint
    if (standalone()) return 0;
    if (installPrompt) return 1;
    return ios() ? 2 : 0;
  }
  function install() {
    if (!installPrompt) return;
    const prompt = installPrompt;
    installPrompt = null;  // a prompt can be shown once
    prompt.prompt();
    prompt.userChoice.then(() => call('pyprep_wake'), () => {});
  }

  function takeInstallSuggestion() {
    try {
      if (localStorage.getItem('pyprep-install-suggested')) return false;
      localStorage.setItem('pyprep-install-suggested', '1');
      return true;
    } catch (e) {
      return false;  // no storage to remember it in: better never than every time
    }
  }

  window.pyprepAccess = { update, preferredTextScale, installOffer, install, takeInstallSuggestion,
                          textFieldActive, tabOutOfField };
})();

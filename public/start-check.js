/*
 * Article Four's start check: a classic script, the one kind a browser runs from a page opened straight
 * from disk (file://). The game itself is a set of ES modules, which browsers refuse to load from a folder.
 * When the page has finished loading and the game has not started, this replaces "loading…" with what to
 * do, in plain words, instead of leaving the page waiting forever. Text only, never markup (the page's
 * Content-Security-Policy allows no inline script; this file is its own script).
 */
(() => {
  const element = (tag, children) => {
    const node = document.createElement(tag);
    for (const child of children) node.append(child);
    return node;
  };
  const code = (text) => element('code', [text]);

  const fromDisk = () =>
    element('main', [
      element('h1', ['Article Four cannot start from a file']),
      element('p', [
        'This page was opened straight from a folder (its address begins with file://). Browsers do not run the game’s scripts from a folder opened this way: they need to come from a web server, even a small one on this computer. Nothing needs the internet.',
      ]),
      element('h2', ['To play']),
      element('ul', [
        element('li', ['Use the address your teacher gives, if there is one.']),
        element('li', [
          'Or open a terminal in this folder (the one holding index.html), run ',
          code('python3 -m http.server 8000'),
          ' and open ',
          code('http://localhost:8000/'),
          ' in the browser.',
        ]),
        element('li', [
          'Or, in a copy of the game’s source, run ',
          code('npm install'),
          ', ',
          code('npm run build'),
          ' and ',
          code('npm run preview'),
          ', and open the address it prints.',
        ]),
      ]),
      element('p', ['Opened once from a web server, the game keeps itself in the browser and plays on without a network.']),
    ]);

  const notLoaded = () =>
    element('main', [
      element('h1', ['Article Four could not start']),
      element('p', [
        'Some of the game’s files did not arrive. Reload the page. If this computer is offline, connect it once and load the game: after that it plays without a network.',
      ]),
    ]);

  document.addEventListener('DOMContentLoaded', () => {
    // Module scripts run before this event: by now a game that could start has marked the page.
    if (document.documentElement.dataset.gameStarted) return;
    const app = document.getElementById('app');
    if (!app) return;
    document.body.dataset.startProblem = location.protocol === 'file:' ? 'file' : 'not-loaded';
    app.replaceChildren(location.protocol === 'file:' ? fromDisk() : notLoaded());
  });
})();

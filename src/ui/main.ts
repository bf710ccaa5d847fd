import './styles/main.css';
import { mountAnnouncer } from './kit/announce.ts';
import { App } from './app.ts';
import { keepGameOffline } from './offline/register.ts';
import { openLibrary } from './state/library.ts';

const root = document.getElementById('app');
if (!root) throw new Error('the page has no #app element');
// The game's scripts arrived and run: public/start-check.js leaves the page to the game.
document.documentElement.dataset.gameStarted = 'true';
mountAnnouncer(document.body);
new App(root, openLibrary()).start();
keepGameOffline();

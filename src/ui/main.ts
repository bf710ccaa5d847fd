import './styles/main.css';
import { mountAnnouncer } from './kit/announce.ts';
import { App } from './app.ts';
import { keepGameOffline } from './offline/register.ts';
import { openLibrary } from './state/library.ts';

const root = document.getElementById('app');
if (!root) throw new Error('the page has no #app element');
mountAnnouncer(document.body);
new App(root, openLibrary()).start();
keepGameOffline();

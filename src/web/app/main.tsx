// The first script of every page, kept small: it asks at once for the current page's code and the reader's
// catalogue, beside the app's own code (start.tsx), which would otherwise ask for them only once it has arrived and
// run. The stylesheets are imported here so that they stay links in the page's head.
import 'krds-uiux/resources/css/common/common.css';
import 'krds-uiux/resources/css/component/component.css';
import 'pretendard-gov/dist/web/static/pretendard-gov-dynamic-subset.css';
import '../styles/app.css';
import { loadCatalogue } from '../i18n/index.ts';
import { storedLang } from '../shared/stored-lang.ts';
import { PAGE_MODULES, routeAt } from './page-modules.ts';

const route = routeAt(window.location.pathname);
// Failures are left to the route table and the language loader, which show or retry them.
if (route) PAGE_MODULES[route]().catch(() => undefined);
loadCatalogue(storedLang()).catch(() => undefined);
await import('./start.tsx');

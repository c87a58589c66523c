import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import 'krds-uiux/resources/css/common/common.css';
import 'krds-uiux/resources/css/component/component.css';
import 'pretendard-gov/dist/web/static/pretendard-gov-dynamic-subset.css';
import '../styles/app.css';
import { AppProvider, loadInitialLanguage } from '../shared/app-context.tsx';
import { bindNavigator } from '../shared/router.tsx';
import { createAppRouter } from './routes.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// The router starts fetching the current page's chunk at once, while the reader's catalogue arrives.
const router = createAppRouter();
bindNavigator((to, options) => void router.navigate(to, options));
const initial = await loadInitialLanguage();

createRoot(container).render(
  <StrictMode>
    <AppProvider initial={initial}>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);

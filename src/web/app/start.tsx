// The app: the router and the frame, rendered once the reader's catalogue is there (main.tsx loads this module).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { AppProvider, loadInitialLanguage } from '../shared/app-context.tsx';
import { queryClient } from '../shared/data/query-client.ts';
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
    <QueryClientProvider client={queryClient}>
      <AppProvider initial={initial}>
        <RouterProvider router={router} />
      </AppProvider>
    </QueryClientProvider>
  </StrictMode>,
);

// The one data layer of the UI (TanStack Query): every read is a query under a key made by its feature's api/
// module, every write a mutation that invalidates the keys it changed. Answers are shared between the pages
// that ask for the same key and kept while the reader moves around; a page shown again shows what it had and
// asks again in the background.
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    // A refused read (403, 404, a problem+json) is an answer to show, not a glitch to retry; the reader retries.
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

// The React binding of the framework-free store: a context holding the store, and a hook that
// re-renders on each publish (at most every 100 ms, see feed/store.ts).
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DashboardStore } from './feed/store.js';
import type { DashboardState } from './model/state.js';

/** The store of the running dashboard. */
export const StoreContext = createContext<DashboardStore | null>(null);

/** The store from context; throws when rendered outside <StoreContext>. */
export function useStore(): DashboardStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useStore must be used inside <StoreContext value={store}>');
  return store;
}

/** The published dashboard state. */
export function useDashboardState(): DashboardState {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}

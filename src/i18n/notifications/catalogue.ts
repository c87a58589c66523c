// Shape of a notification catalogue: every language has exactly the keys of the Korean one (a missing key fails
// typecheck).
import type { ko } from './ko.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type NotificationCatalogue = Widen<typeof ko>;

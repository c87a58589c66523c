// Shape of an error catalogue: every language has exactly the keys of the Korean one.
import type { ko } from './ko.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type ErrorCatalogue = Widen<typeof ko>;
